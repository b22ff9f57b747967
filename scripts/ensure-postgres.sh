#!/usr/bin/env bash
# The store tests start a private PostgreSQL 15 cluster; a fresh machine may lack the server.
# Called by test/helpers/postgres-global-setup.ts when /usr/lib/postgresql/15/bin/initdb is missing.
set -euo pipefail
if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
  exit 0
fi
echo "jikenbo: installing postgresql-15 for the store tests (apt-get)" >&2
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql-15 >/dev/null

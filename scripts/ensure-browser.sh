#!/usr/bin/env bash
# Browser tests drive Debian's Chromium; without fonts-noto-cjk Japanese renders as boxes.
# Runs before `npm test` (pretest): installs both when missing, as root or through sudo.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  exit 0
fi
echo "jikenbo: installing chromium and fonts-noto-cjk for the browser tests (apt-get)" >&2
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null

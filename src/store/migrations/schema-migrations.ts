// The schema as numbered, forward-only migrations, one list for both engines: each version is one
// entry, applied once in its own transaction by each engine's runner (sqlite-migrate.ts,
// postgres-migrate.ts). A migration is written once in the SQL both engines accept; where they
// differ, ddl.ts's named helpers give each engine's text (`${id}`, `${textC}`, `${json('x')}`, …) and
// `byEngine({ sqlite, postgres })` holds the two bodies side by side (FTS5 or tsvector, triggers).
// The helpers give SQLite's text on SQLite, so SQLite's schema reads exactly as written here.
//
// PostgreSQL's named differences: ids are integer identity columns, JSON is text checked by a cast
// (jsonb would reorder keys), dates and times stay ISO text in the "C" collation so they sort as in
// SQLite, the bigram index is a tsvector table (notice_search) in place of FTS5, queues number their
// items from a sequence, triggers call plpgsql functions, and originals can live in `blobs`.
//
// A version, once released, never changes: a database at it has run its SQL. Add a new one at the end.

import { DDL, type Ddl, type Engine, type PerEngine } from './ddl.ts';

export interface SchemaMigration {
  version: number;
  /** Recorded in schema_migrations; the same on both engines. */
  name: string;
  /** The same text for both engines, or one made from the engine's helpers. */
  sql: string | ((ddl: Ddl) => string);
}

/** The SQL `migration` runs on `engine`. */
export function migrationSql(migration: SchemaMigration, engine: Engine): string {
  return typeof migration.sql === 'string' ? migration.sql : migration.sql(DDL[engine]);
}

/** The latest version of `migrations` (0 for none): a database past it is from a newer jikenbo. */
export function latestVersion(migrations: readonly SchemaMigration[]): number {
  return Math.max(0, ...migrations.map((m) => m.version));
}

/** Every incident's facts made again by the next read (the queue's sequence numbers after the ones taken). */
const REQUEUE_ALL_FACTS: PerEngine = {
  sqlite: /* sql */ `
      INSERT INTO incident_facts_queue (incident_id, seq)
        SELECT id, (SELECT coalesce(max(seq), 0) FROM incident_facts_queue) + id FROM incidents WHERE true
        ON CONFLICT (incident_id) DO NOTHING;`,
  postgres: /* sql */ `
      INSERT INTO incident_facts_queue (incident_id, seq)
        SELECT id, nextval('incident_facts_seq') FROM incidents ORDER BY id
        ON CONFLICT (incident_id) DO NOTHING;`,
};

export const MIGRATIONS: readonly SchemaMigration[] = [
  {
    version: 1,
    name: 'documents, notices, records, incidents, full-text index',
    sql: ({ id, textC, bigint, json, isoDate, descNullsLast, withoutRowid, byEngine }) => /* sql */ `
      CREATE TABLE documents (
        id           ${id},
        sha256       TEXT    NOT NULL UNIQUE CHECK (${byEngine({ sqlite: 'length(sha256) = 64', postgres: "sha256 ~ '^[0-9a-f]{64}$'" })}),
        source       TEXT    NOT NULL,
        media_type   TEXT    NOT NULL,
        encoding     TEXT,
        byte_length  INTEGER NOT NULL CHECK (byte_length >= 0),
        text         TEXT    NOT NULL,
        ingested_at  ${textC}    NOT NULL
      );

      -- One post cut from a document. The record's main fields are copied here for filtering and sorting.
      CREATE TABLE notices (
        id               ${id},
        document_id      INTEGER NOT NULL REFERENCES documents (id),
        ordinal          INTEGER NOT NULL CHECK (ordinal >= 0),
        start_offset     INTEGER NOT NULL CHECK (start_offset >= 0),
        end_offset       INTEGER NOT NULL CHECK (end_offset >= start_offset),
        text             TEXT    NOT NULL,
        header           TEXT    NOT NULL,
        organization     TEXT,
        title            TEXT,
        disclosure_date  ${textC}    CHECK (${isoDate('disclosure_date')}),
        casebook_id      TEXT,
        sector           TEXT,
        affected_count   ${bigint} CHECK (affected_count >= 0),
        kind             TEXT    NOT NULL,
        UNIQUE (document_id, ordinal)
      );
      CREATE INDEX notices_by_disclosure ON notices (disclosure_date ${descNullsLast}, id DESC);
      CREATE INDEX notices_by_sector ON notices (sector, disclosure_date);

      -- The machine's reading, kept exactly as extracted; people's corrections will sit beside it.
      CREATE TABLE records (
        id                 ${id},
        notice_id          INTEGER NOT NULL REFERENCES notices (id),
        record_json        TEXT    NOT NULL CHECK (${json('record_json')}),
        extractor_version  TEXT    NOT NULL,
        created_at         ${textC}    NOT NULL,
        UNIQUE (notice_id, extractor_version)
      );
      ${byEngine({ sqlite: '', postgres: 'CREATE INDEX records_by_notice ON records (notice_id, id);' })}

      CREATE TABLE notice_types (
        notice_id  INTEGER NOT NULL REFERENCES notices (id),
        position   INTEGER NOT NULL,
        type       TEXT    NOT NULL,
        PRIMARY KEY (notice_id, type)
      )${withoutRowid};
      CREATE INDEX notice_types_by_type ON notice_types (type, notice_id);

      -- Notices that tell one story. Until linking lands, each notice is its own incident.
      CREATE TABLE incidents (
        id          ${id},
        created_at  ${textC} NOT NULL
      );
      CREATE TABLE incident_notices (
        incident_id  INTEGER NOT NULL REFERENCES incidents (id),
        notice_id    INTEGER NOT NULL UNIQUE REFERENCES notices (id),
        PRIMARY KEY (incident_id, notice_id)
      );
      ${byEngine({
        sqlite: /* sql */ `
      -- Contentless: rowid = notices.id, body = indexTokens(notices.text). unicode61 splits only at
      -- spaces here, because every bigram consists of letters, digits and marks (categories below),
      -- and remove_diacritics 0 keeps each token exactly as bigram.ts made it.
      CREATE VIRTUAL TABLE notice_fts USING fts5 (
        body,
        content = '',
        contentless_delete = 1,
        tokenize = "unicode61 remove_diacritics 0 categories 'L* N* M* Co'"
      );`,
        postgres: /* sql */ `
      -- In place of FTS5: body = the positions of indexTokens(notices.text), written by the store
      -- as tsvector input so that PostgreSQL's own parser never re-cuts a bigram.
      CREATE TABLE notice_search (
        notice_id  integer PRIMARY KEY REFERENCES notices (id),
        body       tsvector NOT NULL
      );
      CREATE INDEX notice_search_body ON notice_search USING gin (body);

      -- PostgreSQL only: originals by SHA-256, so that several servers on one database share them.
      CREATE TABLE blobs (
        sha256  text  PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        bytes   bytea NOT NULL
      );`,
      })}
    `,
  },
  {
    version: 2,
    name: 'incident grouping: link reasons, people\'s decisions, casebook numbers',
    sql: ({ id, textC, json, descNullsLast, byEngine }) => {
      // "only" is reserved in PostgreSQL, hence quoted there.
      const only = byEngine({ sqlite: 'only', postgres: '"only"' });
      return /* sql */ `
      -- Why each notice is in its incident: the links that tie it to the others (JSON array of
      -- {rule, evidence, notices}), and whether a person's decision put it there.
      ALTER TABLE incident_notices ADD COLUMN reason_json TEXT NOT NULL DEFAULT '[]' CHECK (${json('reason_json')});
      ALTER TABLE incident_notices ADD COLUMN origin TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto', 'manual'));

      -- YYYY-NNN: kept from a casebook header (number_kept = 1) or assigned by jikenbo, stored so it never changes.
      ALTER TABLE incidents ADD COLUMN casebook_number ${textC} CHECK (${byEngine({
        sqlite: "casebook_number GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9]*'",
        postgres: "casebook_number ~ '^[0-9]{4}-[0-9]{3}'",
      })});
      ALTER TABLE incidents ADD COLUMN number_kept INTEGER NOT NULL DEFAULT 0 CHECK (number_kept IN (0, 1));
      ALTER TABLE incidents ADD COLUMN number_assigned_at ${textC};
      -- Another incident has the same number: for a person to look at.
      ALTER TABLE incidents ADD COLUMN number_clash INTEGER NOT NULL DEFAULT 0 CHECK (number_clash IN (0, 1));
      ALTER TABLE incidents ADD COLUMN clash_notes TEXT;
      ALTER TABLE incidents ADD COLUMN first_disclosure ${textC};
      CREATE INDEX incidents_by_number ON incidents (casebook_number);
      CREATE INDEX incidents_by_disclosure ON incidents (first_disclosure ${descNullsLast}, id DESC);

      -- The last running number jikenbo handed out per year; only grows, so a retired number never returns.
      CREATE TABLE casebook_counters (
        year  INTEGER PRIMARY KEY,
        last  INTEGER NOT NULL CHECK (last >= 0)
      );

      -- A person's decisions about grouping, never rewritten: regrouping reads them and always obeys.
      CREATE TABLE manual_links (
        id               ${id},
        action           TEXT    NOT NULL CHECK (action IN ('link', 'unlink')),
        notice_id        INTEGER NOT NULL REFERENCES notices (id),
        other_notice_id  INTEGER REFERENCES notices (id),
        decided_by       TEXT    NOT NULL,
        decided_at       ${textC}    NOT NULL,
        CHECK ((action = 'link') = (other_notice_id IS NOT NULL))
      );

      -- Bumped by every regrouping, so a plan made from an older snapshot is refused; on PostgreSQL its
      -- one row is also the lock that orders regroupings and ingests.
      CREATE TABLE incident_generation (
        ${only}        INTEGER PRIMARY KEY CHECK (${only} = 1),
        generation  INTEGER NOT NULL
      );
      INSERT INTO incident_generation (${only}, generation) VALUES (1, 0);
    `;
    },
  },
  {
    version: 3,
    name: 'corrections: a person\'s values beside the machine\'s',
    sql: ({ id, textC, json }) => /* sql */ `
      -- One row per correction of one field; reverting marks it, nothing is deleted.
      CREATE TABLE corrections (
        id           ${id},
        target       TEXT    NOT NULL CHECK (target IN ('notice', 'incident')),
        target_id    INTEGER NOT NULL,
        field        TEXT    NOT NULL,
        old_json     TEXT    NOT NULL CHECK (${json('old_json')}),
        new_json     TEXT    NOT NULL CHECK (${json('new_json')}),
        decided_by   TEXT    NOT NULL CHECK (length(decided_by) > 0),
        decided_at   ${textC}    NOT NULL,
        reverted_by  TEXT,
        reverted_at  ${textC}
      );
      CREATE INDEX corrections_by_target ON corrections (target, target_id);

      -- The record people see: corrections laid over the latest machine record. NULL while a notice
      -- has no live correction (the latest machine record is then the effective one).
      ALTER TABLE notices ADD COLUMN effective_json TEXT CHECK (effective_json IS NULL OR ${json('effective_json')});
    `,
  },
  {
    version: 4,
    name: 'sources: URL fetches, watched feeds and pages, leak-site claims',
    sql: ({ id, textC, bigint, real, json, isoDate, withoutRowid }) => /* sql */ `
      -- Every HTTP fetch whose body was kept: what was asked, where it ended, what the server said.
      CREATE TABLE fetches (
        id              ${id},
        requested_url   TEXT    NOT NULL,
        final_url       TEXT    NOT NULL,
        status          INTEGER NOT NULL,
        headers_json    TEXT    NOT NULL CHECK (${json('headers_json')}),
        redirects_json  TEXT    NOT NULL DEFAULT '[]' CHECK (${json('redirects_json')}),
        sha256          TEXT    NOT NULL CHECK (length(sha256) = 64),
        byte_length     ${bigint} NOT NULL CHECK (byte_length >= 0),
        fetched_at      ${textC}    NOT NULL,
        document_id     INTEGER REFERENCES documents (id)
      );
      CREATE INDEX fetches_by_document ON fetches (document_id);
      CREATE INDEX fetches_by_sha256 ON fetches (sha256);

      -- Feeds and news-list pages checked on a schedule. A failing source stays, with its error and
      -- failure count, and is tried again after a backoff.
      CREATE TABLE watch_sources (
        id               ${id},
        url              TEXT    NOT NULL UNIQUE,
        every_seconds    INTEGER NOT NULL CHECK (every_seconds >= 60),
        allow_private    INTEGER NOT NULL DEFAULT 0 CHECK (allow_private IN (0, 1)),
        etag             TEXT,
        last_modified    TEXT,
        added_at         ${textC}    NOT NULL,
        last_checked_at  ${textC},
        last_success_at  ${textC},
        next_check_at    ${textC}    NOT NULL,
        failures         INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
        last_error       TEXT
      );

      -- Links a source has shown, so each is looked at once.
      CREATE TABLE watch_seen (
        source_id      INTEGER NOT NULL REFERENCES watch_sources (id),
        url            TEXT    NOT NULL,
        title          TEXT,
        outcome        TEXT    NOT NULL CHECK (outcome IN ('ingested', 'duplicate', 'not_notice', 'failed', 'baseline')),
        reason         TEXT,
        document_id    INTEGER REFERENCES documents (id),
        first_seen_at  ${textC}    NOT NULL,
        PRIMARY KEY (source_id, url)
      )${withoutRowid};

      -- Victims announced on ransomware leak sites. natural_key (group, victim, day discovered) makes
      -- a second import of the same file add nothing.
      CREATE TABLE claims (
        id               ${id},
        natural_key      TEXT    NOT NULL UNIQUE,
        group_name       TEXT    NOT NULL,
        victim           TEXT    NOT NULL,
        domain           TEXT,
        country          TEXT,
        discovered       ${textC}    NOT NULL,
        discovered_date  ${textC}    NOT NULL CHECK (${isoDate('discovered_date')}),
        source           TEXT    NOT NULL,
        imported_at      ${textC}    NOT NULL
      );
      CREATE INDEX claims_by_date ON claims (discovered_date);

      -- People's table of foreign domains that belong to Japanese organisations (a subsidiary's .co.th).
      CREATE TABLE claim_domain_map (
        domain    ${textC} PRIMARY KEY,
        parent    TEXT NOT NULL,
        added_by  TEXT NOT NULL,
        added_at  ${textC} NOT NULL
      );

      -- A claim a person confirmed as the same event as an incident. Anchored on a notice of the
      -- incident as well, because regrouping may renumber incident rows; the notice stays.
      CREATE TABLE claim_links (
        id            ${id},
        claim_id      INTEGER NOT NULL REFERENCES claims (id),
        incident_id   INTEGER NOT NULL,
        notice_id     INTEGER NOT NULL REFERENCES notices (id),
        score         ${real},
        reason        TEXT    NOT NULL,
        confirmed_by  TEXT    NOT NULL CHECK (length(confirmed_by) > 0),
        confirmed_at  ${textC}    NOT NULL,
        UNIQUE (claim_id, notice_id)
      );
      CREATE INDEX claim_links_by_notice ON claim_links (notice_id);
    `,
  },
  {
    version: 5,
    name: 'accounts, sessions, API tokens, append-only audit log',
    sql: ({ id, textC, json, withoutRowid, byEngine }) => /* sql */ `
      CREATE TABLE accounts (
        id             ${id},
        name           TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
        role           TEXT    NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
        password_hash  TEXT    NOT NULL,
        disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at     ${textC}    NOT NULL
      );

      -- A signed-in browser. The cookie holds a random token; only its SHA-256 is kept.
      CREATE TABLE sessions (
        token_hash  TEXT    PRIMARY KEY CHECK (length(token_hash) = 64),
        account_id  INTEGER NOT NULL REFERENCES accounts (id),
        csrf_token  TEXT    NOT NULL,
        created_at  ${textC}    NOT NULL,
        expires_at  ${textC}    NOT NULL
      )${withoutRowid};
      CREATE INDEX sessions_by_account ON sessions (account_id);

      CREATE TABLE api_tokens (
        id            ${id},
        account_id    INTEGER NOT NULL REFERENCES accounts (id),
        label         TEXT    NOT NULL,
        token_hash    TEXT    NOT NULL UNIQUE CHECK (length(token_hash) = 64),
        created_at    ${textC}    NOT NULL,
        revoked_at    ${textC},
        last_used_at  ${textC}
      );

      -- Every change: who, when, what, before and after. Nobody updates or deletes a line, admins included.
      CREATE TABLE audit_log (
        id           ${id},
        at           ${textC} NOT NULL,
        actor        TEXT NOT NULL CHECK (length(actor) > 0),
        action       TEXT NOT NULL,
        subject      TEXT NOT NULL,
        before_json  TEXT NOT NULL CHECK (${json('before_json')}),
        after_json   TEXT NOT NULL CHECK (${json('after_json')})
      );
      CREATE INDEX audit_by_actor ON audit_log (actor, id);
      CREATE INDEX audit_by_action ON audit_log (action, subject, id);
      ${byEngine({
        sqlite: /* sql */ `
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`,
        // PostgreSQL also refuses TRUNCATE.
        postgres: /* sql */ `
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();`,
      })}
    `,
  },
  {
    version: 6,
    name: 'leases: one holder of a duty per database',
    sql: ({ bigint }) => /* sql */ `
      -- A duty only one process of a database may do at a time (the feed watcher), held until expires_at
      -- (milliseconds since 1970; PostgreSQL's by the database's clock) and renewed by its holder before
      -- then; anyone may take an expired one.
      CREATE TABLE leases (
        name        TEXT    PRIMARY KEY,
        holder      TEXT    NOT NULL CHECK (length(holder) > 0),
        expires_at  ${bigint} NOT NULL
      );
    `,
  },
  {
    version: 7,
    name: 'numbers of jikenbo\'s own form (JYYYY-NNNN), export ids fixed at first store, aliases of merged and renumbered incidents',
    sql: ({ textC, nowIso, byEngine }) => /* sql */ `
      -- The number jikenbo gave (JYYYY-NNNN): a form no casebook header has, never changed once given.
      -- casebook_number now holds only a header's number (number_kept = 1).
      ALTER TABLE incidents ADD COLUMN own_number ${textC} CHECK (${byEngine({
        sqlite: "own_number GLOB 'J[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]*'",
        postgres: "own_number ~ '^J[0-9]{4}-[0-9]{4,}$'",
      })});
      -- Fixed when the incident is first stored; every export id (VERIS, STIX, Atom) is made from it.
      ALTER TABLE incidents ADD COLUMN export_key ${textC} CHECK (length(export_key) > 0);

      -- An export key, number or row id an incident no longer carries, and the incident that answers for it now.
      CREATE TABLE incident_aliases (
        kind         TEXT    NOT NULL CHECK (kind IN ('export_key', 'number', 'id')),
        alias        ${textC}    NOT NULL,
        incident_id  INTEGER REFERENCES incidents (id) ON DELETE SET NULL,
        reason       TEXT    NOT NULL CHECK (reason IN ('merged', 'renumbered')),
        recorded_at  ${textC}    NOT NULL,
        PRIMARY KEY (kind, alias)
      );
      CREATE INDEX incident_aliases_by_incident ON incident_aliases (incident_id);

      -- Existing incidents keep the ids they were exported under (what stable-id.ts derived until now).
      UPDATE incidents SET export_key = CASE
        WHEN casebook_number IS NULL THEN 'local:' || id
        WHEN number_clash = 1 OR EXISTS (SELECT 1 FROM incidents o WHERE o.casebook_number = incidents.casebook_number AND o.id <> incidents.id)
          THEN 'casebook:' || casebook_number || '/local:' || id
        ELSE 'casebook:' || casebook_number END;

      -- Numbers jikenbo gave in the header's form take their own form, same year and running number;
      -- the old form still finds the incident (unless a casebook post has since taken it).
      ${byEngine({
        sqlite: /* sql */ `
      INSERT OR IGNORE INTO incident_aliases (kind, alias, incident_id, reason, recorded_at)
        SELECT 'number', casebook_number, id, 'renumbered', ${nowIso}
        FROM incidents WHERE number_kept = 0 AND casebook_number IS NOT NULL;
      UPDATE incidents
        SET own_number = 'J' || substr(casebook_number, 1, 4) || '-' || printf('%04d', CAST(substr(casebook_number, 6) AS INTEGER)),
            casebook_number = NULL
        WHERE number_kept = 0 AND casebook_number IS NOT NULL;`,
        postgres: /* sql */ `
      INSERT INTO incident_aliases (kind, alias, incident_id, reason, recorded_at)
        SELECT 'number', casebook_number, id, 'renumbered', ${nowIso}
        FROM incidents WHERE number_kept = 0 AND casebook_number IS NOT NULL
        ON CONFLICT DO NOTHING;
      UPDATE incidents
        SET own_number = 'J' || substr(casebook_number, 1, 4) || '-' || lpad(substr(casebook_number, 6)::int::text, greatest(4, length(substr(casebook_number, 6)::int::text)), '0'),
            casebook_number = NULL
        WHERE number_kept = 0 AND casebook_number IS NOT NULL;`,
      })}
      -- A clash with a number jikenbo gave is over; a clash of two header numbers stays.
      UPDATE incidents SET number_clash = 0, clash_notes = NULL
        WHERE number_clash = 1 AND (casebook_number IS NULL OR NOT EXISTS (
          SELECT 1 FROM incidents o WHERE o.casebook_number = incidents.casebook_number AND o.id <> incidents.id));

      CREATE UNIQUE INDEX incidents_by_own_number ON incidents (own_number);
      CREATE UNIQUE INDEX incidents_by_export_key ON incidents (export_key);
      ${byEngine({
        // A new incident's export key: a random (version 4) UUID, made once.
        sqlite: /* sql */ `
      CREATE TRIGGER incidents_export_key AFTER INSERT ON incidents WHEN NEW.export_key IS NULL
      BEGIN
        UPDATE incidents SET export_key = lower(
          hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
          substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
        WHERE id = NEW.id;
      END;
      CREATE TRIGGER incidents_keys_never_change BEFORE UPDATE OF export_key, own_number ON incidents
        WHEN (OLD.export_key IS NOT NULL AND NEW.export_key IS NOT OLD.export_key)
          OR (OLD.own_number IS NOT NULL AND NEW.own_number IS NOT OLD.own_number)
      BEGIN SELECT RAISE(ABORT, 'an incident''s export key and own number never change'); END;`,
        postgres: /* sql */ `
      ALTER TABLE incidents ALTER COLUMN export_key SET DEFAULT gen_random_uuid()::text;
      ALTER TABLE incidents ALTER COLUMN export_key SET NOT NULL;

      CREATE FUNCTION incidents_keys_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (OLD.export_key IS DISTINCT FROM NEW.export_key)
             OR (OLD.own_number IS NOT NULL AND OLD.own_number IS DISTINCT FROM NEW.own_number) THEN
            RAISE EXCEPTION 'an incident''s export key and own number never change';
          END IF;
          RETURN NEW;
        END $$;
      CREATE TRIGGER incidents_keys_never_change BEFORE UPDATE OF export_key, own_number ON incidents
        FOR EACH ROW EXECUTE FUNCTION incidents_keys_never_change();`,
      })}
    `,
  },
  {
    version: 8,
    name: 'incremental grouping: the blocks of each notice, the links of each block, the grouping queue',
    sql: ({ textC, bigint, withoutRowid, byEngine }) => /* sql */ `
      -- The blocks a notice is linked within (org:<key>, number:<n>, title:<t>, opening:<o>), so a
      -- changed notice finds the notices it could be linked with by index, not by reading the casebook.
      CREATE TABLE grouping_blocks (
        notice_id  INTEGER NOT NULL REFERENCES notices (id),
        block      ${textC}    NOT NULL,
        PRIMARY KEY (notice_id, block)
      )${withoutRowid};
      CREATE INDEX grouping_blocks_by_block ON grouping_blocks (block, notice_id);

      -- The automatic links each block gave (a writer's contractor links are the block writer:<id>);
      -- a block is linked again, alone, when one of its notices changes.
      CREATE TABLE grouping_links (
        block      ${textC}    NOT NULL,
        a          INTEGER NOT NULL,
        b          INTEGER NOT NULL,
        link_json  ${byEngine({ sqlite: 'TEXT    NOT NULL CHECK (json_valid(link_json))', postgres: 'jsonb   NOT NULL' })}
      );
      CREATE INDEX grouping_links_by_block ON grouping_links (block);
      CREATE INDEX grouping_links_by_a ON grouping_links (a);
      CREATE INDEX grouping_links_by_b ON grouping_links (b);

      -- The text around each contractor cue (委託先…), by notice id: who may name an organisation as
      -- partner.
      ${byEngine({
        // Trigram-indexed, so any name of three characters or more is found as a substring.
        sqlite: /* sql */ `
      CREATE VIRTUAL TABLE grouping_windows USING fts5 (body, tokenize = 'trigram');`,
        // In place of an FTS5 trigram table, each window's distinct character bigrams as a tsvector
        // (written by TypeScript, as notice_search is); a name's bigrams, all present, find a superset
        // of the windows holding it, and the caller checks each.
        postgres: /* sql */ `
      CREATE TABLE grouping_windows (
        notice_id  integer  PRIMARY KEY REFERENCES notices (id),
        body       text     NOT NULL,
        grams      tsvector NOT NULL
      );
      CREATE INDEX grouping_windows_by_gram ON grouping_windows USING gin (grams);`,
      })}

      -- Work in three stages, each item with the sequence number of its last change: 1 a notice to
      -- index again (new, corrected, read again), 2 a block to link again, 3 a notice whose incident
      -- to plan again. An item is done only when its sequence number is still the one taken.
      ${byEngine({ sqlite: '', postgres: 'CREATE SEQUENCE grouping_seq;' })}
      CREATE TABLE grouping_queue (
        stage  INTEGER NOT NULL CHECK (stage IN (1, 2, 3)),
        item   ${textC}    NOT NULL,
        seq    ${bigint} NOT NULL,
        PRIMARY KEY (stage, item)
      );
      CREATE INDEX grouping_queue_by_stage ON grouping_queue (stage, seq);
      ${byEngine({
        sqlite: /* sql */ `
      CREATE INDEX grouping_queue_by_seq ON grouping_queue (seq);
      CREATE TRIGGER grouping_notice_added AFTER INSERT ON notices BEGIN
        INSERT OR REPLACE INTO grouping_queue (stage, item, seq)
          VALUES (1, CAST(NEW.id AS TEXT), (SELECT coalesce(max(seq), 0) + 1 FROM grouping_queue));
      END;
      CREATE TRIGGER grouping_notice_corrected AFTER UPDATE OF effective_json ON notices BEGIN
        INSERT OR REPLACE INTO grouping_queue (stage, item, seq)
          VALUES (1, CAST(NEW.id AS TEXT), (SELECT coalesce(max(seq), 0) + 1 FROM grouping_queue));
      END;
      CREATE TRIGGER grouping_record_added AFTER INSERT ON records BEGIN
        INSERT OR REPLACE INTO grouping_queue (stage, item, seq)
          VALUES (1, CAST(NEW.notice_id AS TEXT), (SELECT coalesce(max(seq), 0) + 1 FROM grouping_queue));
      END;
      CREATE TRIGGER grouping_decision_made AFTER INSERT ON manual_links BEGIN
        INSERT OR REPLACE INTO grouping_queue (stage, item, seq)
          VALUES (3, CAST(NEW.notice_id AS TEXT), (SELECT coalesce(max(seq), 0) + 1 FROM grouping_queue));
        INSERT OR REPLACE INTO grouping_queue (stage, item, seq)
          SELECT 3, CAST(NEW.other_notice_id AS TEXT), (SELECT coalesce(max(seq), 0) + 1 FROM grouping_queue)
          WHERE NEW.other_notice_id IS NOT NULL;
      END;

      -- A casebook grouped before today is indexed and linked once, by the first regrouping.
      INSERT INTO grouping_queue (stage, item, seq) SELECT 1, CAST(id AS TEXT), id FROM notices;`,
        postgres: /* sql */ `
      CREATE FUNCTION grouping_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          ids integer[];
          queue_stage integer := TG_ARGV[0]::integer;
        BEGIN
          IF TG_TABLE_NAME = 'notices' THEN ids := ARRAY[NEW.id];
          ELSIF TG_TABLE_NAME = 'records' THEN ids := ARRAY[NEW.notice_id];
          ELSE ids := array_remove(ARRAY[NEW.notice_id, NEW.other_notice_id], NULL);
          END IF;
          INSERT INTO grouping_queue (stage, item, seq)
            SELECT queue_stage, id::text, nextval('grouping_seq') FROM unnest(ids) AS id
            ON CONFLICT (stage, item) DO UPDATE SET seq = excluded.seq;
          RETURN NULL;
        END $$;
      CREATE TRIGGER grouping_notice_added AFTER INSERT ON notices FOR EACH ROW EXECUTE FUNCTION grouping_enqueue(1);
      CREATE TRIGGER grouping_notice_corrected AFTER UPDATE OF effective_json ON notices FOR EACH ROW EXECUTE FUNCTION grouping_enqueue(1);
      CREATE TRIGGER grouping_record_added AFTER INSERT ON records FOR EACH ROW EXECUTE FUNCTION grouping_enqueue(1);
      CREATE TRIGGER grouping_decision_made AFTER INSERT ON manual_links FOR EACH ROW EXECUTE FUNCTION grouping_enqueue(3);

      -- A casebook grouped before today is indexed and linked once, by the first regrouping.
      INSERT INTO grouping_queue (stage, item, seq) SELECT 1, id::text, nextval('grouping_seq') FROM notices ORDER BY id;`,
      })}
    `,
  },
  {
    version: 9,
    name: 'API token scopes and where a token was made; sign-in attempts reserved per name',
    sql: ({ id, textC }) => /* sql */ `
      -- What a token may do on /api/: read, or read and ingest. Existing tokens keep what they could do there.
      ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'ingest' CHECK (scope IN ('read', 'ingest'));
      -- Made by a person signed in (ended by a password change) or from the server's shell (kept).
      ALTER TABLE api_tokens ADD COLUMN made_in TEXT NOT NULL DEFAULT 'cli' CHECK (made_in IN ('cli', 'session'));

      -- Each sign-in attempt of a name, recorded before its password is checked: pending (failed = 0)
      -- until it fails (kept for the window) or succeeds (deleted). The per-name limit counts both.
      CREATE TABLE sign_in_attempts (
        id        ${id},
        name_key  TEXT    NOT NULL,
        at        ${textC}    NOT NULL,
        failed    INTEGER NOT NULL DEFAULT 0 CHECK (failed IN (0, 1))
      );
      CREATE INDEX sign_in_attempts_by_name ON sign_in_attempts (name_key, at);
      CREATE INDEX sign_in_attempts_by_time ON sign_in_attempts (at);
    `,
  },
  {
    version: 10,
    name: 'grouping blocks dated: a follow-up, a same-day pair and a contractor are looked for within their window',
    sql: ({ byEngine }) => /* sql */ `
      -- The date each notice is placed at (disclosure, else discovery, else occurrence), on each of its
      -- block rows: an organisation's notices within a window are a range of one index.
      ALTER TABLE grouping_blocks ADD COLUMN at TEXT;
      CREATE INDEX grouping_blocks_by_block_at ON grouping_blocks (block, at);
      -- The cue windows dated too: a new notice of an organisation concerns only writers of its time.
      -- Every notice indexed again, into the new blocks (day:, follow:, marked:), by the next regrouping.
      ${byEngine({
        sqlite: /* sql */ `
      DROP TABLE grouping_windows;
      CREATE VIRTUAL TABLE grouping_windows USING fts5 (body, at UNINDEXED, tokenize = 'trigram');
      WITH base AS (SELECT coalesce(max(seq), 0) AS m FROM grouping_queue)
      INSERT OR REPLACE INTO grouping_queue (stage, item, seq) SELECT 1, CAST(id AS TEXT), (SELECT m FROM base) + id FROM notices;`,
        postgres: /* sql */ `
      ALTER TABLE grouping_windows ADD COLUMN at TEXT;
      INSERT INTO grouping_queue (stage, item, seq) SELECT 1, id::text, nextval('grouping_seq') FROM notices ORDER BY id
        ON CONFLICT (stage, item) DO UPDATE SET seq = excluded.seq;`,
      })}
    `,
  },
  {
    version: 11,
    name: 'incident facts kept in the store for the pages: filter, count, sort and page in SQL',
    sql: ({ textC, bigint, descNullsLast, byEngine }) => /* sql */ `
      -- Each incident's merged and corrected facts (app/incident-facts.ts makes them): the columns the
      -- pages filter, count and sort by: types and data types as bit masks (order of core/record.ts), the
      -- number's sort key (year, 0 header / 1 jikenbo's own, running number), booleans as 0/1.
      CREATE TABLE incident_facts (
        incident_id      INTEGER PRIMARY KEY,
        disclosure_date  ${textC},
        year             ${textC}    NOT NULL,
        month            ${textC},
        affected_count   ${bigint},
        number_year      INTEGER,
        number_own       INTEGER,
        number_seq       INTEGER,
        sector           ${textC},
        types_mask       INTEGER NOT NULL,
        data_mask        INTEGER NOT NULL,
        contractor       INTEGER NOT NULL,
        ppc              INTEGER NOT NULL,
        attacker         INTEGER NOT NULL,
        reviewed         INTEGER NOT NULL
      );
      -- The facts themselves, apart: scans for counts and filters read the narrow rows above only.
      CREATE TABLE incident_facts_json (
        incident_id  INTEGER PRIMARY KEY,
        facts_json   TEXT    NOT NULL
      );
      CREATE INDEX incident_facts_by_disclosure ON incident_facts (disclosure_date ${descNullsLast}, incident_id DESC);
      CREATE INDEX incident_facts_by_affected ON incident_facts (affected_count ${descNullsLast}, incident_id DESC);
      CREATE INDEX incident_facts_by_number ON incident_facts (number_year, number_own, number_seq);
      CREATE INDEX incident_facts_by_year ON incident_facts (year, sector);
      CREATE INDEX incident_facts_by_sector ON incident_facts (sector);
      -- Each facet's counts group by its column: read in index order, not sorted per request.
      CREATE INDEX incident_facts_by_month ON incident_facts (month);
      CREATE INDEX incident_facts_by_types ON incident_facts (types_mask);
      CREATE INDEX incident_facts_by_data ON incident_facts (data_mask);
      CREATE INDEX incident_facts_by_contractor ON incident_facts (contractor);
      CREATE INDEX incident_facts_by_ppc ON incident_facts (ppc);
      CREATE INDEX incident_facts_by_attacker ON incident_facts (attacker);
      CREATE INDEX incident_facts_by_reviewed ON incident_facts (reviewed);

      -- Incidents whose facts are stale, each with the sequence number of its last change: an item is
      -- settled only when its number is still the one taken (a change meanwhile queues it again).
      ${byEngine({ sqlite: '', postgres: 'CREATE SEQUENCE incident_facts_seq;' })}
      CREATE TABLE incident_facts_queue (
        incident_id  INTEGER PRIMARY KEY,
        seq          ${bigint} NOT NULL
      );
      CREATE INDEX incident_facts_queue_by_seq ON incident_facts_queue (seq);
      ${byEngine({
        sqlite: /* sql */ `
      CREATE TRIGGER facts_member_added AFTER INSERT ON incident_notices BEGIN
        INSERT INTO incident_facts_queue (incident_id, seq)
          VALUES (NEW.incident_id, (SELECT coalesce(max(seq), 0) + 1 FROM incident_facts_queue))
          ON CONFLICT (incident_id) DO UPDATE SET seq = excluded.seq;
      END;
      CREATE TRIGGER facts_member_removed AFTER DELETE ON incident_notices BEGIN
        INSERT INTO incident_facts_queue (incident_id, seq)
          VALUES (OLD.incident_id, (SELECT coalesce(max(seq), 0) + 1 FROM incident_facts_queue))
          ON CONFLICT (incident_id) DO UPDATE SET seq = excluded.seq;
      END;
      CREATE TRIGGER facts_incident_changed AFTER UPDATE ON incidents BEGIN
        INSERT INTO incident_facts_queue (incident_id, seq)
          VALUES (NEW.id, (SELECT coalesce(max(seq), 0) + 1 FROM incident_facts_queue))
          ON CONFLICT (incident_id) DO UPDATE SET seq = excluded.seq;
      END;
      CREATE TRIGGER facts_incident_gone AFTER DELETE ON incidents BEGIN
        DELETE FROM incident_facts WHERE incident_id = OLD.id;
        DELETE FROM incident_facts_json WHERE incident_id = OLD.id;
      END;
      CREATE TRIGGER facts_notice_corrected AFTER UPDATE OF effective_json ON notices BEGIN
        INSERT INTO incident_facts_queue (incident_id, seq)
          SELECT incident_id, (SELECT coalesce(max(seq), 0) + 1 FROM incident_facts_queue) FROM incident_notices WHERE notice_id = NEW.id
          ON CONFLICT (incident_id) DO UPDATE SET seq = excluded.seq;
      END;
      CREATE TRIGGER facts_record_added AFTER INSERT ON records BEGIN
        INSERT INTO incident_facts_queue (incident_id, seq)
          SELECT incident_id, (SELECT coalesce(max(seq), 0) + 1 FROM incident_facts_queue) FROM incident_notices WHERE notice_id = NEW.notice_id
          ON CONFLICT (incident_id) DO UPDATE SET seq = excluded.seq;
      END;
      CREATE TRIGGER facts_correction_added AFTER INSERT ON corrections BEGIN
        INSERT INTO incident_facts_queue (incident_id, seq)
          SELECT CASE WHEN NEW.target = 'incident' THEN NEW.target_id ELSE (SELECT incident_id FROM incident_notices WHERE notice_id = NEW.target_id) END,
                 (SELECT coalesce(max(seq), 0) + 1 FROM incident_facts_queue)
          WHERE NEW.target = 'incident' OR EXISTS (SELECT 1 FROM incident_notices WHERE notice_id = NEW.target_id)
          ON CONFLICT (incident_id) DO UPDATE SET seq = excluded.seq;
      END;
      CREATE TRIGGER facts_correction_reverted AFTER UPDATE ON corrections BEGIN
        INSERT INTO incident_facts_queue (incident_id, seq)
          SELECT CASE WHEN NEW.target = 'incident' THEN NEW.target_id ELSE (SELECT incident_id FROM incident_notices WHERE notice_id = NEW.target_id) END,
                 (SELECT coalesce(max(seq), 0) + 1 FROM incident_facts_queue)
          WHERE NEW.target = 'incident' OR EXISTS (SELECT 1 FROM incident_notices WHERE notice_id = NEW.target_id)
          ON CONFLICT (incident_id) DO UPDATE SET seq = excluded.seq;
      END;
      CREATE TRIGGER facts_alias_added AFTER INSERT ON incident_aliases WHEN NEW.incident_id IS NOT NULL BEGIN
        INSERT INTO incident_facts_queue (incident_id, seq)
          VALUES (NEW.incident_id, (SELECT coalesce(max(seq), 0) + 1 FROM incident_facts_queue))
          ON CONFLICT (incident_id) DO UPDATE SET seq = excluded.seq;
      END;
      CREATE TRIGGER facts_alias_moved AFTER UPDATE ON incident_aliases WHEN NEW.incident_id IS NOT NULL BEGIN
        INSERT INTO incident_facts_queue (incident_id, seq)
          VALUES (NEW.incident_id, (SELECT coalesce(max(seq), 0) + 1 FROM incident_facts_queue))
          ON CONFLICT (incident_id) DO UPDATE SET seq = excluded.seq;
      END;

      -- Every incident's facts are made once, by the first read after this migration.
      INSERT INTO incident_facts_queue (incident_id, seq) SELECT id, id FROM incidents;`,
        // One trigger function, told by the table which incidents a change makes stale.
        postgres: /* sql */ `
      CREATE FUNCTION incident_facts_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          ids integer[];
        BEGIN
          IF TG_TABLE_NAME = 'incident_notices' THEN
            ids := CASE WHEN TG_OP = 'DELETE' THEN ARRAY[OLD.incident_id] ELSE ARRAY[NEW.incident_id] END;
          ELSIF TG_TABLE_NAME = 'incidents' THEN
            IF TG_OP = 'DELETE' THEN
              DELETE FROM incident_facts WHERE incident_id = OLD.id;
              DELETE FROM incident_facts_json WHERE incident_id = OLD.id;
              RETURN NULL;
            END IF;
            ids := ARRAY[NEW.id];
          ELSIF TG_TABLE_NAME = 'notices' THEN
            ids := ARRAY(SELECT incident_id FROM incident_notices WHERE notice_id = NEW.id);
          ELSIF TG_TABLE_NAME = 'records' THEN
            ids := ARRAY(SELECT incident_id FROM incident_notices WHERE notice_id = NEW.notice_id);
          ELSIF TG_TABLE_NAME = 'corrections' THEN
            ids := CASE WHEN NEW.target = 'incident' THEN ARRAY[NEW.target_id]
                        ELSE ARRAY(SELECT incident_id FROM incident_notices WHERE notice_id = NEW.target_id) END;
          ELSE
            ids := array_remove(ARRAY[NEW.incident_id], NULL);
          END IF;
          INSERT INTO incident_facts_queue (incident_id, seq)
            SELECT id, nextval('incident_facts_seq') FROM unnest(ids) AS id
            ON CONFLICT (incident_id) DO UPDATE SET seq = excluded.seq;
          RETURN NULL;
        END $$;
      CREATE TRIGGER facts_member_changed AFTER INSERT OR DELETE ON incident_notices FOR EACH ROW EXECUTE FUNCTION incident_facts_enqueue();
      CREATE TRIGGER facts_incident_changed AFTER UPDATE OR DELETE ON incidents FOR EACH ROW EXECUTE FUNCTION incident_facts_enqueue();
      CREATE TRIGGER facts_notice_corrected AFTER UPDATE OF effective_json ON notices FOR EACH ROW EXECUTE FUNCTION incident_facts_enqueue();
      CREATE TRIGGER facts_record_added AFTER INSERT ON records FOR EACH ROW EXECUTE FUNCTION incident_facts_enqueue();
      CREATE TRIGGER facts_correction_changed AFTER INSERT OR UPDATE ON corrections FOR EACH ROW EXECUTE FUNCTION incident_facts_enqueue();
      CREATE TRIGGER facts_alias_changed AFTER INSERT OR UPDATE ON incident_aliases FOR EACH ROW EXECUTE FUNCTION incident_facts_enqueue();

      -- Every incident's facts are made once, by the first read after this migration.
      INSERT INTO incident_facts_queue (incident_id, seq) SELECT id, nextval('incident_facts_seq') FROM incidents ORDER BY id;`,
      })}
    `,
  },
  {
    version: 12,
    name: 'watched sources can be paused',
    sql: /* sql */ `
      ALTER TABLE watch_sources ADD COLUMN paused_at TEXT;
    `,
  },
  {
    version: 13,
    name: 'a reason on every correction; facts made again for per-value review state',
    sql: ({ byEngine }) => /* sql */ `
      -- Why a person changed or confirmed a value (app/review.ts asks one for every change); NULL on
      -- corrections made before reasons were asked for.
      ALTER TABLE corrections ADD COLUMN reason TEXT CHECK (reason IS NULL OR length(reason) <= 500);
      -- The facts' review state is now per value (an incident is reviewed when all its values are) and
      -- they count the values people confirmed: every incident's facts are made again by the next read.
      ${byEngine(REQUEUE_ALL_FACTS)}
    `,
  },
  {
    version: 14,
    name: 'the dashboard\'s figures in SQL: each incident\'s disclosure delay and reporting duty kept with its facts',
    sql: ({ byEngine }) => /* sql */ `
      -- Days from discovery to disclosure (analyze/stats/delays.ts), NULL without both dates; the reporting
      -- duty as analyze/duty-mark.ts marks it (0 none, 1 reportable and reported, 2 reportable, no report
      -- mentioned, 3 in doubt), read from the incident's notices when its facts are made.
      ALTER TABLE incident_facts ADD COLUMN disclosed_days INTEGER;
      ALTER TABLE incident_facts ADD COLUMN duty INTEGER NOT NULL DEFAULT 0;
      -- Every incident's facts are made again by the next read, with both.
      ${byEngine(REQUEUE_ALL_FACTS)}
    `,
  },
  {
    version: 15,
    name: 'datasets: the Japanese notices jikenbo reads apart from incidents imported from VERIS',
    sql: ({ textC, byEngine }) => /* sql */ `
      -- Each document's dataset (core/dataset.ts): 'jp-notices', or 'veris:<source_id>' for a VERIS file
      -- imported as one incident, with that incident's own id (its incident_id) beside it.
      ALTER TABLE documents ADD COLUMN dataset ${textC} NOT NULL DEFAULT 'jp-notices'
        CHECK (dataset = 'jp-notices' OR ${byEngine({ sqlite: "dataset GLOB 'veris:?*'", postgres: "dataset ~ '^veris:.+'" })});
      ALTER TABLE documents ADD COLUMN external_id TEXT CHECK (external_id IS NULL OR length(external_id) BETWEEN 1 AND 200);
      -- VERIS files imported before: JSON documents whose notice was read by the VERIS importer. Their
      -- source_id is in the archived original only: 'veris:unknown'. The incident_id is the second line
      -- of the text the importer wrote ('VERIS インシデント (VERIS incident) <id>').
      UPDATE documents SET dataset = 'veris:unknown',
        external_id = ${byEngine({
          sqlite: /* sql */ `nullif(substr(
          substr(text, instr(text, 'VERIS インシデント (VERIS incident) ') + length('VERIS インシデント (VERIS incident) ')), 1,
          instr(substr(text, instr(text, 'VERIS インシデント (VERIS incident) ') + length('VERIS インシデント (VERIS incident) ')) || char(10), char(10)) - 1), '')
        WHERE media_type = 'application/json' AND instr(text, 'VERIS インシデント (VERIS incident) ') > 0`,
          postgres: /* sql */ `nullif(substring(text FROM 'VERIS インシデント \\(VERIS incident\\) ([^\\n]*)'), '')
        WHERE media_type = 'application/json' AND position('VERIS インシデント (VERIS incident) ' IN text) > 0`,
        })}
          AND EXISTS (SELECT 1 FROM notices n JOIN records r ON r.notice_id = n.id
                      WHERE n.document_id = documents.id AND r.extractor_version LIKE 'veris-import/%');
      -- The facts' dataset: the pages and statistics filter on it.
      ALTER TABLE incident_facts ADD COLUMN dataset ${textC} NOT NULL DEFAULT 'jp-notices';
      CREATE INDEX incident_facts_by_dataset ON incident_facts (dataset);
      -- Imported notices leave the grouping blocks (indexed again, they have none) and every incident's
      -- facts are made again with its dataset.
      ${byEngine({
        sqlite: /* sql */ `
      WITH base AS (SELECT coalesce(max(seq), 0) AS m FROM grouping_queue)
      INSERT OR REPLACE INTO grouping_queue (stage, item, seq)
        SELECT 1, CAST(n.id AS TEXT), (SELECT m FROM base) + n.id FROM notices n JOIN documents d ON d.id = n.document_id
        WHERE d.dataset <> 'jp-notices';`,
        postgres: /* sql */ `
      INSERT INTO grouping_queue (stage, item, seq)
        SELECT 1, n.id::text, nextval('grouping_seq') FROM notices n JOIN documents d ON d.id = n.document_id
        WHERE d.dataset <> 'jp-notices' ORDER BY n.id
        ON CONFLICT (stage, item) DO UPDATE SET seq = excluded.seq;`,
      })}
      ${byEngine(REQUEUE_ALL_FACTS)}
    `,
  },
  {
    version: 16,
    name: 'each text stored once: a document keeps only the text in none of its notices',
    sql: ({ byEngine }) => /* sql */ `
      -- A notice keeps its post's text; its document keeps the lead, the text before its first notice,
      -- and is lead_text followed by its notices' texts in ordinal order (store/document-text.ts).
      -- whole_text keeps the whole text where that would not give it back exactly: checked here on the
      -- very expression the store reads it with, so no text is lost.
      ALTER TABLE documents ADD COLUMN lead_text TEXT NOT NULL DEFAULT '';
      ALTER TABLE documents ADD COLUMN whole_text TEXT;
      ${byEngine({
        sqlite: /* sql */ `
      UPDATE documents SET lead_text = substr(text, 1, max(0, length(text)
        - coalesce((SELECT sum(length(n.text)) FROM notices n WHERE n.document_id = documents.id), 0)));
      UPDATE documents SET whole_text = text, lead_text = ''
        WHERE lead_text || coalesce((SELECT group_concat(n.text, '' ORDER BY n.ordinal) FROM notices n WHERE n.document_id = documents.id), '')
          IS NOT text;`,
        postgres: /* sql */ `
      UPDATE documents d SET lead_text = left(d.text, greatest(0, length(d.text)
        - coalesce((SELECT sum(length(n.text)) FROM notices n WHERE n.document_id = d.id), 0))::int);
      UPDATE documents d SET whole_text = d.text, lead_text = ''
        WHERE d.lead_text || coalesce((SELECT string_agg(n.text, '' ORDER BY n.ordinal) FROM notices n WHERE n.document_id = d.id), '')
          IS DISTINCT FROM d.text;
      -- The old column's bytes stay in the table's files until it is rewritten (VACUUM FULL documents).`,
      })}
      ALTER TABLE documents DROP COLUMN text;
    `,
  },
  {
    version: 17,
    name: 'leak-site claims: a description; one incident a claim, and un-confirming kept beside the confirmation',
    sql: ({ nowIso, byEngine }) => /* sql */ `
      -- What the leak site says of its victim (ransomware.live's description): it may say the victim is in Japan.
      ALTER TABLE claims ADD COLUMN description TEXT CHECK (description IS NULL OR length(description) <= 2000);

      -- A confirmation is never deleted: un-confirming stamps who, when and why on it, and a pair once
      -- undone may be confirmed again: UNIQUE (claim_id, notice_id) goes.
      ${byEngine({
        // SQLite cannot drop a constraint: the table is made again.
        sqlite: /* sql */ `
      CREATE TABLE claim_links_v14 (
        id            INTEGER PRIMARY KEY,
        claim_id      INTEGER NOT NULL REFERENCES claims (id),
        incident_id   INTEGER NOT NULL,
        notice_id     INTEGER NOT NULL REFERENCES notices (id),
        score         REAL,
        reason        TEXT    NOT NULL,
        confirmed_by  TEXT    NOT NULL CHECK (length(confirmed_by) > 0),
        confirmed_at  TEXT    NOT NULL,
        undone_by     TEXT    CHECK (undone_by IS NULL OR length(undone_by) > 0),
        undone_at     TEXT,
        undo_reason   TEXT    CHECK (undo_reason IS NULL OR length(undo_reason) <= 500),
        CHECK ((undone_by IS NULL) = (undone_at IS NULL))
      );
      INSERT INTO claim_links_v14 (id, claim_id, incident_id, notice_id, score, reason, confirmed_by, confirmed_at)
        SELECT id, claim_id, incident_id, notice_id, score, reason, confirmed_by, confirmed_at FROM claim_links;
      -- A claim confirmed for several incidents before this version keeps its first confirmation.
      UPDATE claim_links_v14 SET undone_by = 'system', undone_at = ${nowIso},
          undo_reason = 'a claim is about one incident: only its first confirmation stays'
        WHERE id NOT IN (SELECT min(id) FROM claim_links_v14 GROUP BY claim_id);
      DROP TABLE claim_links;
      ALTER TABLE claim_links_v14 RENAME TO claim_links;
      CREATE INDEX claim_links_by_notice ON claim_links (notice_id);`,
        postgres: /* sql */ `
      ALTER TABLE claim_links DROP CONSTRAINT claim_links_claim_id_notice_id_key;
      ALTER TABLE claim_links
        ADD COLUMN undone_by   text CHECK (undone_by IS NULL OR length(undone_by) > 0),
        ADD COLUMN undone_at   text COLLATE "C",
        ADD COLUMN undo_reason text CHECK (undo_reason IS NULL OR length(undo_reason) <= 500),
        ADD CHECK ((undone_by IS NULL) = (undone_at IS NULL));
      -- A claim confirmed for several incidents before this version keeps its first confirmation.
      UPDATE claim_links SET undone_by = 'system', undone_at = ${nowIso},
          undo_reason = 'a claim is about one incident: only its first confirmation stays'
        WHERE id NOT IN (SELECT min(id) FROM claim_links GROUP BY claim_id);`,
      })}
      CREATE INDEX claim_links_by_claim ON claim_links (claim_id);
      -- One claim, one incident: at most one confirmation in force per claim.
      CREATE UNIQUE INDEX claim_links_one_in_force ON claim_links (claim_id) WHERE undone_at IS NULL;
    `,
  },
  {
    version: 18,
    name: 'the dashboard\'s figures over the whole casebook or a PPC answer read from an index per figure, not sorted per request',
    sql: /* sql */ `
      -- (IF EXISTS and IF NOT EXISTS: a step that runs again finds it done.)
      -- store/incident-figures-sql.ts (readsIndexes): each figure groups or orders by one of these, so an
      -- unfiltered or ppc= dashboard walks an index instead of sorting half the casebook or more.
      DROP INDEX IF EXISTS incident_facts_by_month;
      CREATE INDEX IF NOT EXISTS incident_facts_by_month ON incident_facts (month, types_mask);
      CREATE INDEX IF NOT EXISTS incident_facts_by_delay ON incident_facts (disclosed_days);
      DROP INDEX IF EXISTS incident_facts_by_ppc;
      CREATE INDEX IF NOT EXISTS incident_facts_by_ppc_month ON incident_facts (ppc, month, types_mask);
      CREATE INDEX IF NOT EXISTS incident_facts_by_ppc_sector ON incident_facts (ppc, sector);
      CREATE INDEX IF NOT EXISTS incident_facts_by_ppc_data ON incident_facts (ppc, data_mask);
      CREATE INDEX IF NOT EXISTS incident_facts_by_ppc_delay ON incident_facts (ppc, disclosed_days);
      -- With the totals' other columns, so that the totals and the median of a ppc= scope read it alone.
      CREATE INDEX IF NOT EXISTS incident_facts_by_ppc_affected ON incident_facts (ppc, affected_count, contractor, duty);
    `,
  },
  {
    version: 19,
    name: 'organisations: one per organisation key until a person splits one, each notice in one; names, domains, merges and splits kept',
    sql: ({ id, textC, bigint, json, descNullsLast, byEngine }) => /* sql */ `
      -- created_by NULL: the casebook's own organisation of its key (one per key); else the person who
      -- split it off another. merged_into: a person merged it into that one, which answers for it now
      -- (always a live organisation: a merge moves what pointed at the merged one too). The columns after
      -- it are kept from its notices (store the summary) so that the list pages in SQL.
      CREATE TABLE organisations (
        id            ${id},
        org_key       TEXT    NOT NULL CHECK (length(org_key) > 0),
        name          TEXT    NOT NULL,
        created_by    TEXT    CHECK (created_by IS NULL OR length(created_by) > 0),
        created_at    ${textC}    NOT NULL,
        merged_into   INTEGER,  -- not a foreign key: a copy (migrate-store) inserts rows in id order
        sector        TEXT,
        notice_count  INTEGER NOT NULL DEFAULT 0 CHECK (notice_count >= 0),
        latest_date   ${textC},
        search_text   TEXT    NOT NULL DEFAULT '',
        CHECK (merged_into IS NULL OR merged_into <> id)
      );
      CREATE UNIQUE INDEX organisations_own_key ON organisations (org_key) WHERE created_by IS NULL;
      CREATE INDEX organisations_by_latest ON organisations (latest_date ${descNullsLast}, id DESC) WHERE merged_into IS NULL AND notice_count > 0;
      CREATE INDEX organisations_by_merged ON organisations (merged_into) WHERE merged_into IS NOT NULL;

      -- Each notice's organisation, with what it was put there by: assigned_by NULL, its key; else a
      -- person's split (kept while the notice names an organisation).
      CREATE TABLE organisation_notices (
        notice_id        INTEGER PRIMARY KEY REFERENCES notices (id),
        organisation_id  INTEGER NOT NULL REFERENCES organisations (id),
        org_key          TEXT    NOT NULL,
        name_fold        TEXT    NOT NULL,
        latin_key        TEXT,
        domain           TEXT,
        assigned_by      TEXT    CHECK (assigned_by IS NULL OR length(assigned_by) > 0),
        assigned_at      ${textC},
        CHECK ((assigned_by IS NULL) = (assigned_at IS NULL))
      );
      CREATE INDEX organisation_notices_by_org ON organisation_notices (organisation_id, notice_id);

      -- Names and domains people added (romaji, English, former names).
      CREATE TABLE organisation_names (
        id               ${id},
        organisation_id  INTEGER NOT NULL REFERENCES organisations (id),
        kind             TEXT    NOT NULL CHECK (kind IN ('alias', 'former', 'domain')),
        value            TEXT    NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
        fold             TEXT    NOT NULL CHECK (length(fold) > 0),
        added_by         TEXT    NOT NULL CHECK (length(added_by) > 0),
        added_at         ${textC}    NOT NULL,
        UNIQUE (organisation_id, kind, fold)
      );
      CREATE INDEX organisation_names_by_fold ON organisation_names (fold);

      -- Every change a person made, never deleted (the audit log has each too).
      CREATE TABLE organisation_changes (
        id               ${id},
        organisation_id  INTEGER NOT NULL REFERENCES organisations (id),
        action           TEXT    NOT NULL CHECK (action IN ('alias', 'former', 'domain', 'merge', 'merged', 'split', 'split_from')),
        detail_json      TEXT    NOT NULL CHECK (${json('detail_json')}),
        changed_by       TEXT    NOT NULL CHECK (length(changed_by) > 0),
        changed_at       ${textC}    NOT NULL
      );
      CREATE INDEX organisation_changes_by_org ON organisation_changes (organisation_id, id);

      -- Notices whose organisation may have changed, each with the sequence number of its last change.
      ${byEngine({ sqlite: '', postgres: 'CREATE SEQUENCE organisation_queue_seq;' })}
      CREATE TABLE organisation_queue (
        notice_id  INTEGER PRIMARY KEY,
        seq        ${bigint} NOT NULL
      );
      CREATE INDEX organisation_queue_by_seq ON organisation_queue (seq);
      ${byEngine({
        sqlite: /* sql */ `
      CREATE TRIGGER organisation_notice_added AFTER INSERT ON notices BEGIN
        INSERT INTO organisation_queue (notice_id, seq)
          VALUES (NEW.id, (SELECT coalesce(max(seq), 0) + 1 FROM organisation_queue))
          ON CONFLICT (notice_id) DO UPDATE SET seq = excluded.seq;
      END;
      CREATE TRIGGER organisation_notice_changed AFTER UPDATE OF organization, sector, disclosure_date ON notices BEGIN
        INSERT INTO organisation_queue (notice_id, seq)
          VALUES (NEW.id, (SELECT coalesce(max(seq), 0) + 1 FROM organisation_queue))
          ON CONFLICT (notice_id) DO UPDATE SET seq = excluded.seq;
      END;
      -- Every notice stored before is put in its organisation by the first read.
      INSERT INTO organisation_queue (notice_id, seq) SELECT id, id FROM notices WHERE true;`,
        postgres: /* sql */ `
      CREATE FUNCTION organisation_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO organisation_queue (notice_id, seq) VALUES (NEW.id, nextval('organisation_queue_seq'))
            ON CONFLICT (notice_id) DO UPDATE SET seq = excluded.seq;
          RETURN NULL;
        END $$;
      CREATE TRIGGER organisation_notice_added AFTER INSERT ON notices FOR EACH ROW EXECUTE FUNCTION organisation_enqueue();
      CREATE TRIGGER organisation_notice_changed AFTER UPDATE OF organization, sector, disclosure_date ON notices
        FOR EACH ROW EXECUTE FUNCTION organisation_enqueue();
      -- Every notice stored before is put in its organisation by the first read.
      INSERT INTO organisation_queue (notice_id, seq) SELECT id, nextval('organisation_queue_seq') FROM notices ORDER BY id;`,
      })}
    `,
  },
  {
    version: 20,
    name: 'publication marks: a person allows an incident into the published casebook, or withdraws it',
    sql: ({ id, textC, json }) => /* sql */ `
      -- core/publication.ts: a person's decision, kept like a correction (who, when, why), never updated;
      -- the latest of an incident is in force. notice_ids (a JSON array) are the incident's notices when it
      -- was marked: a later regrouping that changes them holds it back until it is marked again. No
      -- foreign key on incident_id, as corrections and claim links: a merge retires incident rows.
      CREATE TABLE publication_marks (
        id           ${id},
        incident_id  INTEGER NOT NULL,
        publishable  INTEGER NOT NULL CHECK (publishable IN (0, 1)),
        notice_ids   TEXT    NOT NULL CHECK (${json('notice_ids')}),
        decided_by   TEXT    NOT NULL CHECK (length(decided_by) > 0),
        decided_at   ${textC}    NOT NULL,
        reason       TEXT    CHECK (reason IS NULL OR length(reason) <= 500)
      );
      CREATE INDEX publication_marks_by_incident ON publication_marks (incident_id, id);
    `,
  },
  {
    version: 21,
    name: 'watchlists: organisations followed, their hits in notices and claims, webhook deliveries',
    sql: ({ id, textC, json }) => /* sql */ `
      -- notice_cursor, claim_cursor: notices and claims up to these ids were matched (app/watchlists.ts).
      CREATE TABLE watchlists (
        id              ${id},
        name            TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
        is_private      INTEGER NOT NULL CHECK (is_private IN (0, 1)),
        webhook_url     TEXT    CHECK (webhook_url IS NULL OR length(webhook_url) <= 2000),
        webhook_secret  TEXT    CHECK (webhook_secret IS NULL OR length(webhook_secret) BETWEEN 16 AND 200),
        allow_private   INTEGER NOT NULL CHECK (allow_private IN (0, 1)),
        notice_cursor   INTEGER NOT NULL CHECK (notice_cursor >= 0),
        claim_cursor    INTEGER NOT NULL CHECK (claim_cursor >= 0),
        created_by      TEXT    NOT NULL CHECK (length(created_by) > 0),
        created_at      ${textC}    NOT NULL,
        CHECK ((webhook_url IS NULL) = (webhook_secret IS NULL))
      );
      CREATE TABLE watchlist_entries (
        id            ${id},
        watchlist_id  INTEGER NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
        name          TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        aliases_json  TEXT    NOT NULL CHECK (${json('aliases_json')}),
        domains_json  TEXT    NOT NULL CHECK (${json('domains_json')}),
        added_at      ${textC}    NOT NULL,
        UNIQUE (watchlist_id, name)
      );
      CREATE TABLE watchlist_hits (
        id            ${id},
        watchlist_id  INTEGER NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
        entry_id      INTEGER NOT NULL REFERENCES watchlist_entries (id) ON DELETE CASCADE,
        subject       TEXT    NOT NULL CHECK (subject IN ('notice', 'claim')),
        subject_id    INTEGER NOT NULL,
        how           TEXT    NOT NULL,
        evidence      TEXT    NOT NULL CHECK (length(evidence) <= 1000),
        found_at      ${textC}    NOT NULL,
        UNIQUE (watchlist_id, entry_id, subject, subject_id)
      );
      CREATE INDEX watchlist_hits_newest ON watchlist_hits (watchlist_id, id);
      CREATE INDEX watchlist_hits_by_entry ON watchlist_hits (entry_id);
      -- One delivery per hit of a list with a webhook; next_attempt_at is set while it is pending.
      CREATE TABLE webhook_deliveries (
        id               ${id},
        hit_id           INTEGER NOT NULL UNIQUE REFERENCES watchlist_hits (id) ON DELETE CASCADE,
        state            TEXT    NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
        attempts         INTEGER NOT NULL CHECK (attempts >= 0),
        last_status      INTEGER,
        last_error       TEXT    CHECK (last_error IS NULL OR length(last_error) <= 500),
        last_attempt_at  ${textC},
        next_attempt_at  ${textC},
        delivered_at     ${textC},
        CHECK ((state = 'pending') = (next_attempt_at IS NOT NULL)),
        CHECK ((state = 'delivered') = (delivered_at IS NOT NULL))
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
    `,
  },
  {
    version: 22,
    name: 'leak-site trackers polled like watched pages: a watched source\'s kind and claim layout, and what its last check did',
    sql: /* sql */ `
      -- A watched source is a page (a feed or news list, read for notice links) or a leak-site tracker
      -- whose JSON is read for claims (app/watch.ts); the layout is ransomwatch's, ransomware.live's, or
      -- told from each record (auto). Every existing source is a page.
      ALTER TABLE watch_sources ADD COLUMN kind TEXT NOT NULL DEFAULT 'page' CHECK (kind IN ('page', 'claims'));
      ALTER TABLE watch_sources ADD COLUMN claim_format TEXT CHECK (claim_format IS NULL OR claim_format IN ('auto', 'ransomwatch', 'ransomware-live'));
      -- The last check's outcome and what it added (notices ingested, or claims new to the casebook),
      -- and what the source has added in all since it was watched; NULL before its first check.
      ALTER TABLE watch_sources ADD COLUMN last_status TEXT CHECK (last_status IS NULL OR last_status IN ('changed', 'not_modified', 'failed'));
      ALTER TABLE watch_sources ADD COLUMN last_added INTEGER CHECK (last_added IS NULL OR last_added >= 0);
      ALTER TABLE watch_sources ADD COLUMN total_added INTEGER NOT NULL DEFAULT 0 CHECK (total_added >= 0);
    `,
  },
  {
    version: 23,
    name: 'grouping blocks: one index by block, not two',
    sql: /* sql */ `
      -- (block, at) serves every lookup by block (on SQLite it holds notice_id too, the key of a table
      -- without rowid); (block, notice_id) only ordered a block's first notices, which are now taken in
      -- either order. An ingest wrote three B-trees for each of a notice's five or so blocks.
      DROP INDEX grouping_blocks_by_block;
    `,
  },
  {
    version: 24,
    name: 'PostgreSQL: grouping windows\' bigram index keeps a short list of pending entries',
    // A GIN index adds new entries to a pending list, merged into the index when it passes
    // gin_pending_list_limit (4 MB by default), and every lookup reads that whole list. Grouping asks
    // the windows index for each writer's name right after each batch adds its windows, so an ingest
    // read up to 4 MB per name: 1.3 ms a name against 0.014 with the list merged, most of the server's
    // time. 256 kB keeps each merge a batch's worth while a lookup stays short. SQLite's FTS5 has none.
    sql: ({ byEngine }) => byEngine({
      sqlite: '-- Nothing: SQLite\'s grouping windows are an FTS5 table.',
      postgres: 'ALTER INDEX grouping_windows_by_gram SET (gin_pending_list_limit = 256);',
    }),
  },
];

export interface MigrationReport {
  applied: number[];
  current: number;
}

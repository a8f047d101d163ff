import type { Migration } from './types.ts';

/**
 * A signal may now be a test ("send a test" in the contact setup), kept in the history
 * like the others. SQLite cannot change a CHECK constraint in place, so the table is
 * rebuilt with the same columns and rows.
 */
export const migration008: Migration = {
  version: 8,
  name: 'signal-tests',
  up(db) {
    db.exec(`
      CREATE TABLE signals_new (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        contact_id      INTEGER REFERENCES signal_contacts (id) ON DELETE SET NULL,
        contact_name    TEXT    NOT NULL,
        channel         TEXT    NOT NULL CHECK (channel IN ('email', 'sms', 'webhook')),
        which           TEXT    NOT NULL CHECK (which IN ('help', 'ok', 'test')),
        idempotency_key TEXT    NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 16 AND 64),
        created_at      INTEGER NOT NULL,
        state           TEXT    NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'expired', 'opened')),
        attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at INTEGER,
        settled_at      INTEGER,
        last_error      TEXT    CHECK (last_error IS NULL OR (length(last_error) <= 32 AND last_error NOT GLOB '*[^a-z0-9_]*')),
        url             TEXT,
        body            TEXT,
        content_type    TEXT,
        header_name     TEXT,
        header_value    TEXT,
        CHECK ((state IN ('queued', 'sending')) = (next_attempt_at IS NOT NULL)),
        CHECK ((state IN ('queued', 'sending')) = (settled_at IS NULL)),
        CHECK ((state IN ('queued', 'sending')) = (url IS NOT NULL AND body IS NOT NULL AND content_type IS NOT NULL)),
        CHECK (state IN ('queued', 'sending') OR (header_name IS NULL AND header_value IS NULL)),
        CHECK (channel = 'webhook' OR state IN ('opened', 'failed')),
        CHECK (channel <> 'webhook' OR state <> 'opened')
      );
      INSERT INTO signals_new SELECT id, contact_id, contact_name, channel, which, idempotency_key, created_at, state, attempts,
        next_attempt_at, settled_at, last_error, url, body, content_type, header_name, header_value FROM signals;
      DROP TABLE signals;
      ALTER TABLE signals_new RENAME TO signals;
      CREATE INDEX signals_pending ON signals (next_attempt_at) WHERE state IN ('queued', 'sending');
      CREATE INDEX signals_history ON signals (created_at);
    `);
  },
};

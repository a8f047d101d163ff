import type { Migration } from './types.ts';

/**
 * Trusted contacts and the signal outbox. A signal row keeps the request it will send
 * (url, body, optional header) only while it may still be sent; once it is settled the
 * request is wiped and only the history remains: when, to whom, which channel, and
 * whether it arrived.
 */
export const migration007: Migration = {
  version: 7,
  name: 'signals',
  up(db) {
    db.exec(`
      CREATE TABLE signal_contacts (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        name          TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        channel       TEXT    NOT NULL CHECK (channel IN ('email', 'sms', 'webhook')),
        address       TEXT    CHECK (address IS NULL OR length(address) BETWEEN 1 AND 254),
        url           TEXT    CHECK (url IS NULL OR length(url) BETWEEN 1 AND 2048),
        format        TEXT    CHECK (format IN ('text', 'json')),
        json_template TEXT    CHECK (json_template IS NULL OR length(json_template) BETWEEN 1 AND 4000),
        header_name   TEXT    CHECK (header_name IS NULL OR length(header_name) BETWEEN 1 AND 64),
        header_value  TEXT    CHECK (header_value IS NULL OR length(header_value) BETWEEN 1 AND 1024),
        message       TEXT    NOT NULL CHECK (length(message) BETWEEN 1 AND 280),
        follow_up     TEXT    NOT NULL CHECK (length(follow_up) BETWEEN 1 AND 280),
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        CHECK ((channel = 'webhook') = (address IS NULL)),
        CHECK ((channel = 'webhook') = (url IS NOT NULL AND format IS NOT NULL)),
        CHECK ((format = 'json') = (json_template IS NOT NULL)),
        CHECK ((header_name IS NULL) = (header_value IS NULL)),
        CHECK (channel = 'webhook' OR header_name IS NULL)
      );

      CREATE TABLE signals (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        contact_id      INTEGER REFERENCES signal_contacts (id) ON DELETE SET NULL,
        contact_name    TEXT    NOT NULL,
        channel         TEXT    NOT NULL CHECK (channel IN ('email', 'sms', 'webhook')),
        which           TEXT    NOT NULL CHECK (which IN ('help', 'ok')),
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
      CREATE INDEX signals_pending ON signals (next_attempt_at) WHERE state IN ('queued', 'sending');
      CREATE INDEX signals_history ON signals (created_at);
    `);
  },
};

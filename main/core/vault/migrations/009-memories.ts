import type { Migration } from './types.ts';

/**
 * The memory box. A memory keeps its words either as plain text (still inside the
 * encrypted vault) or, with an extra seal, only as AES-256-GCM ciphertext under a key
 * derived from the memory's own passphrase (scrypt, its own salt and cost), so even the
 * vault key cannot read them. The title stays readable: the box shows titles.
 * Each opening is logged as it happens; at most one may be unfinished at a time.
 */
export const migration009: Migration = {
  version: 9,
  name: 'memories',
  up(db) {
    db.exec(`
      CREATE TABLE memories (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        title          TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 80),
        intensity      INTEGER NOT NULL CHECK (intensity BETWEEN 1 AND 10),
        status         TEXT    NOT NULL DEFAULT 'sealed' CHECK (status IN ('sealed', 'open', 'at-peace')),
        text           TEXT    CHECK (text IS NULL OR (typeof(text) = 'text' AND length(text) <= 4000)),
        seal_salt      BLOB    CHECK (seal_salt IS NULL OR (typeof(seal_salt) = 'blob' AND length(seal_salt) = 16)),
        seal_n         INTEGER CHECK (seal_n IS NULL OR (seal_n BETWEEN 2 AND 4194304 AND (seal_n & (seal_n - 1)) = 0)),
        seal_r         INTEGER CHECK (seal_r IS NULL OR seal_r BETWEEN 1 AND 32),
        seal_p         INTEGER CHECK (seal_p IS NULL OR seal_p BETWEEN 1 AND 16),
        seal_iv        BLOB    CHECK (seal_iv IS NULL OR (typeof(seal_iv) = 'blob' AND length(seal_iv) = 12)),
        seal_tag       BLOB    CHECK (seal_tag IS NULL OR (typeof(seal_tag) = 'blob' AND length(seal_tag) = 16)),
        seal_data      BLOB    CHECK (seal_data IS NULL OR (typeof(seal_data) = 'blob' AND length(seal_data) <= 16000)),
        failed_tries   INTEGER NOT NULL DEFAULT 0 CHECK (failed_tries >= 0),
        last_failed_at INTEGER,
        created_at     INTEGER NOT NULL,
        updated_at     INTEGER NOT NULL,
        -- Plain words or a complete seal, never both, never half a seal.
        CHECK ((text IS NULL) = (seal_data IS NOT NULL)),
        CHECK ((seal_data IS NULL) = (seal_salt IS NULL)),
        CHECK ((seal_data IS NULL) = (seal_n IS NULL)),
        CHECK ((seal_data IS NULL) = (seal_r IS NULL)),
        CHECK ((seal_data IS NULL) = (seal_p IS NULL)),
        CHECK ((seal_data IS NULL) = (seal_iv IS NULL)),
        CHECK ((seal_data IS NULL) = (seal_tag IS NULL)),
        -- Wrong-passphrase tries are only counted for a memory that has a passphrase.
        CHECK (seal_data IS NOT NULL OR (failed_tries = 0 AND last_failed_at IS NULL))
      );

      CREATE TABLE memory_openings (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        memory_id   INTEGER NOT NULL REFERENCES memories (id) ON DELETE CASCADE,
        session_id  INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
        opened_at   INTEGER NOT NULL,
        mood_before INTEGER NOT NULL CHECK (mood_before BETWEEN 1 AND 5),
        mood_after  INTEGER CHECK (mood_after BETWEEN 1 AND 5),
        tears       TEXT    CHECK (tears IN ('none', 'welled', 'tear', 'cried', 'deep')),
        outcome     TEXT    CHECK (outcome IN ('resealed', 'kept-open', 'at-peace', 'stopped')),
        ended_at    INTEGER,
        CHECK ((outcome IS NULL) = (ended_at IS NULL)),
        CHECK (ended_at IS NULL OR ended_at >= opened_at),
        CHECK (outcome IS NOT NULL OR (mood_after IS NULL AND tears IS NULL))
      );
      CREATE INDEX memory_openings_memory ON memory_openings (memory_id, opened_at);
      CREATE INDEX memory_openings_session ON memory_openings (session_id);
      -- One memory at a time: a second unfinished opening is refused by the database too.
      CREATE UNIQUE INDEX memory_openings_one_unfinished ON memory_openings ((ended_at IS NULL)) WHERE ended_at IS NULL;
    `);
  },
};

import type { Migration } from './types.ts';

/** Practice runs with their check-ins, written as they happen; journal entries may link to one. */
export const migration004: Migration = {
  version: 4,
  name: 'sessions',
  up(db) {
    db.exec(`
      CREATE TABLE sessions (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        practice_id    TEXT    NOT NULL,
        practice_title TEXT    NOT NULL,
        step_count     INTEGER NOT NULL,
        started_at     INTEGER NOT NULL,
        ended_at       INTEGER,
        outcome        TEXT    CHECK (outcome IN ('finished', 'stopped')),
        step_reached   INTEGER NOT NULL DEFAULT 0,
        readiness      INTEGER CHECK (readiness BETWEEN 1 AND 5),
        mood_before    INTEGER CHECK (mood_before BETWEEN 1 AND 5),
        mood_after     INTEGER CHECK (mood_after BETWEEN 1 AND 5),
        tears          TEXT    CHECK (tears IN ('none', 'welled', 'tear', 'cried', 'deep')),
        relief         INTEGER CHECK (relief BETWEEN 0 AND 10),
        notes          TEXT    NOT NULL DEFAULT ''
      );
      CREATE INDEX sessions_started ON sessions (started_at);

      CREATE TABLE session_check_ins (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        step_index INTEGER NOT NULL,
        question   TEXT    NOT NULL CHECK (question IN ('distress', 'mood', 'tears')),
        value      INTEGER NOT NULL,
        at         INTEGER NOT NULL
      );
      CREATE INDEX session_check_ins_session ON session_check_ins (session_id);

      ALTER TABLE entries ADD COLUMN session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL;
    `);
  },
};

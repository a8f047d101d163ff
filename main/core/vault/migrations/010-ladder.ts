import type { Migration } from './types.ts';

/**
 * The two-way crying ladder: the user's own steps on two tracks, each attempt at a step,
 * and the one setting the ladder needs (the calm-enough threshold, default 50). Mastery is
 * not stored: it is computed from the attempts and the threshold (main/core/ladder/mastery.ts).
 * Numbers must be whole numbers (typeof checks: an INTEGER column would keep 4.5 as given).
 * Peak distress is not forced above "before": the waiting is often harder than the step.
 */
export const migration010: Migration = {
  version: 10,
  name: 'ladder',
  up(db) {
    db.exec(`
      CREATE TABLE ladder_settings (
        id        INTEGER PRIMARY KEY CHECK (id = 1),
        threshold INTEGER NOT NULL CHECK (typeof(threshold) = 'integer' AND threshold BETWEEN 1 AND 100)
      );
      INSERT INTO ladder_settings (id, threshold) VALUES (1, 50);

      CREATE TABLE ladder_steps (
        id                INTEGER PRIMARY KEY AUTOINCREMENT,
        track             TEXT    NOT NULL CHECK (track IN ('letting-come', 'staying-with')),
        position          INTEGER NOT NULL CHECK (typeof(position) = 'integer' AND position >= 0),
        text              TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 200),
        expected_distress INTEGER NOT NULL CHECK (typeof(expected_distress) = 'integer' AND expected_distress BETWEEN 0 AND 100),
        suggestion_key    TEXT    CHECK (suggestion_key IS NULL OR length(suggestion_key) BETWEEN 1 AND 40),
        created_at        INTEGER NOT NULL,
        updated_at        INTEGER NOT NULL,
        UNIQUE (track, position)
      );
      CREATE UNIQUE INDEX ladder_steps_suggestion ON ladder_steps (track, suggestion_key) WHERE suggestion_key IS NOT NULL;

      CREATE TABLE ladder_attempts (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        step_id         INTEGER NOT NULL REFERENCES ladder_steps (id) ON DELETE CASCADE,
        session_id      INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
        started_at      INTEGER NOT NULL CHECK (started_at >= 0),
        ended_at        INTEGER NOT NULL CHECK (ended_at >= started_at),
        distress_before INTEGER NOT NULL CHECK (typeof(distress_before) = 'integer' AND distress_before BETWEEN 0 AND 100),
        distress_peak   INTEGER NOT NULL CHECK (typeof(distress_peak) = 'integer' AND distress_peak BETWEEN 0 AND 100),
        distress_after  INTEGER NOT NULL CHECK (typeof(distress_after) = 'integer' AND distress_after BETWEEN 0 AND 100),
        tears           INTEGER NOT NULL CHECK (typeof(tears) = 'integer' AND tears BETWEEN 0 AND 3),
        breathed_before INTEGER NOT NULL CHECK (typeof(breathed_before) = 'integer' AND breathed_before IN (0, 1)),
        breathed_after  INTEGER NOT NULL CHECK (typeof(breathed_after) = 'integer' AND breathed_after IN (0, 1))
      );
      CREATE INDEX ladder_attempts_step ON ladder_attempts (step_id, started_at);
      CREATE INDEX ladder_attempts_session ON ladder_attempts (session_id) WHERE session_id IS NOT NULL;
    `);
  },
};

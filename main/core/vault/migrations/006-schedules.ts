import type { Migration } from './types.ts';

/**
 * Reflection schedules (RFC 5545 DTSTART + RRULE in a zone), what happened to each
 * occurrence, quiet hours, and the key pair for changes made while the vault is locked.
 */
export const migration006: Migration = {
  version: 6,
  name: 'schedules',
  up(db) {
    db.exec(`
      CREATE TABLE schedules (
        id                INTEGER PRIMARY KEY AUTOINCREMENT,
        practice_id       TEXT    NOT NULL,
        private           INTEGER NOT NULL DEFAULT 1 CHECK (private IN (0, 1)),
        notification_text TEXT    NOT NULL DEFAULT 'Time for your reflection'
                                  CHECK (length(notification_text) BETWEEN 1 AND 120),
        dtstart           TEXT    NOT NULL CHECK (dtstart GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]'),
        tzid              TEXT,
        rrule             TEXT    CHECK (rrule IS NULL OR rrule GLOB 'FREQ=*'),
        lead_minutes      INTEGER NOT NULL DEFAULT 0 CHECK (lead_minutes IN (0, 5, 15, 30)),
        paused            INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
        settled_through   TEXT    NOT NULL DEFAULT '',
        created_at        INTEGER NOT NULL,
        updated_at        INTEGER NOT NULL
      );

      CREATE TABLE schedule_occurrences (
        schedule_id   INTEGER NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
        occurrence    TEXT    NOT NULL,
        state         TEXT    NOT NULL CHECK (state IN ('fired', 'snoozed', 'skipped', 'missed', 'offered', 'started')),
        snoozed_until INTEGER CHECK ((state = 'snoozed') = (snoozed_until IS NOT NULL)),
        at            INTEGER NOT NULL,
        PRIMARY KEY (schedule_id, occurrence)
      ) WITHOUT ROWID;
      CREATE UNIQUE INDEX schedule_occurrences_one_offer ON schedule_occurrences (state) WHERE state = 'offered';

      CREATE TABLE schedule_settings (
        id           INTEGER PRIMARY KEY CHECK (id = 1),
        quiet_enabled INTEGER NOT NULL DEFAULT 0 CHECK (quiet_enabled IN (0, 1)),
        quiet_start  TEXT    NOT NULL DEFAULT '22:00',
        quiet_end    TEXT    NOT NULL DEFAULT '08:00',
        quiet_policy TEXT    NOT NULL DEFAULT 'move' CHECK (quiet_policy IN ('move', 'skip')),
        seal_public  BLOB,
        seal_private BLOB
      );
      INSERT INTO schedule_settings (id) VALUES (1);
    `);
  },
};

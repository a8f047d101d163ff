import type { Migration } from './types.ts';

/**
 * Moving media and the barriers-and-style self-reflection.
 *
 * media_items: films, songs, books, videos that once moved the person; a link is only ever
 * a web link. last_offered marks the one item "Boost the signal" offered last, so it is not
 * offered twice in a row. media_uses: each time an item was used, linked to its session when there was one
 * (the session's own mood and tears then tell whether it helped); one use per item and
 * session; an item's uses go with it, a deleted session only unlinks them.
 *
 * self_reflections: each time the person answers, a new row (history kept); the barriers
 * they chose are rows of their own, from a fixed list.
 */
export const migration011: Migration = {
  version: 11,
  name: 'media-and-barriers',
  up(db) {
    db.exec(`
      CREATE TABLE media_items (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        title           TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        kind            TEXT    NOT NULL CHECK (kind IN ('film', 'song', 'book', 'video', 'other')),
        note            TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 280),
        link            TEXT    CHECK (link IS NULL OR (length(link) <= 2048 AND (link GLOB 'https://?*' OR link GLOB 'http://?*'))),
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL,
        last_offered    INTEGER NOT NULL DEFAULT 0 CHECK (last_offered IN (0, 1))
      );
      CREATE UNIQUE INDEX media_items_last_offered ON media_items (last_offered) WHERE last_offered = 1;

      CREATE TABLE media_uses (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        media_id    INTEGER NOT NULL REFERENCES media_items (id) ON DELETE CASCADE,
        session_id  INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
        used_at     INTEGER NOT NULL,
        mood_before INTEGER CHECK (mood_before BETWEEN 1 AND 5),
        mood_after  INTEGER CHECK (mood_after BETWEEN 1 AND 5),
        tears       TEXT    CHECK (tears IN ('none', 'welled', 'tear', 'cried', 'deep'))
      );
      CREATE UNIQUE INDEX media_uses_item_session ON media_uses (media_id, session_id);
      CREATE INDEX media_uses_session ON media_uses (session_id);

      CREATE TABLE self_reflections (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        answered_at INTEGER NOT NULL,
        style       INTEGER CHECK (style IS NULL OR (typeof(style) = 'integer' AND style BETWEEN 0 AND 100)),
        note        TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 280)
      );
      CREATE INDEX self_reflections_answered ON self_reflections (answered_at);

      CREATE TABLE self_reflection_barriers (
        reflection_id INTEGER NOT NULL REFERENCES self_reflections (id) ON DELETE CASCADE,
        barrier       TEXT    NOT NULL CHECK (barrier IN ('taught-not-to', 'others-think', 'wont-stop', 'numb', 'past-hurt',
                                                          'medical', 'no-private-space', 'tears-too-soon')),
        PRIMARY KEY (reflection_id, barrier)
      ) WITHOUT ROWID;
    `);
  },
};

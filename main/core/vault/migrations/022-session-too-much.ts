import type { Migration } from './types.ts';

/**
 * "Some of this felt like too much for me", a box the person may tick after a session (issue #14):
 * 1 when they said so, NULL otherwise. There is no 0: leaving the box unticked is not a "no", so
 * nothing is stored for it. The care card reads it (main/core/insights/care-rules.ts). Adding a
 * nullable column writes nothing to the rows already there.
 */
export const migration022: Migration = {
  version: 22,
  name: 'session-too-much',
  up(db) {
    db.exec(`ALTER TABLE sessions ADD COLUMN too_much INTEGER CHECK (too_much = 1);`);
  },
};

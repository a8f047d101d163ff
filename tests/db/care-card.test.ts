import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CARE_CARD_QUIET_DAYS, CareCard } from '../../preload/contract/insights.ts';
import { CareCardService } from '../../main/core/insights/care-card.ts';
import { SettingsService } from '../../main/core/settings/settings.ts';
import type { Db } from '../../main/core/vault/database.ts';
import type { FakeClock } from '../helpers/fake-clock.ts';
import { openTestDatabase } from '../helpers/vault-fixtures.ts';

/** The care card over a real vault: facts read from sessions and check-ins, putting it away kept in the vault. */

const DAY = 86_400_000;
const at = (iso: string) => Date.parse(iso);

let db: Db;
let clock: FakeClock;
let cleanup: () => void;
let care: CareCardService;

beforeEach(() => {
  ({ db, clock, cleanup } = openTestDatabase(at('2024-05-15T12:00:00Z')));
  care = new CareCardService(() => db, clock);
});
afterEach(() => cleanup());

/** A session `daysAgo` before now with these check-ins, ended as given. */
function session(daysAgo: number, checkIns: Array<['distress' | 'mood' | 'tears', number]>, outcome: 'finished' | 'stopped' | null = 'finished'): number {
  const started = clock.now() - daysAgo * DAY;
  const id = Number(
    db
      .prepare(`INSERT INTO sessions (practice_id, practice_title, step_count, started_at, ended_at, outcome) VALUES ('p', 'P', 5, ?, ?, ?)`)
      .run(started, outcome && started + 600_000, outcome).lastInsertRowid,
  );
  for (const [question, value] of checkIns) {
    db.prepare('INSERT INTO session_check_ins (session_id, step_index, question, value, at) VALUES (?, 1, ?, ?, ?)').run(id, question, value, started + 60_000);
  }
  return id;
}

const card = () => CareCard.parse(care.card());

describe('the care card', () => {
  it('reads a session’s highest distress answer, and no other question, from its check-ins', () => {
    session(3, [['distress', 2], ['distress', 8], ['mood', 4]]);
    session(2, [['mood', 1], ['tears', 4]]); // no distress asked: not counted either way
    session(1, [['distress', 9]]);
    expect(card()).toEqual({ show: false });
    const third = session(0, [['distress', 7], ['distress', 3]]);
    expect(card()).toEqual({ show: true, pattern: 'often-high-distress', sessions: 3, of: 3, latestSessionId: third, latestAt: clock.now() });
  });

  it('reads "some of it felt like too much" from the session, first of all patterns, right after that one session', () => {
    session(2, [['distress', 10]]);
    const said = session(1, [['distress', 10]], 'stopped');
    expect(card()).toMatchObject({ show: true, pattern: 'top-of-scale' });
    db.prepare('UPDATE sessions SET too_much = 1 WHERE id = ?').run(said);
    expect(card()).toEqual({ show: true, pattern: 'said-too-much', sessions: 1, of: 2, latestSessionId: said, latestAt: clock.now() - DAY });
    care.dismiss();
    clock.advance(CARE_CARD_QUIET_DAYS * DAY);
    // A week on, the same session does not bring the card back, under its own pattern or the other.
    expect(card()).toEqual({ show: false });
  });

  it('names "stopped after a high answer" right after the second such session', () => {
    session(2, [['distress', 8]], 'stopped');
    expect(card().show).toBe(false);
    const latest = session(0, [['distress', 9]], 'stopped');
    expect(card()).toMatchObject({ show: true, pattern: 'stopped-after-high', sessions: 2, of: 2, latestSessionId: latest });
  });

  it('once put away, stays away for a week, and then comes back only for something new', () => {
    session(2, [['distress', 10]]);
    session(1, [['distress', 10]]);
    expect(card()).toMatchObject({ show: true, pattern: 'top-of-scale' });
    care.dismiss();
    expect(card()).toEqual({ show: false });
    // Kept in the vault: another service over the same vault (after a restart) knows.
    care = new CareCardService(() => db, clock);
    clock.advance(CARE_CARD_QUIET_DAYS * DAY - 1);
    session(0, [['distress', 10]]);
    expect(card()).toEqual({ show: false });
    clock.advance(1);
    // A week has passed, and the session just above is new since: it may show again (all three are within 14 days).
    expect(card()).toMatchObject({ show: true, pattern: 'top-of-scale', sessions: 3 });
    care.dismiss();
    clock.advance(CARE_CARD_QUIET_DAYS * DAY);
    // A week later again, but nothing new since: the same old sessions do not bring it back.
    expect(card()).toEqual({ show: false });
  });

  it('counts as seen when handed over to show, so it stays away for a week even if the screen never says it ended (a lock, quitting, a crash)', () => {
    session(2, [['distress', 10]]);
    const latest = session(1, [['distress', 10]]);
    const offered = care.offer();
    expect(offered).toMatchObject({ show: true, pattern: 'top-of-scale', latestSessionId: latest });
    // The vault is closed and opened again (another service over the same file): nothing else was said.
    care = new CareCardService(() => db, clock);
    expect(care.offer()).toEqual({ show: false });
    expect(card()).toEqual({ show: false });
    clock.advance(CARE_CARD_QUIET_DAYS * DAY);
    // A week on, nothing new since it was seen: it stays away.
    expect(care.offer()).toEqual({ show: false });
  });

  it('after a session, is offered (and counted as seen) only when that very session is the newest match', () => {
    const older = session(2, [['distress', 10]]);
    const latest = session(1, [['distress', 10]]);
    // An older session's screen: not for it, and nothing is remembered.
    expect(care.offer(older)).toEqual({ show: false });
    expect(card()).toMatchObject({ show: true, latestSessionId: latest });
    expect(care.offer(latest)).toMatchObject({ show: true, latestSessionId: latest });
    expect(card()).toEqual({ show: false });
  });

  it('is kept apart from the settings the page can read or set, and a time from a wrong clock does not hide it', () => {
    session(1, [['distress', 10]]);
    session(0, [['distress', 10]]);
    care.dismiss();
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'care.dismissedAt'`).pluck().get()).toBe(String(clock.now()));
    expect(Object.keys(new SettingsService(() => db).get())).not.toContain('care.dismissedAt');
    db.prepare(`UPDATE settings SET value = ? WHERE key = 'care.dismissedAt'`).run(String(clock.now() + 365 * DAY));
    expect(card()).toMatchObject({ show: true, pattern: 'top-of-scale' });
  });
});

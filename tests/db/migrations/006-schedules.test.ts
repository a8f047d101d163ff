import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, tableNames, userVersion } from '../../helpers/migration-fixtures.ts';
import { insertEntry } from '../../helpers/vault-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(6));
});
afterEach(() => cleanup());

const insertSchedule = (db: Db, fields: Record<string, unknown> = {}) => {
  const row = { practice_id: 'permission', dtstart: '2025-11-23T20:00', rrule: 'FREQ=WEEKLY;BYDAY=SU', created_at: 1, updated_at: 1, ...fields };
  const names = Object.keys(row);
  return Number(
    db.prepare(`INSERT INTO schedules (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...Object.values(row)).lastInsertRowid,
  );
};
const insertOccurrence = (db: Db, scheduleId: number, occurrence: string, state: string, snoozedUntil: number | null = null) =>
  db.prepare('INSERT INTO schedule_occurrences (schedule_id, occurrence, state, snoozed_until, at) VALUES (?, ?, ?, ?, 1)').run(scheduleId, occurrence, state, snoozedUntil);

describe('migration 006: schedules', () => {
  it('adds schedules, occurrence states and scheduler settings; older data survives', () => {
    expect(userVersion(db)).toBe(5);
    insertEntry(db, 'written before schedules existed');
    db.prepare("INSERT INTO sessions (practice_id, practice_title, step_count, started_at) VALUES ('permission', 'Permission', 5, 1)").run();

    applyIt();

    expect(userVersion(db)).toBe(6);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['schedules', 'schedule_occurrences', 'schedule_settings']));
    expect(db.prepare('SELECT body FROM entries').all()).toEqual([{ body: 'written before schedules existed' }]);
    expect(db.prepare('SELECT practice_id AS p FROM sessions').all()).toEqual([{ p: 'permission' }]);
  });

  it('private by default, with the default reminder text, quiet hours off, no sealing keys yet', () => {
    applyIt();
    const id = insertSchedule(db);
    expect(db.prepare('SELECT private, notification_text AS text, lead_minutes AS lead, paused, settled_through AS s, tzid FROM schedules WHERE id = ?').get(id)).toEqual({
      private: 1,
      text: 'Time for your reflection',
      lead: 0,
      paused: 0,
      s: '',
      tzid: null,
    });
    expect(db.prepare('SELECT quiet_enabled, quiet_start, quiet_end, quiet_policy, seal_public, seal_private FROM schedule_settings').all()).toEqual([
      { quiet_enabled: 0, quiet_start: '22:00', quiet_end: '08:00', quiet_policy: 'move', seal_public: null, seal_private: null },
    ]);
  });

  it('refuses values the scheduler never writes', () => {
    applyIt();
    expect(() => insertSchedule(db, { lead_minutes: 10 })).toThrow(/CHECK/);
    expect(() => insertSchedule(db, { dtstart: '23 Nov 2025 20:00' })).toThrow(/CHECK/);
    expect(() => insertSchedule(db, { rrule: 'RRULE:FREQ=DAILY' })).toThrow(/CHECK/);
    expect(() => insertSchedule(db, { notification_text: '' })).toThrow(/CHECK/);
    expect(() => insertSchedule(db, { private: 2 })).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE schedule_settings SET quiet_policy = 'shout'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO schedule_settings (id) VALUES (2)').run()).toThrow(/CHECK/);
    const id = insertSchedule(db);
    expect(() => insertOccurrence(db, id, '2025-11-23T20:00', 'celebrated')).toThrow(/CHECK/);
    expect(() => insertOccurrence(db, id, '2025-11-23T20:00', 'snoozed')).toThrow(/CHECK/);
    expect(() => insertOccurrence(db, id, '2025-11-23T20:00', 'fired', 5)).toThrow(/CHECK/);
    expect(() => insertOccurrence(db, 999, '2025-11-23T20:00', 'fired')).toThrow(/FOREIGN KEY/);
  });

  it('one state per occurrence, and only one missed occurrence on offer at a time', () => {
    applyIt();
    const id = insertSchedule(db);
    insertOccurrence(db, id, '2025-11-23T20:00', 'fired');
    expect(() => insertOccurrence(db, id, '2025-11-23T20:00', 'skipped')).toThrow(/UNIQUE|PRIMARY/);
    insertOccurrence(db, id, '2025-11-30T20:00', 'offered');
    expect(() => insertOccurrence(db, id, '2025-12-07T20:00', 'offered')).toThrow(/UNIQUE/);
    insertOccurrence(db, id, '2025-12-07T20:00', 'snoozed', 123);
  });

  it('deleting a schedule removes its occurrence states', () => {
    applyIt();
    const id = insertSchedule(db);
    insertOccurrence(db, id, '2025-11-23T20:00', 'fired');
    db.prepare('DELETE FROM schedules WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM schedule_occurrences').get()).toEqual({ n: 0 });
  });
});

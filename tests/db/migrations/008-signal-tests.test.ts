import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, tableNames, userVersion } from '../../helpers/migration-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(8));
});
afterEach(() => cleanup());

const contact = () =>
  Number(
    db
      .prepare("INSERT INTO signal_contacts (name, channel, address, message, follow_up, created_at, updated_at) VALUES ('Sam', 'email', 'sam@example.org', 'hi', 'ok', 1, 1)")
      .run().lastInsertRowid,
  );
const settled = (contactId: number, which: string, key: string) =>
  db
    .prepare(
      `INSERT INTO signals (contact_id, contact_name, channel, which, idempotency_key, created_at, state, settled_at)
       VALUES (?, 'Sam', 'email', ?, ?, 1, 'opened', 2)`,
    )
    .run(contactId, which, key);

describe('migration 008: test signals', () => {
  it('keeps every signal and its constraints, and now accepts a test', () => {
    const c = contact();
    settled(c, 'help', 'key-00000000000001');
    settled(c, 'ok', 'key-00000000000002');
    expect(() => settled(c, 'test', 'key-00000000000003')).toThrow(/CHECK/);
    applyIt();
    expect(userVersion(db)).toBe(8);
    expect(tableNames(db)).not.toContain('signals_new');
    expect(db.prepare('SELECT which, idempotency_key AS k FROM signals ORDER BY id').all()).toEqual([
      { which: 'help', k: 'key-00000000000001' },
      { which: 'ok', k: 'key-00000000000002' },
    ]);
    settled(c, 'test', 'key-00000000000003');
    expect(() => settled(c, 'joke', 'key-00000000000004')).toThrow(/CHECK/);
    expect(() => settled(c, 'help', 'key-00000000000001')).toThrow(/UNIQUE/);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'signals' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    expect(indexes).toEqual([{ name: 'signals_history' }, { name: 'signals_pending' }]);
    db.prepare('DELETE FROM signal_contacts WHERE id = ?').run(c);
    expect(db.prepare('SELECT count(*) AS n FROM signals WHERE contact_id IS NULL').get()).toEqual({ n: 3 });
  });
});

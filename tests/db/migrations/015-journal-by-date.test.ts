import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/core/vault/database.ts';
import { databaseBefore, userVersion } from '../../helpers/migration-fixtures.ts';
import { insertEntry } from '../../helpers/vault-fixtures.ts';

let db: Db;
let applyIt: () => void;
let cleanup: () => void;

beforeEach(() => {
  ({ db, applyIt, cleanup } = databaseBefore(15));
});
afterEach(() => cleanup());

describe('migration 015: the journal by date', () => {
  it('keeps every entry, and the list by date is read through the new index, not a sort of the table', () => {
    const ids = [insertEntry(db, 'older', 1_000), insertEntry(db, 'newer', 2_000)];
    applyIt();
    expect(userVersion(db)).toBe(15);
    expect(db.prepare('SELECT id FROM entries ORDER BY id').pluck().all()).toEqual(ids);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM entries WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 50')
      .all() as { detail: string }[];
    const details = plan.map((p) => p.detail).join(' | ');
    expect(details).toContain('entries_live_created');
    expect(details).not.toContain('TEMP B-TREE');
  });
});

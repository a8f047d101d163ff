import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Practice } from '../../preload/contract/index.ts';
import { OwnPractices } from '../../main/core/practices/own-practices.ts';
import { openEncryptedDatabase, type Db } from '../../main/core/vault/database.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { foundInPages } from '../helpers/sqlcipher-pages.ts';
import { makeTempDir } from '../helpers/vault-fixtures.ts';

/** A practice's own words, changed or removed for good, are gone from the vault file too (read back page by page). */
let cleanup: () => void;
let file: string;
let key: Buffer;
let db: Db;
let own: OwnPractices;

beforeEach(() => {
  let dir: string;
  ({ dir, cleanup } = makeTempDir());
  file = path.join(dir, 'vault.db');
  key = randomBytes(32);
  db = openEncryptedDatabase(file, key);
  own = new OwnPractices(() => db, new FakeClock(1_700_000_000_000));
});
afterEach(() => {
  if (db.open) db.close();
  cleanup();
});

const practice = (words: string) =>
  Practice.parse({
    id: 'own-draft',
    version: 1,
    title: 'Evening',
    summary: 'A breath and a kind word.',
    suits: ['after work'],
    intensity: 'gentle',
    steps: [
      { kind: 'permission', statement: words, seconds: 30 },
      { kind: 'close', text: 'Rest now.' },
    ],
  });

const words = (label: string) => Buffer.from(`${label} ${randomBytes(12).toString('hex')}`);

describe('own practices leave no words behind', () => {
  it('changed: the words it had are not in the file; removed and purged: nor are the last ones', () => {
    const first = words('first words');
    const saved = own.create(practice(first.toString()));
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(foundInPages(file, key, first)).toBe(true);

    const second = words('second words');
    own.update({ ...saved, steps: [{ ...saved.steps[0]!, statement: second.toString() } as Practice['steps'][number], saved.steps[1]!] });
    expect(foundInPages(file, key, first)).toBe(false);
    expect(foundInPages(file, key, second)).toBe(true);

    own.remove(saved.id);
    expect(own.purgeRemoved()).toBe(1);
    expect(foundInPages(file, key, second)).toBe(false);
    expect(own.purgeRemoved()).toBe(0);
  });
});

import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PracticeLibrary } from '../../main/core/practices/library.ts';
import { ReflectionService } from '../../main/core/reflection/reflection-service.ts';
import type { ReflectionInput } from '../../preload/contract/reflection.ts';
import type { Vault } from '../../main/core/vault/vault.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { createTestVault, expectAppError, PASSPHRASE } from '../helpers/vault-fixtures.ts';

const T0 = 1_700_000_000_000;
const DAY = 24 * 60 * 60 * 1000;
const practices = new PracticeLibrary(resolve(import.meta.dirname, '../../resources')).list();

let cleanup: () => void;
let clock: FakeClock;
let vault: Vault;
let reflection: ReflectionService;

beforeEach(async () => {
  ({ clock, vault, cleanup } = await createTestVault(T0));
  reflection = new ReflectionService({ db: () => vault.db(), clock });
});
afterEach(() => cleanup());

const count = (table: string) => (vault.db().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('barriers and style', () => {
  it('before any answer: nothing kept, and the library order on the home screen', () => {
    expect(reflection.latest()).toBeNull();
    expect(reflection.history()).toEqual([]);
    expect(reflection.suggest(practices)).toEqual({ order: practices.map((p) => p.id), leaning: null, talkWithDoctor: false });
  });

  it('keeps each answer with its time; the latest counts, earlier ones stay', async () => {
    const first = reflection.save({ barriers: ['numb', 'taught-not-to'], style: 15, note: ' since the move ' });
    expect(first).toEqual({ id: first.id, answeredAt: T0, barriers: ['taught-not-to', 'numb'], style: 15, note: 'since the move', talkWithDoctor: false });

    clock.advance(30 * DAY);
    const second = reflection.save({ barriers: ['tears-too-soon'], style: 80 });
    expect(second).toMatchObject({ answeredAt: T0 + 30 * DAY, barriers: ['tears-too-soon'], style: 80, note: '' });
    expect(reflection.latest()).toEqual(second);
    expect(reflection.history()).toEqual([second, first]);

    // Still there after the vault was locked and opened again.
    vault.lock();
    await expectAppError(() => reflection.latest(), 'LOCKED');
    await vault.unlock(PASSPHRASE);
    expect(reflection.history()).toEqual([second, first]);
  });

  it('a style alone, or a note alone, is an answer too', () => {
    expect(reflection.save({ style: 50 })).toMatchObject({ barriers: [], style: 50, note: '' });
    expect(reflection.save({ note: 'not sure yet' })).toMatchObject({ barriers: [], style: null, note: 'not sure yet' });
    expect(reflection.history()).toHaveLength(2);
  });

  it('medication or a medical reason brings the doctor note, wherever the answer is read', () => {
    const saved = reflection.save({ barriers: ['medical', 'numb'], style: 10 });
    expect(saved.talkWithDoctor).toBe(true);
    expect(reflection.latest()?.talkWithDoctor).toBe(true);
    expect(reflection.suggest(practices).talkWithDoctor).toBe(true);
    clock.advance(DAY);
    reflection.save({ barriers: ['numb'], style: 10 });
    expect(reflection.suggest(practices).talkWithDoctor).toBe(false);
    expect(reflection.history().map((r) => r.talkWithDoctor)).toEqual([false, true]);
  });

  it('the home screen follows the latest answers', () => {
    reflection.save({ barriers: ['taught-not-to'], style: 5 });
    const blocked = reflection.suggest(practices);
    expect(blocked.leaning).toBe('blocked');
    expect(blocked.order.slice(0, 2).sort()).toEqual(['ok-not-to-cry', 'permission']);
    expect(blocked.order.at(-1)).toBe('keep-talking-through-tears');

    clock.advance(DAY);
    reflection.save({ style: 95 });
    const over = reflection.suggest(practices);
    expect(over.leaning).toBe('over');
    expect(over.order.filter((id) => practices.find((p) => p.id === id)?.intensity === 'deeper')[0]).toBe('keep-talking-through-tears');
    expect(over.order.indexOf('arrive-and-breathe')).toBeLessThan(over.order.indexOf('permission'));
  });

  it('refuses bad answers without keeping anything', async () => {
    const bad: unknown[] = [{}, { barriers: ['shy'] }, { style: 101 }, { style: -5 }, { style: 12.5 }, { note: 'n'.repeat(281) }, { barriers: [], style: null, note: '  ' }];
    for (const input of bad) await expectAppError(() => reflection.save(input as ReflectionInput), 'INVALID_INPUT');
    expect(count('self_reflections')).toBe(0);
    expect(count('self_reflection_barriers')).toBe(0);
  });

  it('deletes every answer at once, barriers and all', () => {
    reflection.save({ barriers: ['numb', 'medical'], style: 20 });
    reflection.save({ barriers: ['wont-stop'] });
    expect(count('self_reflection_barriers')).toBe(3);
    expect(reflection.deleteAll()).toEqual({ deleted: 2 });
    expect(count('self_reflections')).toBe(0);
    expect(count('self_reflection_barriers')).toBe(0);
    expect(reflection.latest()).toBeNull();
    expect(reflection.deleteAll()).toEqual({ deleted: 0 });
  });
});

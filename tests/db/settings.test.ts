import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Settings, defaultSettings } from '../../preload/contract/index.ts';
import { SettingsService } from '../../main/core/settings/settings.ts';
import type { Db } from '../../main/core/vault/database.ts';
import { expectAppError, openTestDatabase } from '../helpers/vault-fixtures.ts';

let cleanup: () => void;
let db: Db;
let settings: SettingsService;

beforeEach(() => {
  ({ db, cleanup } = openTestDatabase());
  settings = new SettingsService(() => db);
});

afterEach(() => cleanup());

const rows = () => db.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[];

describe('SettingsService', () => {
  it('reads the defaults on a new vault without writing anything', () => {
    expect(Settings.parse(defaultSettings)).toEqual(defaultSettings);
    expect(settings.get()).toEqual(defaultSettings);
    expect(rows()).toEqual([]);
  });

  it('changes only the keys given, stores them as JSON, and keeps them', () => {
    const next = settings.update({ idleLockMinutes: 3 });
    expect(next).toEqual({ ...defaultSettings, idleLockMinutes: 3 });
    expect(rows()).toEqual([{ key: 'idleLockMinutes', value: '3' }]);

    const again = settings.update({ audioEnabled: true, audioVolume: 0.25 });
    expect(again).toEqual({ ...defaultSettings, idleLockMinutes: 3, audioEnabled: true, audioVolume: 0.25 });
    expect(new SettingsService(() => db).get()).toEqual(again);
  });

  it('keeps the background sound and its volume (none until chosen)', () => {
    expect(settings.get()).toMatchObject({ soundscape: 'none', soundscapeVolume: 0.5 });
    settings.update({ soundscape: 'practice', soundscapeVolume: 0.2 });
    expect(new SettingsService(() => db).get()).toMatchObject({ soundscape: 'practice', soundscapeVolume: 0.2 });
  });

  it('stores structured values (a custom breathing pattern) and reads them back', () => {
    const pattern = { custom: { inhale: 4, hold: 2, exhale: 6, rest: 1 } };
    expect(settings.update({ breathPattern: pattern }).breathPattern).toEqual(pattern);
    expect(settings.get().breathPattern).toEqual(pattern);
  });

  it('refuses invalid values with INVALID_INPUT and changes nothing', async () => {
    settings.update({ idleLockMinutes: 20 });
    const before = rows();
    const bad: unknown[] = [
      { idleLockMinutes: 0 },
      { idleLockMinutes: 241 },
      { idleLockMinutes: 1.5 },
      { idleLockMinutes: '5' },
      { idleLockMinutes: null },
      { idleLockMinutes: 5, audioVolume: 2 },
      { soundscape: 'thunder' },
      { soundscapeVolume: 1.01 },
      { motion: 'sometimes' },
      null,
      'idleLockMinutes=5',
    ];
    for (const patch of bad) {
      await expectAppError(() => settings.update(patch as Partial<Settings>), 'INVALID_INPUT');
    }
    expect(rows()).toEqual(before);
    expect(settings.get().idleLockMinutes).toBe(20);
  });

  it('ignores keys it does not know, in a patch and in the table', () => {
    settings.update({ idleLockMinutes: 7, telemetry: true } as Partial<Settings>);
    expect(rows().map((r) => r.key)).toEqual(['idleLockMinutes']);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('fromTheFuture', '"x"')`).run();
    expect(settings.get()).toEqual({ ...defaultSettings, idleLockMinutes: 7 });
  });

  it('falls back to the default for a damaged or out-of-range stored value', () => {
    settings.update({ audioVolume: 0.3 });
    db.prepare(`INSERT INTO settings (key, value) VALUES ('idleLockMinutes', 'not json')`).run();
    expect(settings.get()).toEqual({ ...defaultSettings, audioVolume: 0.3 });
    db.prepare(`UPDATE settings SET value = '9999' WHERE key = 'idleLockMinutes'`).run();
    expect(settings.get().idleLockMinutes).toBe(defaultSettings.idleLockMinutes);
    // A later valid update repairs it.
    expect(settings.update({ idleLockMinutes: 15 }).idleLockMinutes).toBe(15);
    expect(settings.get().idleLockMinutes).toBe(15);
  });
});

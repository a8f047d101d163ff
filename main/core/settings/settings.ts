import type { z } from 'zod';
import { Settings, defaultSettings } from '../../../preload/contract/index.ts';
import { statement } from '../vault/statements.ts';
import { parse } from '../journal/validate.ts';
import type { Db } from '../vault/database.ts';

const sql = {
  all: `SELECT key, value FROM settings`,
  one: `SELECT value FROM settings WHERE key = ?`,
  remove: `DELETE FROM settings WHERE key = ?`,
  upsert: `INSERT INTO settings (key, value) VALUES (?, ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
} as const;

const keys = Object.keys(Settings.shape) as (keyof Settings)[];
const PatchSchema = Settings.partial();

/**
 * Preferences stored inside the vault, one JSON value per key. Anything missing or no
 * longer valid (an older version's value, a hand edit) reads as its default, so a bad
 * value can never keep the app from starting.
 */
export class SettingsService {
  constructor(private readonly db: () => Db) {}

  get(): Settings {
    const rows = statement(this.db(), sql.all).all() as { key: string; value: string }[];
    const settings: Settings = { ...defaultSettings };
    for (const { key, value } of rows) {
      if (!isKey(key)) continue;
      const parsed = PatchSchema.shape[key].safeParse(safeJson(value));
      if (parsed.success && parsed.data !== undefined) Object.assign(settings, { [key]: parsed.data });
    }
    return settings;
  }

  /** Changes only the keys given; returns the full settings after the change. */
  update(patch: Partial<Settings>): Settings {
    const parsed = parse(PatchSchema, patch);
    const next = parse(Settings, { ...this.get(), ...definedOnly(parsed) });
    const db = this.db();
    const upsert = statement(db, sql.upsert);
    db.transaction(() => {
      for (const key of keys) {
        if (parsed[key] !== undefined) upsert.run(key, JSON.stringify(next[key]));
      }
    })();
    return next;
  }
}

/**
 * Values main keeps beside the settings, which the renderer can neither read nor set through
 * settings.update (a backup folder is chosen in the OS's own dialog, never typed by a page).
 * Their keys have a dot, so they can never meet a Settings key.
 */
export class MainOnlySetting<T> {
  constructor(
    private readonly db: () => Db,
    private readonly key: `${string}.${string}`,
    private readonly schema: z.ZodType<T>,
  ) {}

  get(): T | null {
    const value = statement(this.db(), sql.one).pluck().get(this.key) as string | undefined;
    if (value === undefined) return null;
    const parsed = this.schema.safeParse(safeJson(value));
    return parsed.success ? parsed.data : null;
  }

  set(value: T | null): void {
    if (value === null) statement(this.db(), sql.remove).run(this.key);
    else statement(this.db(), sql.upsert).run(this.key, JSON.stringify(value));
  }
}

function isKey(key: string): key is keyof Settings {
  return (keys as string[]).includes(key);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

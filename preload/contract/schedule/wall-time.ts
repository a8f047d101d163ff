/**
 * Local wall-clock minutes, with no zone attached. A schedule's occurrences are identified
 * by the wall time its rule names ("2025-11-24T20:00"), not by an instant: the name stays
 * the same across DST and time-zone changes, so state keyed by it can never match twice.
 */
export interface Wall {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** "YYYY-MM-DDTHH:mm": sorts in time order as a string. */
export type WallKey = string;

const keyPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
export const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
export const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The wall time as if it were UTC: a number that orders and does calendar arithmetic. */
export function wallMs(w: Wall): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
}

export function wallFromMs(ms: number): Wall {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function wallKey(w: Wall): WallKey {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

export function keyFromMs(ms: number): WallKey {
  return wallKey(wallFromMs(ms));
}

export function parseWallKey(key: string): Wall | null {
  const m = keyPattern.exec(key);
  if (!m) return null;
  const wall = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]! };
  return wall.hour < 24 && wall.minute < 60 && isRealDate(wall.year, wall.month, wall.day) ? wall : null;
}

export function msFromKey(key: WallKey): number {
  const wall = parseWallKey(key);
  if (!wall) throw new Error(`Not a wall time: ${key}`);
  return wallMs(wall);
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** "2025-11-24" → true when such a day exists. */
export function isLocalDate(text: string): boolean {
  const m = datePattern.exec(text);
  return !!m && +m[1]! >= 1970 && isRealDate(+m[1]!, +m[2]!, +m[3]!);
}

/** Joins "2025-11-24" and "20:00"; both already validated. */
export function wallOf(date: string, time: string): Wall {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return { year, month, day, hour, minute };
}

export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

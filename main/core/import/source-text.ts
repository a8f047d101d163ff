import { createHash } from 'node:crypto';
import { AppError, limits } from '../../../preload/contract/index.ts';
import type { ImportSource } from './imported-entry.ts';

/** Small rules every importer shares: reading text, naming what is wrong, stable ids. */

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text with a byte-order mark dropped and line ends as "\n"; null when it is not UTF-8. */
export function decodeText(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    return null;
  }
}

/** The error for a source that turned out not to be the format it was read as. */
export function notThisFormat(appName: string, why: string): AppError {
  return new AppError('INVALID_INPUT', `This doesn't look like a ${appName} export: ${why}`);
}

/** A short, stable name for an entry from parts of it (its date and text), for sources without ids. */
export function sourceHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

const parsedJson = new WeakMap<Uint8Array, { value: unknown } | null>();

/** A file's JSON, parsed once however many importers look at it; null when it is not JSON. */
export function jsonOf(source: ImportSource): { value: unknown } | null {
  if (source.kind !== 'file') return null;
  if (!parsedJson.has(source.bytes)) {
    const text = decodeText(source.bytes);
    let result: { value: unknown } | null = null;
    if (text !== null) {
      try {
        result = { value: JSON.parse(text) };
      } catch {
        result = null;
      }
    }
    parsedJson.set(source.bytes, result);
  }
  return parsedJson.get(source.bytes) ?? null;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const lowerName = (source: ImportSource): string => source.name.toLowerCase();

/**
 * Tags as Saltwater keeps them (see Tag in the contract): no leading # or @ (jrnl and
 * Obsidian mark tags that way), one line, single spaces, lowercase, at most tagMax
 * characters, no repeats, at most tagsPerEntry. Returns how many were dropped past that.
 */
export function cleanTags(raw: readonly string[]): { tags: string[]; dropped: number } {
  const seen = new Set<string>();
  for (const value of raw) {
    const tag = cutTo(
      value
        .replace(/\p{Cc}/gu, ' ')
        .trim()
        .replace(/^[#@]+/u, '')
        .replace(/\s+/gu, ' ')
        .trim()
        .toLowerCase(),
      limits.tagMax,
    ).trim();
    if (tag) seen.add(tag);
  }
  const tags = [...seen];
  return { tags: tags.slice(0, limits.tagsPerEntry), dropped: Math.max(0, tags.length - limits.tagsPerEntry) };
}

/** At most `max` UTF-16 units (what the contract's max() counts), never splitting a character. */
function cutTo(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

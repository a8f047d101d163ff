import {
  AppError,
  NEW_OWN_PRACTICE_ID,
  Practice,
  PRACTICE_FILE_KEY,
  PRACTICE_FILE_MAX_BYTES,
  PRACTICE_FILE_VERSION,
  practiceProblems,
  problemPlace,
  stepKinds,
} from '../../../preload/contract/index.ts';

/**
 * The file a practice is shared in: {"saltwater-practice": 1, "practice": {…}}, the practice
 * without its id, and nothing else. Reading one is strict: any field the schema does not know is
 * refused rather than dropped, so a file can't carry anything in beside the practice (journal text,
 * a memory's or a media item's id); the steps that use the person's own things (a memory, a film, a
 * ladder step) name none of them: they choose among the person's own when the practice runs.
 * Only JSON.parse and the schema ever see the text: nothing in it is run or fetched.
 */

/** The practice as a file's text: two-space JSON, the id left out. */
export function practiceFileText(practice: Practice): string {
  const { id: _id, version: _version, ...shared } = practice;
  return `${JSON.stringify({ [PRACTICE_FILE_KEY]: PRACTICE_FILE_VERSION, practice: shared }, null, 2)}\n`;
}

const refuse = (why: string) => new AppError('INVALID_INPUT', `${why} Nothing was imported.`);

/**
 * A file's bytes as the practice it holds (with a placeholder id: saving gives it a fresh one), or
 * an INVALID_INPUT error that says what is wrong and where.
 */
export function practiceFromFile(bytes: Uint8Array): Practice {
  if (bytes.byteLength > PRACTICE_FILE_MAX_BYTES) {
    throw refuse(`This file is too big to be a practice (a practice file is at most ${PRACTICE_FILE_MAX_BYTES / 1024} KB).`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse('This file isn’t a Saltwater practice: it isn’t text.');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw refuse('This file isn’t a Saltwater practice: it isn’t readable JSON.');
  }
  if (!isPlainObject(raw) || !(PRACTICE_FILE_KEY in raw)) {
    throw refuse('This file isn’t a Saltwater practice (it doesn’t start with "saltwater-practice").');
  }
  const version = raw[PRACTICE_FILE_KEY];
  if (version !== PRACTICE_FILE_VERSION) {
    throw refuse(
      typeof version === 'number' && Number.isInteger(version) && version > PRACTICE_FILE_VERSION
        ? `This practice was shared from a newer Saltwater (file format ${version}). Update Saltwater to open it.`
        : 'This file is in a practice format Saltwater doesn’t know.',
    );
  }
  const extraTop = Object.keys(raw).filter((k) => k !== PRACTICE_FILE_KEY && k !== 'practice');
  if (extraTop.length > 0) throw refuse(`The file holds more than a practice (“${extraTop[0]}”), so it wasn’t opened.`);
  const shared = raw.practice;
  if (!isPlainObject(shared)) throw refuse('The file has no practice in it.');

  const steps = shared.steps;
  if (Array.isArray(steps)) {
    for (const [i, step] of steps.entries()) {
      const kind = isPlainObject(step) ? step.kind : undefined;
      if (typeof kind !== 'string' || !(stepKinds as readonly string[]).includes(kind)) {
        throw refuse(`Step ${i + 1} is of a kind this Saltwater doesn’t know (“${String(kind).slice(0, 40)}”). A newer Saltwater may know it.`);
      }
    }
  }

  const candidate = { ...shared, id: NEW_OWN_PRACTICE_ID, version: 1 };
  const parsed = Practice.safeParse(candidate);
  if (!parsed.success) {
    const [first] = practiceProblems(candidate);
    throw refuse(first ? `${problemPlace(first.path)}: ${first.message}` : 'The practice in this file isn’t complete.');
  }
  // The id and version are this computer's: a file that brings its own has something extra.
  const { id: _id, version: _version, ...kept } = parsed.data;
  const extra = extraFields(shared, kept, 'practice');
  if (extra.length > 0) {
    throw refuse(`The file holds something a practice doesn’t (“${extra[0]}”), so it wasn’t opened. A practice file holds only the practice.`);
  }
  return parsed.data;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Fields in `raw` that the schema dropped on its way to `parsed` (zod strips what it doesn't
 * know): walked side by side, so a field that belongs to another step kind counts too.
 */
export function extraFields(raw: unknown, parsed: unknown, where: string): string[] {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    return raw.flatMap((item, i) => extraFields(item, parsed[i], `${where}[${i}]`));
  }
  if (!isPlainObject(raw) || !isPlainObject(parsed)) return [];
  return Object.keys(raw).flatMap((key) =>
    Object.hasOwn(parsed, key) ? extraFields(raw[key], parsed[key], `${where}.${key}`) : [`${where}.${key}`],
  );
}

import { z } from 'zod';
import { method, none, ok } from './common.ts';
import { pairsProblem, Practice, PracticeId, Step, type StepKind } from './practice.ts';

/**
 * Practices the person builds, copies or receives as a file (issue 15). They are the same data as
 * the built-in ones, checked by the same schema (practice.ts), kept in the vault. Their ids start
 * with "own-", which no built-in may use (main/core/practices/library.ts refuses one), so the two
 * can never collide; an imported practice always gets a fresh id.
 */
export const OWN_PRACTICE_PREFIX = 'own-';
export const isOwnPracticeId = (id: string): boolean => id.startsWith(OWN_PRACTICE_PREFIX);

/** The id a practice carries until it is saved (a draft, a file just read); saving gives it its own. */
export const NEW_OWN_PRACTICE_ID = 'own-new';

export const OwnPracticeId = PracticeId.refine(isOwnPracticeId, { error: 'That is not one of your own practices.' });

/** Enough for anyone; a limit so a loop in a page can't fill the vault. */
export const OWN_PRACTICES_MAX = 200;

/** Said whenever an own practice is asked for after it was removed (a reminder, a start screen). */
export const REMOVED_PRACTICE =
  'This practice of your own was removed. If that was a slip, you can build it again under Practices, or choose another one there.';

// ---- the shared file -----------------------------------------------------------------
// {"saltwater-practice": 1, "practice": {title, summary, suits, intensity, caution?, steps}}:
// the practice without its id (each computer gives its own), and nothing else.

export const PRACTICE_FILE_KEY = 'saltwater-practice';
export const PRACTICE_FILE_VERSION = 1;
/** A practice at its largest is well under this; anything bigger is not one. */
export const PRACTICE_FILE_MAX_BYTES = 512 * 1024;

/** Every step kind the schema knows, in its order (a kind added to practice.ts is here at once). */
export const stepKinds: readonly StepKind[] = Step.options.map((option) => option.shape.kind.value);

export const ImportedPractice = z.object({
  /** The file's name, to show. */
  fileName: z.string(),
  /** The practice as it will be saved (its id is replaced when it is). */
  practice: Practice,
});
export type ImportedPractice = z.output<typeof ImportedPractice>;

export const PracticeExported = z.discriminatedUnion('outcome', [
  /** Where the file was written, to show. */
  z.object({ outcome: z.literal('saved'), where: z.string() }),
  /** The save dialog was closed: nothing was written. */
  z.object({ outcome: z.literal('cancelled') }),
]);
export type PracticeExported = z.output<typeof PracticeExported>;

const OwnPractice = Practice.refine((p) => isOwnPracticeId(p.id), { error: 'That is not one of your own practices.' });

export const ownPracticeMethods = {
  /** Saves a new practice of the person's own; whatever id it came with, it gets a fresh one. */
  'ownPractices.create': method(z.strictObject({ practice: Practice }), Practice),
  /** Saves changes to one of the person's own practices. */
  'ownPractices.update': method(z.strictObject({ practice: OwnPractice }), Practice),
  /** Removes it from the library; ownPractices.restore brings it back until the vault locks. */
  'ownPractices.remove': method(z.strictObject({ id: OwnPracticeId }), ok),
  'ownPractices.restore': method(z.strictObject({ id: OwnPracticeId }), ok),
  /** Asks where to save (the OS dialog) and writes the practice alone as a small .json file. */
  'ownPractices.export': method(z.strictObject({ id: OwnPracticeId }), PracticeExported),
  /** Asks for a practice file (the OS dialog), reads and checks it; saves nothing. Null when the dialog was closed. */
  'ownPractices.chooseImport': method(none, ImportedPractice.nullable()),
} as const;

// ---- what is wrong, in words, on the field at fault -------------------------------------

export interface PracticeProblem {
  /** Where in the practice: ['title'], ['steps', 2, 'seconds'], ['steps'] for the list itself. */
  path: (string | number)[];
  message: string;
}

/** The ranges of number fields, so a message can give both ends. */
const numberRanges: Record<string, [number, number]> = {
  seconds: [5, 3600],
  cycles: [1, 200],
  inhale: [1, 20],
  hold: [0, 30],
  exhale: [1, 30],
  rest: [0, 30],
};

/** What to say when a field is empty or missing. */
const missingWords: Record<string, string> = {
  title: 'Please give your practice a name.',
  summary: 'Please say in a sentence or two what this practice is.',
  suits: 'Please say who it may suit, in a few words.',
  intensity: 'Please choose whether it asks how steady you feel first.',
  steps: 'Please add some steps.',
  text: 'Please write what this step says.',
  statement: 'Please write the words of permission.',
  question: 'Please choose a question.',
};

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let here = value;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

function wordsFor(issue: z.core.$ZodIssue, candidate: unknown): string {
  const key = [...issue.path].reverse().find((k) => typeof k === 'string') ?? '';
  const inList = typeof issue.path.at(-1) === 'number';
  const value = at(candidate, issue.path);
  const range = numberRanges[key];
  const rangeWords = range ? `Please choose a number from ${range[0]} to ${range[1]}.` : null;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'Please use a whole number.';
      if (value === undefined || value === null || value === '') {
        if (issue.expected === 'number') return rangeWords ?? 'Please give a number.';
        return (!inList && missingWords[key]) || 'Please fill this in.';
      }
      return issue.expected === 'number' ? (rangeWords ?? 'Please give a number.') : 'This isn’t what belongs here.';
    case 'too_small':
      if (issue.origin === 'string') return inList ? 'Please write a few words here, or remove this line.' : (missingWords[key] ?? 'Please fill this in.');
      if (issue.origin === 'array') {
        if (key === 'steps') return 'A practice needs at least two steps, the last one a close.';
        return missingWords[key] ?? `Please add at least ${String(issue.minimum)}.`;
      }
      return rangeWords ?? `Please choose a number of at least ${String(issue.minimum)}.`;
    case 'too_big':
      if (issue.origin === 'string') return `Please keep this to ${String(issue.maximum)} characters or fewer.`;
      if (issue.origin === 'array') return key === 'steps' ? `A practice can have up to ${String(issue.maximum)} steps.` : `Up to ${String(issue.maximum)} lines, please.`;
      return rangeWords ?? `Please choose a number of at most ${String(issue.maximum)}.`;
    case 'invalid_value':
    case 'invalid_union':
      return (value === undefined && missingWords[key]) || 'Please choose one of the choices.';
    default:
      return issue.message;
  }
}

/**
 * Everything wrong with a practice, each on the field at fault and in plain words: the zod schema
 * the built-ins pass decides, this only words it. The rules about the whole practice (it ends with
 * a close; what is opened is closed) are pinned to the step out of place.
 */
export function practiceProblems(candidate: unknown): PracticeProblem[] {
  const parsed = Practice.safeParse(candidate);
  if (parsed.success) return [];
  const problems: PracticeProblem[] = [];
  const rootRules: string[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.path.length === 0 && issue.code === 'custom') rootRules.push(issue.message);
    else problems.push({ path: issue.path.filter((k): k is string | number => typeof k !== 'symbol'), message: wordsFor(issue, candidate) });
  }
  // Zod checks the whole-practice rules only once every field passes; so they are checked here too,
  // so the person hears about the order of steps while filling in the words.
  const steps = at(candidate, ['steps']);
  if (Array.isArray(steps) && steps.every((s) => stepKinds.includes((s as { kind?: StepKind })?.kind as StepKind))) {
    const kinds = steps as { kind: StepKind }[];
    const ruled = orderProblems(kinds);
    problems.push(...ruled);
    if (ruled.length === 0) for (const message of rootRules) problems.push({ path: ['steps'], message });
  } else {
    for (const message of rootRules) problems.push({ path: ['steps'], message });
  }
  return problems;
}

function orderProblems(steps: readonly { kind: StepKind }[]): PracticeProblem[] {
  const problems: PracticeProblem[] = [];
  if (steps.length > 0 && steps.at(-1)?.kind !== 'close') {
    problems.push({ path: ['steps'], message: 'A practice ends with a close step (a kind goodbye and aftercare). Add one at the end, or move yours there.' });
  }
  const pairs: [StepKind, StepKind, string, string][] = [
    ['memory-open', 'memory-close', 'Open a memory', 'Put the memory away'],
    ['ladder-choose', 'ladder-record', 'Choose a ladder step', 'How the ladder step went'],
  ];
  for (const [open, close, openName, closeName] of pairs) {
    const i = pairsProblem(steps, open, close);
    if (i === null) continue;
    const message =
      steps[i]?.kind === close
        ? `This “${closeName}” step needs an “${openName}” step somewhere before it.`
        : `“${openName}” needs its own “${closeName}” step after it, before another one begins.`;
    problems.push({ path: ['steps', i], message });
  }
  return problems;
}

/** "Step 3", "The description": where a problem is, for a message about a file. */
export function problemPlace(path: readonly (string | number)[]): string {
  if (path[0] === 'steps' && typeof path[1] === 'number') return `Step ${path[1] + 1}`;
  const names: Record<string, string> = {
    title: 'The name',
    summary: 'The description',
    suits: 'Who it may suit',
    intensity: 'The readiness check',
    caution: 'The note before starting',
    steps: 'The steps',
  };
  return names[String(path[0])] ?? 'The practice';
}

import {
  NEW_OWN_PRACTICE_ID,
  Practice,
  practiceProblems,
  type PracticeProblem,
  type StepKind,
} from '../../../preload/contract/index.ts';
import type { PracticeSoundscape } from '../../../preload/contract/soundscape.ts';
import type { Api } from '../../../preload/create-api.ts';

/** How the builder was opened. */
export type BuilderStart =
  | { from: 'empty' }
  /** A copy of a practice (a built-in one, usually): saved as a new practice of the person's own. */
  | { from: 'copy'; practice: Practice }
  /** One of the person's own, to change. */
  | { from: 'edit'; practice: Practice }
  /** Read from a shared file: looked through here before it is kept. */
  | { from: 'file'; practice: Practice; fileName: string };

/**
 * A step as the builder edits it: the step's own fields, loosely typed while they are typed in (a
 * number field may be empty). A list of short phrases (a close step's aftercare) is edited as one
 * text, a phrase a line, under the field's name + "Lines".
 */
export type StepDraft = { kind: StepKind } & Record<string, unknown>;

export interface DraftItem {
  /** Stable while the step moves about (for the list and its focus). */
  key: number;
  step: StepDraft;
}

/** What a file or a copy shows in its name until the person changes it. */
const copyTitle = (title: string) => `${title} (mine)`.slice(0, 80);

/** A field holding a list of phrases, edited as lines. */
const LINES = 'Lines';

function toDraft(value: Record<string, unknown>): Record<string, unknown> {
  const draft: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) draft[`${key}${LINES}`] = v.join('\n');
    else if (v !== null && typeof v === 'object' && !Array.isArray(v)) draft[key] = toDraft(v as Record<string, unknown>);
    else draft[key] = v;
  }
  return draft;
}

/** The draft as the schema reads it: blank fields left out (so "missing" is said), lines as lists. */
export function cleaned(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key.endsWith(LINES) && typeof v === 'string') {
      out[key.slice(0, -LINES.length)] = v.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    } else if (typeof v === 'string') {
      if (v.trim() !== '') out[key] = v;
    } else if (typeof v === 'number') {
      if (Number.isFinite(v)) out[key] = v;
    } else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      out[key] = cleaned(v as Record<string, unknown>);
    } else if (v !== null && v !== undefined) {
      out[key] = v;
    }
  }
  return out;
}

/** The fields that hold a list of phrases (edited as lines). */
const listFields = new Set(['suits', 'aftercare']);

/** The draft field a problem is about, within a step ("text", "pattern.custom.inhale", "aftercareLines"), and its line. */
function fieldOf(path: readonly (string | number)[]): { field: string; line: number | null } {
  const last = path.at(-1);
  if (typeof last === 'number' && path.length > 1) return { field: `${path.slice(0, -1).join('.')}${LINES}`, line: last };
  const field = path.join('.');
  return { field: listFields.has(field) ? `${field}${LINES}` : field, line: null };
}

/**
 * The practice being built: its details, its steps in order, and what the schema says is wrong
 * with it (practiceProblems, the same zod schema the built-ins pass). Messages show once the person
 * first tries to save or try it; from then on they follow every change.
 */
export class PracticeBuilder {
  readonly start: BuilderStart;
  /** The own practice being changed, or the placeholder a new one carries until it is saved. */
  readonly id: string;

  title = $state('');
  summary = $state('');
  suitsLines = $state('');
  /** Deeper practices start with the readiness check ("how steady do you feel today?"). */
  intensity = $state<'gentle' | 'deeper'>('gentle');
  caution = $state('');
  /** Its own background sound, played when the person's Settings say "Each practice's own"; 'none' is left out when saved. */
  soundscape = $state<PracticeSoundscape>('none');
  items = $state<DraftItem[]>([]);
  /** Messages show from the first Save or Try it on. */
  showProblems = $state(false);
  saving = $state(false);
  /** The last save's problem (a full disk, a locked vault). */
  saveProblem = $state<string | null>(null);
  /** A try-out was started from here: the screen says it ended when it shows again. */
  triedOut = false;

  readonly #api: Api;
  #nextKey = 1;
  readonly #initial: string;

  constructor(api: Api, start: BuilderStart) {
    this.#api = api;
    this.start = start;
    this.id = start.from === 'edit' ? start.practice.id : NEW_OWN_PRACTICE_ID;
    if (start.from === 'empty') {
      this.items = [this.#item({ kind: 'close', text: '' })];
    } else {
      const p = start.practice;
      this.title = start.from === 'copy' ? copyTitle(p.title) : p.title;
      this.summary = p.summary;
      this.suitsLines = p.suits.join('\n');
      this.intensity = p.intensity;
      this.caution = p.caution ?? '';
      this.soundscape = p.soundscape ?? 'none';
      this.items = p.steps.map((step) => this.#item(toDraft(step) as StepDraft));
    }
    // A copy or a file is not saved yet, however little is changed: only an empty start or an edit begins unchanged.
    this.#initial = start.from === 'empty' || start.from === 'edit' ? JSON.stringify(this.candidate()) : '';
  }

  /** What would be saved, as the schema reads it. */
  candidate(): Record<string, unknown> {
    return {
      id: this.id,
      version: 1,
      ...cleaned({ title: this.title, summary: this.summary, suitsLines: this.suitsLines, intensity: this.intensity, caution: this.caution }),
      ...(this.soundscape === 'none' ? {} : { soundscape: this.soundscape }),
      steps: this.items.map((item) => cleaned(item.step)),
    };
  }

  readonly problems: PracticeProblem[] = $derived(practiceProblems(this.candidate()));

  /** Changed since it was opened (or, for a copy or a file, not saved at all). */
  get dirty(): boolean {
    return JSON.stringify(this.candidate()) !== this.#initial;
  }

  get shownProblems(): PracticeProblem[] {
    return this.showProblems ? this.problems : [];
  }

  /** The message for one of the practice's own fields ('title', 'suitsLines', …), once shown. */
  problem(field: string): string | null {
    for (const p of this.shownProblems) {
      if (p.path[0] === 'steps') continue;
      const { field: f, line } = fieldOf(p.path);
      if (f === field) return line === null ? p.message : `Line ${line + 1}: ${p.message}`;
    }
    return null;
  }

  /** The message about the list of steps as a whole. */
  get stepsProblem(): string | null {
    return this.shownProblems.find((p) => p.path.length === 1 && p.path[0] === 'steps')?.message ?? null;
  }

  /** The message for a field of a step ('text', 'pattern.custom.inhale', 'aftercareLines'), or for the step itself (''). */
  stepProblem(index: number, field: string): string | null {
    for (const p of this.shownProblems) {
      if (p.path[0] !== 'steps' || p.path[1] !== index) continue;
      const { field: f, line } = fieldOf(p.path.slice(2));
      if (p.path.length === 2 ? field === '' : f === field) return line === null ? p.message : `Line ${line + 1}: ${p.message}`;
    }
    return null;
  }

  /** Whether a step has anything to fix (its heading says so). */
  stepHasProblems(index: number): boolean {
    return this.shownProblems.some((p) => p.path[0] === 'steps' && p.path[1] === index);
  }

  /** The id of the element to focus for the first problem shown (see the field ids in the screen). */
  firstProblemTarget(): string | null {
    const first = this.problems[0];
    if (!first) return null;
    if (first.path[0] !== 'steps') return `practice-${fieldOf(first.path).field}`;
    if (typeof first.path[1] !== 'number') return 'steps-heading';
    const item = this.items[first.path[1]];
    if (!item) return 'steps-heading';
    if (first.path.length === 2) return `step-${item.key}-heading`;
    return stepFieldId(item.key, fieldOf(first.path.slice(2)).field);
  }

  // ---- steps -------------------------------------------------------------------------

  /** Adds a step: before the closing step when the practice ends with one, else at the end. Returns its key. */
  addStep(step: StepDraft): number {
    const item = this.#item(step);
    const last = this.items.at(-1);
    const at = last?.step.kind === 'close' ? this.items.length - 1 : this.items.length;
    this.items.splice(at, 0, item);
    return item.key;
  }

  /** Takes a step out; returns where it was, to put it back (Undo). */
  removeStep(key: number): { item: DraftItem; index: number } | null {
    const index = this.items.findIndex((i) => i.key === key);
    if (index < 0) return null;
    const [item] = this.items.splice(index, 1);
    return { item: item!, index };
  }

  putBack({ item, index }: { item: DraftItem; index: number }): void {
    this.items.splice(Math.min(index, this.items.length), 0, item);
  }

  /** One place up (-1) or down (+1); false at either end. */
  moveStep(key: number, by: -1 | 1): boolean {
    const index = this.items.findIndex((i) => i.key === key);
    const to = index + by;
    if (index < 0 || to < 0 || to >= this.items.length) return false;
    const [item] = this.items.splice(index, 1);
    this.items.splice(to, 0, item!);
    return true;
  }

  /** The practice, checked, or null (and the messages shown) when something needs another look. */
  checked(): Practice | null {
    this.showProblems = true;
    if (this.problems.length > 0) return null;
    const parsed = Practice.safeParse(this.candidate());
    return parsed.success ? parsed.data : null;
  }

  /** Saves to the vault: a new practice of the person's own, or the changes to one. */
  async save(): Promise<Practice | null> {
    const practice = this.checked();
    if (!practice || this.saving) return null;
    this.saving = true;
    this.saveProblem = null;
    try {
      const result =
        this.start.from === 'edit' ? await this.#api.ownPractices.update({ practice }) : await this.#api.ownPractices.create({ practice });
      if (!result.ok) {
        this.saveProblem = result.error.message;
        return null;
      }
      return result.value;
    } finally {
      this.saving = false;
    }
  }

  #item(step: StepDraft): DraftItem {
    return { key: this.#nextKey++, step };
  }
}

/** The id of a step's field on the screen (`field` as in stepProblem). */
export function stepFieldId(key: number, field: string): string {
  return `step-${key}-${field.replaceAll('.', '-')}`;
}

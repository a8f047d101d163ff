import type { Practice } from '../../../preload/contract/practice.ts';
import type { Api } from '../../../preload/create-api.ts';
import { AutosaveScheduler, type SaveStatus, type Timers } from '../../lib/autosave.ts';

type CreateInput = NonNullable<Parameters<Api['journal']['create']>[0]>;

/** A journal entry's fields, linked to the session it was written in or about. */
export function linkedEntry(fields: Omit<CreateInput, 'sessionId'>, sessionId: number): CreateInput {
  return { ...fields, sessionId };
}

/**
 * What the person writes during a session's writing prompts: one journal entry for the
 * session, linked to it, with a short heading per prompt. Autosaved as they type, like the journal.
 */
export class SessionWriting {
  /** Text per step index. */
  texts = $state<Record<number, string>>({});
  status = $state<SaveStatus>('idle');
  entryId = $state<number | null>(null);
  problem = $state<string | null>(null);

  readonly #api: Api;
  readonly #practice: Practice;
  readonly #sessionId: () => number | null;
  readonly #scheduler: AutosaveScheduler;
  /** The entry being made, so a voice note and the writing never make two. */
  #creating: Promise<number | null> | null = null;
  /** The body as last saved. */
  #savedBody = '';

  constructor(api: Api, practice: Practice, sessionId: () => number | null, timers?: Timers) {
    this.#api = api;
    this.#practice = practice;
    this.#sessionId = sessionId;
    this.#scheduler = new AutosaveScheduler({
      save: () => this.#save(),
      onStatus: (s) => (this.status = s),
      ...(timers ? { timers } : {}),
    });
  }

  text(stepIndex: number): string {
    return this.texts[stepIndex] ?? '';
  }

  set(stepIndex: number, text: string): void {
    this.texts[stepIndex] = text;
    this.#scheduler.touch();
  }

  /** The entry's Markdown: each answered prompt under its own small heading, in the practice's order. */
  body(): string {
    return Object.entries(this.texts)
      .map(([index, text]) => ({ index: Number(index), text: text.trim() }))
      .filter((part) => part.text !== '')
      .sort((a, b) => a.index - b.index)
      .map(({ index, text }) => {
        const step = this.#practice.steps[index];
        const title = step?.title ?? 'Writing';
        return `### ${title}\n\n${text}`;
      })
      .join('\n\n');
  }

  flush(): Promise<void> {
    return this.#scheduler.flush();
  }

  /** Typed, and not saved yet (or its last save failed). */
  get unsaved(): boolean {
    return this.#scheduler.status === 'pending' || this.#scheduler.status === 'error';
  }

  /** The vault locked: forget the text without saving. */
  discard(): void {
    this.#scheduler.dispose();
    this.texts = {};
  }

  /**
   * The session's entry, made now (with what is written so far, perhaps nothing) if there is none
   * yet: a voice note recorded in a speak step is kept with it. Null when it could not be made.
   */
  ensureEntry(): Promise<number | null> {
    if (this.entryId !== null) return Promise.resolve(this.entryId);
    const sessionId = this.#sessionId();
    if (sessionId === null) return Promise.resolve(null);
    this.#creating ??= (async () => {
      const body = this.body();
      const created = await this.#api.journal.create(linkedEntry({ body }, sessionId));
      this.#creating = null;
      if (!created.ok) {
        this.problem = created.error.message;
        return null;
      }
      this.entryId = created.value.id;
      this.#savedBody = body;
      return this.entryId;
    })();
    return this.#creating;
  }

  async #save(): Promise<boolean> {
    const sessionId = this.#sessionId();
    const body = this.body();
    if (sessionId === null) return false;
    if (this.entryId === null) {
      if (body === '') return true;
      if ((await this.ensureEntry()) === null) return false;
    }
    if (body !== this.#savedBody) {
      const updated = await this.#api.journal.update({ id: this.entryId!, body });
      if (!updated.ok) return this.#failed(updated.error.message);
      this.#savedBody = body;
    }
    this.problem = null;
    return true;
  }

  #failed(message: string): false {
    this.problem = message;
    return false;
  }
}

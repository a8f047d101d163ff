import { createContext } from 'svelte';
import type { EventPayload } from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';
import { timeOfDay } from '../../lib/format.svelte.ts';
import type { Toasts } from '../../state/toasts.svelte.ts';

export type ReminderTarget = EventPayload<'reminder.open'>;

/** A reminder that is due now ("Start now / Snooze / Skip this one"). */
export interface DuePrompt {
  kind: 'due';
  title: string;
  body: string;
  target: ReminderTarget;
  at: number;
}

/** The one missed session on offer ("Start now / Skip"). */
export interface MissedPrompt {
  kind: 'missed';
  target: ReminderTarget;
  at: number;
}

export type Prompt = DuePrompt | MissedPrompt;

/** Opens a practice's start screen; false when that cannot happen now (a session is running). */
export type PracticeOpener = (practiceId: string) => boolean | Promise<boolean>;

const keyOf = (t: ReminderTarget) => `${t.scheduleId}@${t.occurrence}`;

/**
 * Reminders arriving while the app is open, at the top of the app (outside the lock), so
 * nothing is lost while the vault is locked: only where to go is remembered then (which
 * schedule, which time), and the practice opens right after unlock.
 *
 * There is at most one prompt at a time: a newer reminder replaces an older one, and a
 * missed session is offered once, never as a pile.
 */
export class Reminders {
  prompt = $state.raw<Prompt | null>(null);
  /** A practice to open as soon as the vault is open (a notification clicked while locked). */
  pendingOpen = $state.raw<ReminderTarget | null>(null);

  readonly #api: Api;
  readonly #toasts: Toasts;
  readonly #cleanups: Array<() => void> = [];
  /** Occurrences already answered here: never offered again. */
  readonly #answered = new Set<string>();
  #opener: PracticeOpener | null = null;

  constructor(api: Api, toasts: Toasts) {
    this.#api = api;
    this.#toasts = toasts;
    this.#cleanups.push(
      api.on('reminder.due', (p) => {
        if (this.#answered.has(keyOf(p.target))) return;
        this.prompt = { kind: 'due', title: p.title, body: p.body, target: p.target, at: p.at };
      }),
      api.on('reminder.open', (target) => {
        if (this.prompt && keyOf(this.prompt.target) === keyOf(target)) this.prompt = null;
        void this.startTarget(target);
      }),
      api.on('reminder.missed', (p) => this.#offerMissed({ kind: 'missed', target: { scheduleId: p.scheduleId, occurrence: p.occurrence }, at: p.at })),
    );
  }

  /** The unlocked app is showing and can open practices (call arrive() next). Returns the detach function. */
  attach(opener: PracticeOpener): () => void {
    this.#opener = opener;
    return () => {
      if (this.#opener === opener) this.#opener = null;
    };
  }

  /**
   * Arriving at the open app (after unlock, or after a session ended): opens what was
   * waiting, or else asks once for a missed session.
   */
  async arrive(): Promise<void> {
    if (!this.#opener) return;
    const pending = this.pendingOpen;
    if (pending) {
      this.pendingOpen = null;
      await this.startTarget(pending);
      return;
    }
    if (this.prompt) return;
    const result = await this.#api.schedules.pendingMissed();
    if (!result.ok || !result.value) return;
    const m = result.value;
    this.#offerMissed({ kind: 'missed', target: { scheduleId: m.scheduleId, occurrence: m.occurrence }, at: m.at });
  }

  /** "Start now" on the prompt showing. */
  async start(): Promise<void> {
    const prompt = this.prompt;
    if (!prompt) return;
    this.prompt = null;
    this.#answered.add(keyOf(prompt.target));
    await this.startTarget(prompt.target);
  }

  /** "Snooze" on a due reminder. */
  async snooze(minutes: 10 | 30 | 60): Promise<void> {
    const prompt = this.prompt;
    if (!prompt) return;
    this.prompt = null;
    const result = await this.#api.reminders.snooze({ ...prompt.target, minutes });
    if (!result.ok) {
      this.#say(result.error.message);
      return;
    }
    this.#say(`I'll remind you again at ${timeOfDay(result.value.until)}.`);
  }

  /** "Skip this one" / "Skip". */
  async skip(): Promise<void> {
    const prompt = this.prompt;
    if (!prompt) return;
    this.prompt = null;
    this.#answered.add(keyOf(prompt.target));
    const result = await this.#api.reminders.skip(prompt.target);
    this.#say(result.ok ? 'Skipped. The rest of your plan stays as it is.' : result.error.message);
  }

  /** Records the start and opens that practice's start screen (or waits for unlock). */
  async startTarget(target: ReminderTarget): Promise<void> {
    this.#answered.add(keyOf(target));
    const opener = this.#opener;
    if (!opener) {
      this.pendingOpen = target;
      return;
    }
    const started = await this.#api.reminders.started(target);
    if (!started.ok && started.error.code === 'LOCKED') {
      this.pendingOpen = target;
      return;
    }
    const list = await this.#api.schedules.list();
    if (!list.ok) {
      if (list.error.code === 'LOCKED') this.pendingOpen = target;
      else this.#say(list.error.message);
      return;
    }
    const schedule = list.value.find((s) => s.id === target.scheduleId);
    if (!schedule) {
      this.#say('That reminder is no longer planned. You can choose any practice under Practices.');
      return;
    }
    const opened = await opener(schedule.practiceId);
    if (!opened) this.pendingOpen = target;
  }

  dispose(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
  }

  #say(message: string): void {
    this.#toasts.show({ message });
  }

  #offerMissed(prompt: MissedPrompt): void {
    if (this.#answered.has(keyOf(prompt.target))) return;
    // A reminder due right now matters more than one that was missed.
    if (this.prompt?.kind === 'due') return;
    this.prompt = prompt;
  }
}

export const [getReminders, setReminders] = createContext<Reminders>();

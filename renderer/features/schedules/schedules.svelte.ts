import { isOwnPracticeId, type PracticeSummary, type QuietHours, type Schedule, type ScheduleInput, type UpcomingOccurrence } from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';
import type { Toasts } from '../../state/toasts.svelte.ts';
import { buildRecurrence, type Draft } from './recurrence.ts';

/** How long the editor waits after a change before asking for a fresh preview. */
export const PREVIEW_DELAY_MS = 300;
export const EXPORT_FILE_NAME = 'saltwater-reminders.ics';

/**
 * The Reminders page: planned reflection times, quiet hours, and the calendar export.
 * Lives behind the lock; dropped with the rest of the unlocked screen.
 */
export class SchedulesState {
  items = $state.raw<Schedule[]>([]);
  listState = $state<'loading' | 'ready' | 'error'>('loading');
  listError = $state<string | null>(null);
  practices = $state.raw<PracticeSummary[]>([]);
  quiet = $state.raw<QuietHours | null>(null);
  /** The schedule in the editor: 'new', one being changed, or none (the list shows). */
  editing = $state.raw<Schedule | 'new' | null>(null);

  readonly #api: Api;
  readonly #toasts: Toasts;

  constructor(api: Api, toasts: Toasts) {
    this.#api = api;
    this.#toasts = toasts;
  }

  async refresh(): Promise<void> {
    await Promise.all([this.loadList(), this.loadPractices(), this.loadQuiet()]);
  }

  async loadList(): Promise<void> {
    const result = await this.#api.schedules.list();
    if (!result.ok) {
      this.listState = 'error';
      this.listError = result.error.message;
      return;
    }
    this.items = result.value;
    this.listError = null;
    this.listState = 'ready';
  }

  async loadPractices(): Promise<void> {
    const result = await this.#api.practices.list();
    if (result.ok) this.practices = result.value;
  }

  async loadQuiet(): Promise<void> {
    const result = await this.#api.schedules.quietHours();
    if (result.ok) this.quiet = result.value;
  }

  practiceTitle(id: string): string {
    // One of the person's own that was removed: the schedule stays, and says so (Undo, or another practice, mends it).
    return this.practices.find((p) => p.id === id)?.title ?? (isOwnPracticeId(id) ? 'A practice of yours that was removed' : 'A practice');
  }

  /** The next times the draft would give, without saving. */
  async preview(draft: Draft): Promise<{ occurrences: UpcomingOccurrence[] } | { problem: string }> {
    const built = buildRecurrence(draft);
    if ('problem' in built) return built;
    const result = await this.#api.schedules.preview({ recurrence: built.recurrence, tzid: draft.tzid, count: 5 });
    return result.ok ? { occurrences: result.value } : { problem: result.error.message };
  }

  /** Saves the editor's schedule. Returns an error message or null. */
  async save(input: ScheduleInput): Promise<string | null> {
    const editing = this.editing;
    const result =
      editing && editing !== 'new'
        ? await this.#api.schedules.update({ id: editing.id, patch: input })
        : await this.#api.schedules.create(input);
    if (!result.ok) return result.error.message;
    this.editing = null;
    this.#toasts.show({ message: editing === 'new' ? 'Your reflection time is planned.' : 'Your changes are saved.' });
    this.#put(result.value);
    return null;
  }

  async setPaused(schedule: Schedule, paused: boolean): Promise<void> {
    const result = await this.#api.schedules.setPaused({ id: schedule.id, paused });
    if (!result.ok) {
      this.#toasts.show({ message: result.error.message });
      return;
    }
    this.#put(result.value);
    this.#toasts.show({ message: paused ? 'Paused. No reminders until you resume it.' : 'Resumed. Reminders will come again.' });
  }

  /** Removes a schedule at once, with an Undo that plans it again. */
  async remove(schedule: Schedule): Promise<void> {
    const result = await this.#api.schedules.delete({ id: schedule.id });
    if (!result.ok) {
      this.#toasts.show({ message: result.error.message });
      return;
    }
    this.items = this.items.filter((s) => s.id !== schedule.id);
    this.#toasts.show({
      message: 'Reminder removed.',
      timeoutMs: 8000,
      action: { label: 'Undo', run: () => this.restore(schedule) },
    });
  }

  async restore(schedule: Schedule): Promise<void> {
    const result = await this.#api.schedules.create({
      practiceId: schedule.practiceId,
      private: schedule.private,
      text: schedule.text,
      recurrence: schedule.recurrence,
      tzid: schedule.tzid,
      leadMinutes: schedule.leadMinutes,
      paused: schedule.paused,
    });
    if (result.ok) this.#put(result.value);
    else this.#toasts.show({ message: `It couldn't be brought back. ${result.error.message}` });
  }

  /** The answer to a change, in the list's own order (by id, as main lists them). */
  #put(schedule: Schedule): void {
    this.items = [...this.items.filter((s) => s.id !== schedule.id), schedule].sort((a, b) => a.id - b.id);
  }

  /** Returns an error message or null. */
  async setQuiet(next: QuietHours): Promise<string | null> {
    const result = await this.#api.schedules.setQuietHours(next);
    if (!result.ok) return result.error.message;
    this.quiet = result.value;
    // Times inside quiet hours may have moved.
    await this.loadList();
    return null;
  }

  /** Saves the calendar file through the browser's download. Returns an error message or null. */
  async exportIcs(download: (blob: Blob, name: string) => void = saveBlob): Promise<string | null> {
    const result = await this.#api.schedules.exportIcs();
    if (!result.ok) return result.error.message;
    download(new Blob([result.value.ics], { type: 'text/calendar;charset=utf-8' }), EXPORT_FILE_NAME);
    return null;
  }
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

import type { Attachment } from 'svelte/attachments';

/**
 * A field's maxlength (and the long-text editor's limit) cuts off what is typed or pasted past it
 * without a word. These say so instead: what was not added, near the field, in a polite live region.
 */

export type HowAdded = 'typed' | 'pasted' | 'dropped';

export interface LimitWords {
  /** Says the field is full, e.g. "This entry is as long as an entry can be (2,000,000 characters)." */
  full?: (limit: number) => string;
  /** A way on, after what was not added, e.g. "You could start a new entry for the rest." */
  then?: string;
}

const count = (n: number) => n.toLocaleString('en');

/** A journal entry's words (the journal editor, and writing during a practice, which becomes an entry). */
export const entryLimitWords: LimitWords = {
  full: (limit) => `This entry is as long as an entry can be (${count(limit)} characters).`,
  then: 'You could start a new entry for the rest.',
};

/**
 * Writing during a practice: a plain textarea, so it holds what a textarea can type in without
 * lag (LONG_ENTRY_CHARS); the entry it becomes can grow on in the journal's editor.
 */
export const practiceWritingWords: LimitWords = {
  full: (limit) => `This box holds up to ${count(limit)} characters during a practice.`,
  then: 'What you wrote here is kept as a journal entry, and you can carry on writing there after the session.',
};

export function limitMessage(limit: number, how: HowAdded, notAdded: number, words: LimitWords = {}): string {
  const full = words.full?.(limit) ?? `This field can hold up to ${count(limit)} characters.`;
  const what =
    how === 'typed'
      ? 'What you type now is not added.'
      : `The last ${notAdded === 1 ? 'character' : `${count(notAdded)} characters`} you ${how} ${notAdded === 1 ? 'was' : 'were'} not added.`;
  return [full, what, words.then].filter(Boolean).join(' ');
}

const kinds: Partial<Record<string, HowAdded>> = {
  insertText: 'typed',
  insertLineBreak: 'typed',
  insertReplacementText: 'typed',
  insertFromPaste: 'pasted',
  insertFromDrop: 'dropped',
};

/**
 * How much of an insertion (a `beforeinput` event) a field's maxlength is about to cut off, or
 * null when it all fits or the field has no limit. Chromium gives the whole text in `data` even
 * when maxlength will cut it.
 */
export function notAdded(field: HTMLInputElement | HTMLTextAreaElement, event: InputEvent): { how: HowAdded; count: number } | null {
  const how = kinds[event.inputType];
  const max = field.maxLength;
  if (!how || max < 0) return null;
  let text = event.data ?? event.dataTransfer?.getData('text/plain') ?? (event.inputType === 'insertLineBreak' ? '\n' : '');
  // What the field will hold of it: a textarea keeps line breaks as one "\n", a one-line field none.
  text = field instanceof HTMLTextAreaElement ? text.replace(/\r\n?/g, '\n') : text.replace(/[\r\n]/g, '');
  const selected = (field.selectionEnd ?? 0) - (field.selectionStart ?? 0);
  const room = Math.max(0, max - (field.value.length - selected));
  const cut = text.length - room;
  return cut > 0 ? { how, count: cut } : null;
}

/**
 * For an <input> or <textarea> with maxlength: when typing or pasting meets the limit, a note
 * right after the field (a polite live region, there from the start so it is heard) says so and
 * what was not added; it clears once something fits again.
 */
export function sayWhenCut(words: LimitWords = {}): Attachment<HTMLInputElement | HTMLTextAreaElement> {
  return (field) => {
    const note = document.createElement('p');
    note.className = 'limit-note';
    note.setAttribute('role', 'status');
    field.after(note);
    const onBeforeInput = (event: Event) => {
      const cut = notAdded(field, event as InputEvent);
      const text = cut ? limitMessage(field.maxLength, cut.how, cut.count, words) : '';
      if (note.textContent !== text) note.textContent = text;
    };
    field.addEventListener('beforeinput', onBeforeInput);
    return () => {
      field.removeEventListener('beforeinput', onBeforeInput);
      note.remove();
    };
  };
}

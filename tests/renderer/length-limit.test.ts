/** Text cut off by a field's maxlength is never a silent loss: the field says what was not added. */
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AfterSession from '../../renderer/features/session/AfterSession.svelte';
import { entryLimitWords, limitMessage, sayWhenCut } from '../../renderer/lib/length-limit.ts';
import { mountInBody, unmountAll } from './mount.ts';
import { LONG_ENTRY_CHARS } from '../../renderer/features/journal/editor.svelte.ts';
import { PracticesState } from '../../renderer/features/practices/practices.svelte.ts';
import { byLabel } from './dom-helpers.ts';
import { createFakeApi } from './fake-api.ts';
import { beginInPage, fakeClock, fakeFrames, practice } from './session-helpers.ts';

afterEach(() => {
  unmountAll();
  document.body.replaceChildren();
});

/** What Chromium does: `beforeinput` with the whole text, then maxlength keeps what fits. */
function insert(field: HTMLInputElement | HTMLTextAreaElement, text: string, inputType = 'insertFromPaste') {
  field.dispatchEvent(new InputEvent('beforeinput', { inputType, data: text, bubbles: true, cancelable: true }));
  const at = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? at;
  const room = field.maxLength - field.value.length + (end - at);
  field.value = field.value.slice(0, at) + text.slice(0, Math.max(0, room)) + field.value.slice(end);
  field.setSelectionRange(at + Math.min(text.length, room), at + Math.min(text.length, room));
  field.dispatchEvent(new InputEvent('input', { inputType, bubbles: true }));
  flushSync();
}

function field<T extends 'input' | 'textarea'>(tag: T, max: number, value = '') {
  const el = document.createElement(tag) as HTMLElementTagNameMap[T];
  el.maxLength = max;
  el.value = value;
  document.body.append(el);
  el.setSelectionRange(value.length, value.length);
  // This attachment always hands back its clean-up.
  const stop = sayWhenCut()(el) as () => void;
  const note = el.nextElementSibling as HTMLElement;
  return { el, note, stop };
}

describe('sayWhenCut', () => {
  it('puts an empty polite live region after the field, there before anything is said', () => {
    const { note } = field('input', 10);
    expect(note.getAttribute('role')).toBe('status');
    expect(note.className).toBe('limit-note');
    expect(note.textContent).toBe('');
  });

  it('names how many pasted characters were not added, keeping what fits', () => {
    const { el, note } = field('textarea', 10, 'abcdef');
    insert(el, 'XYZWVU');
    expect(el.value).toBe('abcdefXYZW');
    expect(note.textContent).toBe('This field can hold up to 10 characters. The last 2 characters you pasted were not added.');
  });

  it('counts a paste over selected text as the room it makes', () => {
    const { el, note } = field('input', 10, 'abcdefghij');
    el.setSelectionRange(2, 6);
    insert(el, 'four');
    expect(note.textContent).toBe('');
    el.setSelectionRange(0, 1);
    insert(el, '12');
    expect(note.textContent).toMatch(/The last character you pasted was not added\.$/);
  });

  it('says a key typed into a full field is not added, and goes quiet once something fits again', () => {
    const { el, note } = field('input', 4, 'abcd');
    insert(el, 'e', 'insertText');
    expect(note.textContent).toBe('This field can hold up to 4 characters. What you type now is not added.');
    el.value = 'abc';
    insert(el, 'd', 'insertText');
    expect(note.textContent).toBe('');
  });

  it('a one-line field drops pasted line breaks before it counts, so a paste that fits says nothing', () => {
    const { el, note } = field('input', 6, 'ab');
    insert(el, 'cd\r\nef');
    expect(note.textContent).toBe('');
  });

  it('takes its note away with the field', () => {
    const { note, stop } = field('input', 4);
    stop();
    expect(note.isConnected).toBe(false);
  });

  it('words for a journal entry: its size, and a way on', () => {
    expect(limitMessage(2_000_000, 'pasted', 30, entryLimitWords)).toBe(
      'This entry is as long as an entry can be (2,000,000 characters). The last 30 characters you pasted were not added. You could start a new entry for the rest.',
    );
  });
});

describe('fields that use it', () => {
  it("the after-session notes say what a paste past 20,000 characters left out", () => {
    const target = mountInBody(AfterSession, { outcome: 'finished', onsave: vi.fn(async () => null), onskip: () => {} });
    flushSync();
    const notes = target.querySelector<HTMLTextAreaElement>('#after-notes')!;
    notes.value = 'n'.repeat(19_990);
    notes.setSelectionRange(19_990, 19_990);
    insert(notes, 'p'.repeat(25));
    expect(notes.value).toHaveLength(20_000);
    expect(target.querySelector('#after-notes + .limit-note')?.textContent).toMatch(/^This field can hold up to 20,000 characters\. The last 15 characters you pasted were not added\.$/);
  });
});

describe('writing during a practice', () => {
  it('holds what a textarea types in without lag, and a paste past that says where the words can go on', async () => {
    const writer = { ...practice('arrive-and-breathe'), steps: [{ kind: 'prompt' as const, text: 'What is here?', writing: true }] };
    const fake = createFakeApi({ state: 'unlocked', practices: [writer] });
    const practices = new PracticesState(fake.api, { loadAudio: async () => null, speed: null, clock: fakeClock(), frames: fakeFrames() });
    const target = await beginInPage(practices, fake.api, 'Arrive and breathe');
    const box = byLabel(target, 'Write, if you like') as HTMLTextAreaElement;
    expect(box.maxLength).toBe(LONG_ENTRY_CHARS);
    box.value = 'a'.repeat(LONG_ENTRY_CHARS - 5);
    box.setSelectionRange(box.value.length, box.value.length);
    insert(box, 'twelve chars');
    expect(box.value.length).toBe(LONG_ENTRY_CHARS);
    expect((box.nextElementSibling as HTMLElement).textContent).toBe(
      `This box holds up to 20,000 characters during a practice. The last 7 characters you pasted were not added. What you wrote here is kept as a journal entry, and you can carry on writing there after the session.`,
    );
  });
});

import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import EntryBody from '../../renderer/features/journal/EntryBody.svelte';
import { LONG_ENTRY_CHARS } from '../../renderer/features/journal/editor.svelte.ts';
import { cutAtLimit, withinLength } from '../../renderer/features/journal/long-text.ts';
import { mountInBody, unmountAll } from './mount.ts';

describe('the long-text editor keeps to the length limit, as a textarea maxlength does', () => {
  const state = (doc: string, max: number) => EditorState.create({ doc, extensions: [withinLength(max)] });

  it('lets text in while it fits', () => {
    const tr = state('abc', 10).update({ changes: { from: 3, insert: 'def' } });
    expect(tr.newDoc.toString()).toBe('abcdef');
  });

  it('cuts off the end of what was pasted past the limit, never the text already there', () => {
    const tr = state('abcdef', 8).update({ changes: { from: 3, insert: 'XYZW' }, selection: { anchor: 7 } });
    expect(tr.newDoc.toString()).toBe('abcXYdef');
    expect(tr.newSelection.main.head).toBe(5);
  });

  it('marks a cut with how much was left out and how it came (pasted, dropped or typed)', () => {
    const pasted = state('abcdef', 8).update({ changes: { from: 6, insert: 'XYZW' }, userEvent: 'input.paste' });
    expect(pasted.annotation(cutAtLimit)).toEqual({ how: 'pasted', notAdded: 2 });
    const typed = state('abcdefgh', 8).update({ changes: { from: 8, insert: 'i' }, userEvent: 'input.type' });
    expect(typed.annotation(cutAtLimit)).toEqual({ how: 'typed', notAdded: 1 });
    expect(state('abc', 8).update({ changes: { from: 3, insert: 'd' } }).annotation(cutAtLimit)).toBeUndefined();
  });

  it('refuses a key when the text is full, and still lets text be replaced or deleted', () => {
    const full = state('abcd', 4);
    expect(full.update({ changes: { from: 4, insert: 'e' } }).newDoc.toString()).toBe('abcd');
    expect(full.update({ changes: { from: 0, to: 2, insert: 'XYZ' } }).newDoc.toString()).toBe('XYcd');
    expect(full.update({ changes: { from: 0, to: 1 } }).newDoc.toString()).toBe('bcd');
  });
});

describe('EntryBody', () => {
  afterEach(unmountAll);

  const props = (value: string, oninput: (text: string) => void) => ({
    value,
    maxlength: 2_000_000,
    placeholder: 'Whatever is here right now.',
    describedby: 'help',
    oninput,
  });

  it('is a labelled textarea for an ordinary entry, and reports what is typed', () => {
    const oninput = vi.fn();
    const target = mountInBody(EntryBody, props('A quiet evening', oninput));
    const area = target.querySelector('textarea')!;
    expect(area.labels?.[0]?.textContent).toBe('Your entry');
    expect(area.getAttribute('dir')).toBe('auto');
    expect(area.getAttribute('aria-describedby')).toBe('help');
    area.value = 'A quiet evening, and rain';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    expect(oninput).toHaveBeenCalledWith('A quiet evening, and rain');
  });

  it('moves a text past the textarea length to the long-text editor, with nothing lost', async () => {
    const oninput = vi.fn();
    const target = mountInBody(EntryBody, props('short', oninput));
    const area = target.querySelector('textarea')!;
    const long = 'x'.repeat(LONG_ENTRY_CHARS + 1);
    area.value = long;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    expect(oninput).toHaveBeenLastCalledWith(long);
    await vi.waitFor(() => expect(target.querySelector('[role="textbox"]')).not.toBeNull());
    expect(target.querySelector('textarea')).toBeNull();
    const box = target.querySelector('[role="textbox"]')!;
    expect(box.getAttribute('aria-labelledby')).toBe('entry-body-label');
    expect(document.getElementById('entry-body-label')?.textContent).toBe('Your entry');
    expect(box.getAttribute('aria-describedby')).toBe('help');
    expect(box.getAttribute('aria-multiline')).toBe('true');
    expect(box.getAttribute('dir')).toBe('auto');
  });

  it("puts CodeMirror's base styles in an adopted stylesheet, never a <style> element the CSP would refuse", async () => {
    const target = mountInBody(EntryBody, props('y'.repeat(LONG_ENTRY_CHARS + 1), vi.fn()));
    await vi.waitFor(() => expect(target.querySelector('.cm-editor')).not.toBeNull());
    expect(document.querySelectorAll('style')).toHaveLength(0);
    const rules = document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
    // The base theme's rules, scoped to the class CodeMirror gives the editor.
    expect(rules).toMatch(/\.cm-lineWrapping/);
    const scope = [...target.querySelector('.cm-editor')!.classList].find((c) => c.startsWith('\u037c'));
    expect(scope).toBeDefined();
    expect(rules).toContain(`.${scope} .cm-content`);
  });

  const note = (target: HTMLElement) => target.querySelector('[role="status"].limit-note')!;

  /** What Chromium sends before it inserts (it gives the whole text, then maxlength cuts it). */
  function insertInto(area: HTMLTextAreaElement, text: string, inputType: string) {
    area.dispatchEvent(new InputEvent('beforeinput', { inputType, data: text, bubbles: true, cancelable: true }));
    const at = area.selectionStart;
    const room = area.maxLength - area.value.length + (area.selectionEnd - at);
    area.value = area.value.slice(0, at) + text.slice(0, Math.max(0, room)) + area.value.slice(area.selectionEnd);
    area.dispatchEvent(new InputEvent('input', { inputType, bubbles: true }));
    flushSync();
  }

  it('the textarea says, in a polite live region, what typing or pasting past the limit did not add', () => {
    const oninput = vi.fn();
    const target = mountInBody(EntryBody, { ...props('x'.repeat(90), oninput), maxlength: 100 });
    const area = target.querySelector('textarea')!;
    expect(note(target).textContent).toBe('');
    area.setSelectionRange(90, 90);
    insertInto(area, 'y'.repeat(30), 'insertFromPaste');
    expect(oninput).toHaveBeenLastCalledWith('x'.repeat(90) + 'y'.repeat(10));
    expect(note(target).textContent).toBe(
      'This entry is as long as an entry can be (100 characters). The last 20 characters you pasted were not added. You could start a new entry for the rest.',
    );
    area.setSelectionRange(100, 100);
    insertInto(area, 'z', 'insertText');
    expect(note(target).textContent).toMatch(/as long as an entry can be \(100 characters\)\. What you type now is not added\./);
    // Room again (a word taken out): what fits goes in, and the note is gone.
    area.value = 'x'.repeat(95);
    area.setSelectionRange(95, 95);
    insertInto(area, 'ok', 'insertText');
    expect(note(target).textContent).toBe('');
  });

  it('the long-text editor says the same at 2,000,000 characters: typed and pasted past it, the rest kept', async () => {
    const oninput = vi.fn();
    const line = 'w'.repeat(99) + '\n';
    const start = line.repeat(19_999) + 'w'.repeat(90); // 1,999,990 characters
    const target = mountInBody(EntryBody, props(start, oninput));
    await vi.waitFor(() => expect(target.querySelector('.cm-content')).not.toBeNull());
    const view = EditorView.findFromDOM(target.querySelector('.cm-editor')!)!;
    const at = () => view.state.doc.length;
    for (let i = 0; i < 20; i++) view.dispatch({ changes: { from: at(), insert: 't' }, selection: { anchor: at() + 1 }, userEvent: 'input.type' });
    flushSync();
    expect(at()).toBe(2_000_000);
    expect(note(target).textContent).toBe(
      'This entry is as long as an entry can be (2,000,000 characters). What you type now is not added. You could start a new entry for the rest.',
    );
    view.dispatch({ changes: { from: at(), insert: 'p'.repeat(30) }, userEvent: 'input.paste' });
    flushSync();
    expect(at()).toBe(2_000_000);
    expect(oninput).toHaveBeenLastCalledWith(start + 't'.repeat(10));
    expect(note(target).textContent).toMatch(/The last 30 characters you pasted were not added\. You could start a new entry for the rest\.$/);
    // Some text taken out, a paste that fits: nothing to say.
    view.dispatch({ changes: { from: 0, to: 10 }, userEvent: 'delete' });
    view.dispatch({ changes: { from: at(), insert: 'fits' }, userEvent: 'input.paste' });
    flushSync();
    expect(note(target).textContent).toBe('');
  });
});

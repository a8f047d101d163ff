import { EditorState } from '@codemirror/state';
import { afterEach, describe, expect, it, vi } from 'vitest';
import EntryBody from '../../renderer/features/journal/EntryBody.svelte';
import { LONG_ENTRY_CHARS } from '../../renderer/features/journal/editor.svelte.ts';
import { withinLength } from '../../renderer/features/journal/long-text.ts';
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
});

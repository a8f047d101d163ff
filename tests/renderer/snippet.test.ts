import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Highlight from '../../renderer/components/Highlight.svelte';
import { normaliseSnippet } from '../../renderer/lib/snippet.ts';
import { mountInBody, unmountAll } from './mount.ts';

let target: HTMLElement;

function render(parts: { text: string; match: boolean }[]) {
  target = mountInBody(Highlight, { parts });
  flushSync();
  return target;
}

afterEach(unmountAll);

describe('search snippet highlighting', () => {
  it('puts matched parts in <mark> and the rest as plain text', () => {
    const el = render([
      { text: 'I felt ', match: false },
      { text: 'tight', match: true },
      { text: ' in my chest and ', match: false },
      { text: 'tight', match: true },
    ]);
    const marks = [...el.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['tight', 'tight']);
    expect(el.textContent).toBe('I felt tight in my chest and tight');
  });

  it('keeps HTML inside the text as text: no elements are created from it', () => {
    const el = render([
      { text: '<img src=x onerror="alert(1)">', match: false },
      { text: '<b>bold</b>', match: true },
      { text: '<script>alert(2)</script>', match: false },
    ]);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('b')).toBeNull();
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('mark')?.textContent).toBe('<b>bold</b>');
    expect(el.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('joins neighbouring parts of the same kind and drops empty ones', () => {
    expect(
      normaliseSnippet([
        { text: '', match: true },
        { text: 'a', match: false },
        { text: 'b', match: false },
        { text: 'c', match: true },
        { text: 'd', match: true },
        { text: '', match: false },
      ]),
    ).toEqual([
      { text: 'ab', match: false },
      { text: 'cd', match: true },
    ]);
  });
});

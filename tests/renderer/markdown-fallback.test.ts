import { describe, expect, it } from 'vitest';
import { isInert } from '../../renderer/lib/markdown.ts';

describe('isInert (the second look after sanitising)', () => {
  it('accepts ordinary formatted text', () => {
    expect(isInert('<h1>Hi</h1><p>a <strong>b</strong> <a class="inert-link" title="https://x">c</a></p><ul><li>x</li></ul>')).toBe(true);
  });

  it('refuses anything that could run, load or navigate', () => {
    expect(isInert('<script>alert(1)</script>')).toBe(false);
    expect(isInert('<p onclick="x()">a</p>')).toBe(false);
    expect(isInert('<a href="https://example.org">a</a>')).toBe(false);
    expect(isInert('<img src="x">')).toBe(false);
    expect(isInert('<iframe></iframe>')).toBe(false);
    expect(isInert('<p style="color:red">a</p>')).toBe(false);
  });
});

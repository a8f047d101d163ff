import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { criticalCssOf, policyAllowingStyle, withInlineStyle } from '../../scripts/build/critical-css.ts';
import { policyOfPage } from '../../main/app/csp.ts';

const POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:";
const page = (body: string) => `<!doctype html>
<html>
  <head>
    <meta
      http-equiv="Content-Security-Policy"
      content="${POLICY}"
    />
    <link rel="stylesheet" crossorigin href="./assets/app.css">
  </head>
  <body><div id="app">${body}</div></body>
</html>`;

const STYLES = `
[data-theme='light'] { --bg: #fff; }
:focus-visible { outline: 3px solid orange; }
.frame { display: flex; }
.journal-list { display: grid; }
input:focus-visible { outline-offset: 1px; }
textarea { resize: vertical; }
`;

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('critical styles for the ready-made lock screen', () => {
  it("keeps the rules its HTML uses, the theme's and the focus ring, and leaves out the rest", async () => {
    dir = mkdtempSync(join(tmpdir(), 'saltwater-critical-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets/app.css'), STYLES);
    const css = await criticalCssOf(page('<div class="frame"><input id="unlock-passphrase"></div>'), dir);
    expect(css).toContain('.frame{display:flex}');
    expect(css).toMatch(/\[data-theme=["']?light["']?\]/);
    expect(css).toContain(':focus-visible{outline:3px solid orange}');
    expect(css).toContain('input:focus-visible');
    expect(css).not.toContain('journal-list');
    expect(css).not.toContain('textarea');
  });

  it('puts the styles inline, and refuses styles that would close their own element', () => {
    const result = withInlineStyle('<html><head></head><body><p>locked</p></body></html>', '.frame{display:flex}');
    expect(result).toContain('<style>.frame{display:flex}</style>\n  </head>');
    expect(() => withInlineStyle(page(''), 'p{}</style><script>')).toThrow(/close their own/);
  });

  it("allows exactly those styles by their hash in the page's one policy", () => {
    const css = '.frame{display:flex}';
    const hash = createHash('sha256').update(css).digest('base64');
    const policy = policyOfPage(policyAllowingStyle(page(''), css));
    expect(policy).toBe(POLICY.replace("style-src 'self'", `style-src 'self' 'sha256-${hash}'`));
    expect(policy).not.toContain('unsafe-inline');
    expect(() => policyAllowingStyle('<html><head></head></html>', css)).toThrow(/no style-src/);
  });
});

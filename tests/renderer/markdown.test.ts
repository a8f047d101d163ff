/**
 * The Markdown preview's safety, checked in real Chromium (the engine Electron uses):
 * happy-dom's DOM is not complete enough for DOMPurify, so sanitising there proves nothing.
 * The module is bundled with esbuild and run in a blank page with no network.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, '../../renderer/lib/markdown.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'markdown',
    write: false,
    platform: 'browser',
    target: 'chrome120',
  });
  browser = await chromium.launch({
    ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  page = await browser.newPage();
  // Fail the test run if anything in the preview tries to reach the network.
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface Rendered {
  html: string;
  text: string;
  tags: string[];
  hrefs: (string | null)[];
  alerted: boolean;
}

/** Renders Markdown into the live document (as the preview does) and reports what came out. */
function render(source: string): Promise<Rendered> {
  return page.evaluate(async (src) => {
    const w = window as unknown as { markdown: { renderMarkdown(s: string): string }; __alerted?: boolean };
    w.__alerted = false;
    window.alert = () => {
      w.__alerted = true;
    };
    const out = document.getElementById('out')!;
    out.innerHTML = w.markdown.renderMarkdown(src);
    // Give any injected handler (onerror, onload) a moment to run.
    await new Promise((r) => setTimeout(r, 50));
    return {
      html: out.innerHTML,
      text: out.textContent ?? '',
      tags: [...out.querySelectorAll('*')].map((e) => e.localName),
      hrefs: [...out.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      alerted: Boolean(w.__alerted),
    };
  }, source);
}

describe('renderMarkdown (in Chromium)', () => {
  it('renders ordinary Markdown', async () => {
    const r = await render('# Today\n\nI felt **heavy** and *slow*.\n\n- chest\n- throat');
    expect(r.tags).toEqual(expect.arrayContaining(['h1', 'p', 'strong', 'em', 'ul', 'li']));
    expect(r.text).toContain('Today');
  });

  it('removes script tags written into an entry', async () => {
    const r = await render('Hello <script>alert(1)</script> there\n\n<script>alert(2)</script>');
    expect(r.tags).not.toContain('script');
    expect(r.html).not.toContain('alert');
    expect(r.alerted).toBe(false);
    expect(r.text).toContain('Hello');
  });

  it('removes event handlers like onerror, onload and onclick', async () => {
    const r = await render(
      '<img src="x" onerror="alert(1)"> <svg onload="alert(2)"></svg> <p onclick="alert(3)">hi</p> <details open ontoggle="alert(4)">x</details>',
    );
    expect(r.html).not.toMatch(/\bon[a-z]+=/i);
    expect(r.tags).not.toContain('img');
    expect(r.tags).not.toContain('svg');
    expect(r.alerted).toBe(false);
  });

  it('strips javascript: links, and no link keeps an address', async () => {
    const r = await render('[click me](javascript:alert(1)) and <a href="javascript:alert(2)">raw</a> and [x](JaVaScRiPt:alert(3))');
    expect(r.html.toLowerCase()).not.toContain('javascript:');
    expect(r.hrefs.every((h) => h === null)).toBe(true);
    expect(r.text).toContain('click me');
  });

  it('keeps ordinary links as inert text', async () => {
    const r = await render('see [a page](https://example.org/x) and <https://example.com> <a href="https://e.org" target="_blank">t</a>');
    expect(r.hrefs.length).toBeGreaterThan(0);
    expect(r.hrefs.every((h) => h === null)).toBe(true);
    expect(r.html).not.toContain('target=');
    expect(r.text).toContain('a page');
  });

  it('never loads a picture: images become their description', async () => {
    const r = await render('![a tree](https://tracker.example/pixel.png) <img src="https://tracker.example/2.png">');
    expect(r.tags).not.toContain('img');
    expect(r.html).not.toContain('tracker.example');
    expect(r.text).toContain('[picture: a tree]');
  });

  it('removes iframes, forms, inputs, styles and style attributes', async () => {
    const r = await render(
      '<iframe src="https://x"></iframe><form action="https://x"><input><button>b</button></form><style>body{display:none}</style><p style="color:red" class="print-sheet" id="app">t</p>',
    );
    for (const tag of ['iframe', 'form', 'input', 'button', 'style']) expect(r.tags).not.toContain(tag);
    expect(r.html).not.toMatch(/style=|id=|print-sheet/);
  });

  it('escapes HTML inside picture descriptions', async () => {
    const r = await render('![<b onmouseover=alert(1)>hi</b>](x.png)');
    expect(r.tags).not.toContain('b');
    expect(r.text).toContain('<b onmouseover=alert(1)>hi</b>');
  });
});

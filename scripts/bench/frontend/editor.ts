import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createVault } from '../../../tests/e2e/fixtures.ts';
import { launchChromium } from '../../chromium.ts';
import { fastKdf, startTestHost } from '../../test-host/server.ts';
import { percentile, type Figure } from '../report.ts';
import { entryText, makeRandom } from '../text.ts';

/**
 * The entry editor with very long text, in the real app (test host + Chromium): typing latency
 * (key event → the next frame painted, measured in the page) and Preview time (click → the
 * rendered Markdown painted), at 200,000 characters with and without spaces, and at a small
 * entry as the baseline. Needs a built renderer (`npm run build`).
 */
const KEYS = Number(process.env.BENCH_EDITOR_KEYS ?? 60);
const LONG = 200_000;
const PASSPHRASE = 'bench passphrase, not secret';

interface Shape {
  key: string;
  label: string;
  body: string;
}

function shapes(): Shape[] {
  const random = makeRandom(13);
  let spaced = '';
  while (spaced.length < LONG) spaced += `${entryText(random).replace(/\s+/g, ' ')} `;
  // One line each: the worst case for wrapping (no paragraph breaks to stop at).
  let unbroken = '';
  const letters = 'saltwatertidesmallwaves';
  while (unbroken.length < LONG) unbroken += letters;
  return [
    { key: 'small', label: 'small entry (600 chars)', body: `small ${entryText(random).replace(/\s+/g, ' ')}`.slice(0, 600) },
    { key: 'spaced', label: '200k chars, one line with spaces', body: `spaced ${spaced}`.slice(0, LONG) },
    { key: 'unbroken', label: '200k chars, no spaces', body: `unbroken${unbroken}`.slice(0, LONG) },
  ];
}

/**
 * Installed in the page (a plain string: functions compiled by tsx carry helpers the page lacks).
 * __editorMark(kind, selector) arms a probe for the next event of that kind. For a key, the time
 * runs from the keydown's timeStamp to a task after the frame that follows the input event
 * (rAF, then setTimeout: after paint); for a click, until `selector` is on the page and painted.
 * The Event Timing API's durations (key event → next paint, from 16 ms) are kept too; a
 * keystroke's latency is the larger of the two.
 */
const PROBE = `
  window.__editorEvents = [];
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { window.__editorEvents.push({ start: e.startTime, duration: e.duration }); });
  }).observe({ type: 'event', durationThreshold: 16 });
  window.__editorMark = function (kind, selector) {
    window.__editorResult = undefined;
    function afterPaint(t0) {
      (function frame() {
        requestAnimationFrame(function () {
          setTimeout(function () {
            if (selector && !document.querySelector(selector)) return frame();
            window.__editorResult = { t0: t0, ms: performance.now() - t0 };
          }, 0);
        });
      })();
    }
    addEventListener(kind, function (event) {
      var t0 = event.timeStamp;
      if (kind === 'keydown') addEventListener('input', function () { afterPaint(t0); }, { capture: true, once: true });
      else afterPaint(t0);
    }, { capture: true, once: true });
  };
`;

async function result(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as { __editorResult?: unknown }).__editorResult, undefined, {
    timeout: 180_000,
    polling: 20,
  });
  return ((await handle.jsonValue()) as { ms: number }).ms;
}

/** A keystroke's latency: the probe's, or the Event Timing API's if longer. */
async function keyLatency(page: Page): Promise<number> {
  const probe = await result(page);
  // Event Timing entries arrive after the paint they end at.
  await page.waitForTimeout(60);
  return page.evaluate((ms) => {
    const w = window as unknown as { __editorResult: { t0: number }; __editorEvents: { start: number; duration: number }[] };
    const t0 = w.__editorResult.t0;
    const mine = w.__editorEvents.filter((e) => e.start >= t0 - 1 && e.start <= t0 + ms);
    return Math.max(ms, ...mine.map((e) => e.duration));
  }, probe);
}

/** Puts the caret at the end or in the middle of the text (the textarea, or the long-text editor's view). */
async function placeCaret(page: Page, atEnd: boolean): Promise<void> {
  await page.evaluate((end) => {
    const area = document.querySelector<HTMLTextAreaElement>('textarea#entry-body');
    if (area) {
      area.focus();
      const at = end ? area.value.length : Math.floor(area.value.length / 2);
      area.setSelectionRange(at, at);
      return;
    }
    // CodeMirror keeps its view on the content element (what EditorView.findFromDOM reads); a bench-only way in.
    type View = { state: { doc: { length: number } }; focus(): void; dispatch(spec: unknown): void };
    const content = document.querySelector('.cm-content') as unknown as { cmTile?: { root?: { view?: View } } };
    const view = content.cmTile?.root?.view;
    if (!view) throw new Error('no editor view found');
    const at = end ? view.state.doc.length : Math.floor(view.state.doc.length / 2);
    view.focus();
    view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
  }, atEnd);
  await page.waitForTimeout(300);
}

async function seed(page: Page, body: string): Promise<number> {
  return page.evaluate(async (b) => {
    const api = (window as unknown as { saltwater: { journal: { create(i: unknown): Promise<{ ok: boolean; value: { id: number } }> } } }).saltwater;
    const created = await api.journal.create({ body: b, emotions: [], tags: [] });
    if (!created.ok) throw new Error('journal.create failed');
    return created.value.id;
  }, body);
}

async function savedBody(page: Page, id: number): Promise<string> {
  return page.evaluate(async (i) => {
    const api = (window as unknown as { saltwater: { journal: { get(i: unknown): Promise<{ ok: boolean; value: { body: string } }> } } }).saltwater;
    const got = await api.journal.get({ id: i });
    if (!got.ok) throw new Error('journal.get failed');
    return got.value.body;
  }, id);
}

interface Measured {
  open: number;
  typing: number[];
  preview: number;
  write: number;
}

async function measureShape(page: Page, shape: Shape): Promise<Measured> {
  const id = await seed(page, shape.body);
  // The list shows what is in the vault after a lock and unlock.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByRole('heading', { name: 'Journal', exact: true }).waitFor();
  await page.evaluate(PROBE);

  const field = '#entry-body, .cm-content';
  const card = page.getByRole('article').filter({ hasText: shape.body.slice(0, 40) }).first();
  await page.evaluate((f) => (window as unknown as { __editorMark(k: string, s: string): void }).__editorMark('click', f), field);
  await card.getByRole('button').first().click();
  const open = await result(page);

  const typing: number[] = [];
  for (let i = 0; i < KEYS; i++) {
    // Half at the end, half in the middle of the text.
    if (i === 0 || i === Math.floor(KEYS / 2)) await placeCaret(page, i === 0);
    const ch = 'quiet '[i % 6]!;
    await page.evaluate(() => (window as unknown as { __editorMark(k: string): void }).__editorMark('keydown'));
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    typing.push(await keyLatency(page));
  }

  await page.evaluate(() => (window as unknown as { __editorMark(k: string, s: string): void }).__editorMark('click', 'section.preview'));
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = await result(page);
  await page.evaluate((f) => (window as unknown as { __editorMark(k: string, s: string): void }).__editorMark('click', f), field);
  await page.getByRole('button', { name: 'Write', exact: true }).click();
  const write = await result(page);

  // What was typed is saved (a sanity check: a bench of an editor that loses words means nothing).
  await page.getByRole('button', { name: 'Back to journal' }).click();
  await page.getByRole('heading', { name: 'Journal', exact: true }).waitFor();
  const saved = await savedBody(page, id);
  if (saved.length !== shape.body.length + KEYS) throw new Error(`${shape.key}: saved ${saved.length} characters, expected ${shape.body.length + KEYS}`);
  return { open, typing, preview, write };
}

export async function measureEditor(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'saltwater-bench-editor-'));
  const host = await startTestHost({ dataDir: join(dir, 'vault'), kdf: fastKdf });
  const browser = await launchChromium();
  const figures: Figure[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(host.appUrl);
    await createVault(page, PASSPHRASE);
    const measured = new Map<string, Measured>();
    for (const shape of shapes()) {
      const m = await measureShape(page, shape);
      measured.set(shape.key, m);
      const p95 = percentile(m.typing, 95);
      const base = measured.get('small');
      figures.push(
        { name: `editor typing p50, ${shape.label}`, value: percentile(m.typing, 50), unit: 'ms' },
        { name: `editor typing p95, ${shape.label} (${KEYS} keys)`, value: p95, unit: 'ms', ...(shape.key === 'small' ? {} : { target: '≤ 50 ms' }) },
      );
      if (base && shape.key !== 'small') {
        figures.push({ name: `editor typing p95 ratio, ${shape.label} / small`, value: p95 / percentile(base.typing, 95), unit: '×' });
      }
      figures.push(
        { name: `editor Preview, ${shape.label}`, value: m.preview, unit: 'ms', ...(shape.key === 'small' ? {} : { target: '≤ 500 ms' }) },
        { name: `editor back to Write, ${shape.label}`, value: m.write, unit: 'ms' },
        { name: `editor open, ${shape.label}`, value: m.open, unit: 'ms' },
      );
    }
  } finally {
    await browser.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { LOCKED_PAGE } from '../../../main/core/static-files.ts';
import type { TestHost } from '../../test-host/server.ts';
import { percentile, type Figure } from '../report.ts';

const rendererDir = resolve(import.meta.dirname, '../../../out/renderer');

interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

function sizesOf(files: string[]): Sizes {
  const total: Sizes = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const bytes = readFileSync(join(rendererDir, file));
    total.raw += bytes.length;
    total.gzip += gzipSync(bytes, { level: 9 }).length;
    total.brotli += brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return total;
}

/**
 * What the browser must fetch before the lock screen answers: the page served while locked (the
 * lock screen painted ahead), what it names, and the app's code up to the lock screen, which its
 * first script imports after the first paint. index.html names that same code and stylesheet up
 * front (modulepreload and stylesheet links), so both pages' names are counted. Everything loaded
 * later (import() after unlock) is not here.
 */
export function initialFiles(): string[] {
  const pages = existsSync(join(rendererDir, LOCKED_PAGE)) ? [LOCKED_PAGE, 'index.html'] : ['index.html'];
  const named = pages.flatMap((page) =>
    [...readFileSync(join(rendererDir, page), 'utf8').matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\.\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!),
  );
  return [pages[0]!, ...new Set(named)];
}

/** Every script and stylesheet the build made (the whole app). */
function allFiles(): string[] {
  return readdirSync(join(rendererDir, 'assets'))
    .filter((name) => /\.(js|css)$/.test(name))
    .map((name) => `assets/${name}`);
}

export function measureInitialBytes(): Figure[] {
  const initial = sizesOf(initialFiles());
  const all = sizesOf(allFiles());
  return [
    { name: 'before the unlock screen: JS+CSS+HTML, raw', value: initial.raw, unit: 'bytes' },
    { name: 'before the unlock screen, gzip', value: initial.gzip, unit: 'bytes', target: '≤ 60 KB (61,440)' },
    { name: 'before the unlock screen, brotli', value: initial.brotli, unit: 'bytes' },
    { name: 'the whole app, gzip (loaded after unlock or on demand)', value: all.gzip, unit: 'bytes' },
    { name: 'share of the app needed before the unlock screen (gzip)', value: initial.gzip / all.gzip, unit: 'ratio' },
  ];
}

/**
 * In the page: when the passphrase field was painted. If it was in the document by the first
 * contentful paint (the lock screen painted from HTML), that paint; else the frame after it appeared.
 */
const FIELD_PAINTED = `
  var firstContentfulPaint = new Promise(function (resolve) {
    new PerformanceObserver(function (list, observer) {
      var entry = list.getEntriesByName('first-contentful-paint')[0];
      if (entry) { observer.disconnect(); resolve(entry.startTime); }
    }).observe({ type: 'paint', buffered: true });
  });
  window.__fieldPainted = new Promise(function (resolve) {
    var watcher = new MutationObserver(function () {
      if (!document.getElementById('unlock-passphrase')) return;
      watcher.disconnect();
      var appeared = performance.now();
      requestAnimationFrame(function () {
        setTimeout(function () {
          var frameAfter = performance.now();
          firstContentfulPaint.then(function (paint) { resolve(appeared <= paint ? paint : frameAfter); });
        }, 0);
      });
    });
    watcher.observe(document, { childList: true, subtree: true });
  });
`;

const BLANK = '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body><p>.</p></body></html>';
/** Served by the host from the built renderer's folder, as the app's own files are (written for the run, then removed). */
const BLANK_FILE = 'bench-blank.html';

/**
 * Cold loads (a fresh browser context each: no cache) of the lock screen and of a blank page served
 * by the same host in the same way, in the same browser run. The lock screen's figure is when its passphrase field
 * has painted; the blank page's is its first paint. Their ratio is the target (≤ 2×).
 *
 * `bridge`: the test host's stand-in for Electron's preload, when the host was started with
 * bridgeAtDocumentStart: then it runs at document start in both pages (an init script), as a
 * preload does in Electron; otherwise it is the script the host writes into the lock screen's page.
 */
export async function measureUnlockFirstPaint(browser: Browser, host: Pick<TestHost, 'url' | 'appUrl'>, bridge: string | null = null, loads = 10): Promise<Figure[]> {
  const field: number[] = [];
  const blank: number[] = [];
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 780 } });
    if (bridge) await context.addInitScript({ content: bridge });
    return context;
  };
  writeFileSync(join(rendererDir, BLANK_FILE), BLANK);
  try {
    for (let i = 0; i < loads; i++) {
      const context = await newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${host.url}/${BLANK_FILE}`);
        blank.push(
          await page.evaluate(
            () =>
              new Promise<number>((resolve) => {
                const entry = performance.getEntriesByName('first-paint')[0];
                if (entry) resolve(entry.startTime);
                else new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({ type: 'paint', buffered: true });
              }),
          ),
        );
      } finally {
        await context.close();
      }
      const appContext = await newContext();
      try {
        const page = await appContext.newPage();
        await page.addInitScript(FIELD_PAINTED);
        await page.goto(host.appUrl);
        field.push(await page.evaluate(() => (window as unknown as { __fieldPainted: Promise<number> }).__fieldPainted));
      } finally {
        await appContext.close();
      }
    }
  } finally {
    rmSync(join(rendererDir, BLANK_FILE), { force: true });
  }
  const median = (xs: number[]) => percentile(xs, 50);
  const how = bridge ? 'preload stand-in at document start' : 'preload stand-in as a page script';
  return [
    { name: `blank page first paint, median of ${loads} cold loads (${how})`, value: median(blank), unit: 'ms' },
    { name: `lock screen: passphrase field painted, median (${how})`, value: median(field), unit: 'ms' },
    { name: `lock screen ÷ blank page (${how})`, value: median(field) / median(blank), unit: 'ratio', ...(bridge ? { target: '≤ 2×' } : {}) },
  ];
}

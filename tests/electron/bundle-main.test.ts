import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyOfPage } from '../../main/app/csp.ts';
import { methodNames } from '../../preload/contract/index.ts';
import { methodChannel } from '../../preload/channels.ts';
import { electronBindingPath } from '../../scripts/native-paths.mjs';

const root = resolve(import.meta.dirname, '../..');

interface Report {
  windows: number;
  loadedUrl: string;
  preload: string;
  preloadExists: boolean;
  page: { status: number; type: string; nosniff: string; csp: string; hasAppRoot: boolean };
  assets: { url: string; status: number; type: string; csp: string }[];
  channels: string[];
  status: unknown;
  sandboxed: boolean;
  quit: boolean;
}

/**
 * The built out/main/index.js, imported by plain Node (ESM, its real node_modules) with only
 * 'electron' swapped for the fake: an ESM/CJS interop slip, a wrong path or a missing dependency
 * in the bundle fails here, not on someone's first `npm start`.
 */
describe('the built main process', () => {
  let dir: string;
  let report: Report;
  beforeAll(async () => {
    // An app folder as in development: resources/ and the Electron build of SQLite where
    // native-binding.ts looks for it (here the Node build stands in: plain Node loads it).
    dir = mkdtempSync(join(tmpdir(), 'saltwater-bundle-'));
    const appPath = join(dir, 'app');
    mkdirSync(join(dir, 'userData'));
    const version = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
    const binding = electronBindingPath(appPath, version, process.arch);
    mkdirSync(resolve(binding, '..'), { recursive: true });
    symlinkSync(join(root, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node'), binding);
    symlinkSync(join(root, 'resources'), join(appPath, 'resources'));

    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bundle/main-harness.ts')], {
      cwd: root,
      env: { ...process.env, SALTWATER_FAKE_USER_DATA: join(dir, 'userData'), SALTWATER_FAKE_APP_PATH: appPath },
      timeout: 50_000,
    });
    report = JSON.parse(stdout.trim().split('\n').pop()!) as Report;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens one window on app://saltwater/index.html, with the built preload', () => {
    expect(report.windows).toBe(1);
    expect(report.loadedUrl).toBe('app://saltwater/index.html');
    expect(report.preload).toBe(join(root, 'out/preload/index.cjs'));
    expect(report.preloadExists).toBe(true);
    expect(report.sandboxed).toBe(true);
  });

  it('serves the built page and every file it names, with the policy of its meta tag as a header', () => {
    const policy = policyOfPage(readFileSync(join(root, 'out/renderer/index.html'), 'utf8'));
    // The source's policy, allowing by its hash the one inline style: the ready-made lock screen's own rules.
    const inline = /<style>([\s\S]*?)<\/style>/.exec(readFileSync(join(root, 'out/renderer/locked.html'), 'utf8'))?.[1] ?? '';
    const hash = createHash('sha256').update(inline).digest('base64');
    const source = policyOfPage(readFileSync(join(root, 'renderer/index.html'), 'utf8'))!;
    expect(policy).toBe(source.replace("style-src 'self'", `style-src 'self' 'sha256-${hash}'`));
    expect(report.page).toEqual({ status: 200, type: 'text/html; charset=utf-8', nosniff: 'nosniff', csp: policy, hasAppRoot: true });
    expect(report.assets.length).toBeGreaterThan(0);
    for (const asset of report.assets) {
      expect(asset, asset.url).toMatchObject({ status: 200, csp: policy });
      expect(asset.type, asset.url).toMatch(/^(text\/javascript|text\/css)/);
    }
  });

  it('registers every contract method on the channel preload uses, and answers through the real core', () => {
    expect(report.channels).toEqual(methodNames.map(methodChannel).sort());
    expect(report.status).toEqual({ ok: true, value: { state: 'new', retryAfterMs: 0 } });
  });

  it('quits cleanly', () => {
    expect(report.quit).toBe(true);
  });
});

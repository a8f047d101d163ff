/**
 * Electronegativity over the Electron-facing sources, offline (run by `npm run lint:electron`).
 *
 * Electronegativity fetches translations (and, in one check, Electron's release list) at start.
 * CI has no network to spare and a scan must not depend on one, so: the `got` it uses is
 * replaced by one that always fails (it then falls back to its bundled English), the release
 * check is excluded (Electron's version is pinned and updated on purpose), and any socket this
 * process tries to open throws, so a future version that fetches something else fails loudly.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const allowListFile = join(import.meta.dirname, 'electronegativity-allow.json');

/** What is scanned: every file that configures Electron or runs in a preload, and the page's CSP. */
export const scannedPaths = ['package.json', 'main/index.ts', 'main/app', 'preload/index.ts', 'preload/channels.ts', 'preload/create-api.ts', 'renderer/index.html'];

export interface AllowedFinding {
  id: string;
  file: string;
  reason: string;
}

export interface Finding {
  id: string;
  file: string;
  line: number;
  description: string;
}

function blockNetwork(): void {
  net.Socket.prototype.connect = function refuse(): never {
    throw new Error('electronegativity: network access is disabled for this scan');
  };
}

function stubGot(require: NodeJS.Require): void {
  const gotPath = require.resolve('got');
  const offline = () => Promise.reject(new Error('offline'));
  const module = new (require('node:module') as { Module: new (id: string) => NodeJS.Module }).Module(gotPath);
  module.exports = offline;
  module.loaded = true;
  require.cache[gotPath] = module;
}

export async function scan(): Promise<Finding[]> {
  process.env.LANG = 'en-US';
  blockNetwork();
  const require = createRequire(join(root, 'node_modules/@doyensec/electronegativity/package.json'));
  stubGot(require);
  const run = require('@doyensec/electronegativity') as (options: Record<string, unknown>) => Promise<{ issues: RawIssue[]; errors: { file: string; message: string; tolerable?: boolean }[] }>;

  const staged = mkdtempSync(join(tmpdir(), 'saltwater-electronegativity-'));
  try {
    for (const path of scannedPaths) cpSync(join(root, path), join(staged, path), { recursive: true });
    const result = await run({
      input: staged,
      isRelative: true,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      parserPlugins: [],
    });
    const fatal = result.errors.filter((e) => !e.tolerable);
    if (fatal.length > 0) throw new Error(`electronegativity could not parse: ${fatal.map((e) => `${e.file}: ${e.message}`).join('; ')}`);
    return result.issues.map((i) => ({ id: i.id, file: relative(staged, resolve(staged, i.file)), line: i.location.line, description: i.description }));
  } finally {
    rmSync(staged, { recursive: true, force: true });
  }
}

interface RawIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
}

export function readAllowList(): AllowedFinding[] {
  return JSON.parse(readFileSync(allowListFile, 'utf8')) as AllowedFinding[];
}

/** Findings the allow-list does not cover, and allow-list entries nothing matched any more. */
export function compare(findings: Finding[], allowed: AllowedFinding[]) {
  const covers = (a: AllowedFinding, f: Finding) => a.id === f.id && a.file === f.file;
  return {
    unexpected: findings.filter((f) => !allowed.some((a) => covers(a, f))),
    stale: allowed.filter((a) => !findings.some((f) => covers(a, f))),
  };
}

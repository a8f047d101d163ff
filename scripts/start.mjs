#!/usr/bin/env node
/**
 * `npm start`: runs the desktop app. Makes sure the Electron runtime and an Electron build
 * of the SQLite module exist (downloading Electron on first run, as usual), builds, launches.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildForElectron, NativeBuildError } from './native.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const PREVIEW_HINT = 'To try Saltwater in a browser instead, run: npm run preview';

/** Resolving 'electron' downloads its runtime when missing; done in a child so a failure stays quiet. */
function electronBinary() {
  for (const script of [null, require.resolve('electron/install.js')]) {
    try {
      if (script) execFileSync(process.execPath, [script], { stdio: 'ignore' });
      const path = execFileSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'ignore'],
      }).toString();
      if (existsSync(path)) return path;
    } catch {
      // Not downloaded (npm install ran with ELECTRON_SKIP_BINARY_DOWNLOAD, or offline): try install once.
    }
  }
  return null;
}

const binary = electronBinary();
if (!binary) {
  console.error(`The Electron runtime could not be downloaded on this machine, so the desktop app cannot start. ${PREVIEW_HINT}`);
  process.exit(1);
}

try {
  buildForElectron();
} catch (error) {
  const message = error instanceof NativeBuildError ? error.message : String(error);
  console.error(`\n✖ ${message}\n${PREVIEW_HINT}`);
  process.exit(1);
}

execFileSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
const child = spawn(binary, [root], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Global setup of the bundle tests: they test out/, so out/ must be the build of what is checked
 * out. `npm test` runs vitest before `npm run test:e2e` builds, and a fresh checkout has no out/:
 * build here when any bundle is missing or older than a source file that goes into it.
 */
const root = resolve(import.meta.dirname, '../..');
export const bundles = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const sources = ['main', 'preload', 'renderer', 'resources', 'electron.vite.config.ts', 'svelte.config.js', 'package.json'];

function newestSource(): number {
  let newest = 0;
  for (const source of sources) {
    const path = join(root, source);
    const stat = statSync(path);
    if (stat.isFile()) newest = Math.max(newest, stat.mtimeMs);
    else
      for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
        if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
      }
  }
  return newest;
}

export default function ensureBuild(): void {
  const paths = bundles.map((b) => join(root, b));
  const missing = paths.filter((p) => !existsSync(p));
  const oldest = missing.length > 0 ? 0 : Math.min(...paths.map((p) => statSync(p).mtimeMs));
  if (missing.length === 0 && oldest >= newestSource()) return;
  console.log(`bundle tests: ${missing.length > 0 ? 'no build in out/' : 'out/ is older than the sources'}, running electron-vite build`);
  const result = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('bundle tests: `electron-vite build` failed; run `npm run build` to see why');
  const stillMissing = paths.filter((p) => !existsSync(p));
  if (stillMissing.length > 0) throw new Error(`bundle tests: the build did not produce ${stillMissing.join(', ')}`);
}

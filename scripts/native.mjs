#!/usr/bin/env node
/**
 * The SQLite module is native code. node_modules holds a build for Node (the tests use it);
 * Electron needs a build for its own ABI, kept apart in native/ so both work on one checkout.
 *
 *   node scripts/native.mjs electron   build (or fetch) the Electron binary and check its ABI
 *   node scripts/native.mjs node       check that node_modules holds a build this Node can load
 *
 * Every path ends in a check of the ABI the binary was built for, because a rebuild without
 * Electron's headers silently produces a Node build (with `nodedir` set in npm's config).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBindingPath, packagedBindingSource } from './native-paths.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const MODULE = 'better-sqlite3-multiple-ciphers';

export class NativeBuildError extends Error {}

/** The ABI a Node/Electron native addon was compiled for, read from its registration symbol. */
export function abiOfBinary(file) {
  const match = /node_register_module_v(\d+)/.exec(readFileSync(file).toString('latin1'));
  if (!match) throw new NativeBuildError(`${file} does not look like a Node native module.`);
  return Number(match[1]);
}

export function assertAbi(file, expected, runtime) {
  const found = abiOfBinary(file);
  if (found !== expected) {
    throw new NativeBuildError(
      `${file} was built for ABI ${found}, but ${runtime} needs ABI ${expected}. ` +
        (runtime.startsWith('Electron')
          ? 'The Electron headers were probably not reachable, so the build fell back to Node.'
          : `Run: npm rebuild ${MODULE}`),
    );
  }
}

function moduleDir() {
  return dirname(require.resolve(`${MODULE}/package.json`));
}

export function checkNodeBuild() {
  const file = join(moduleDir(), 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(file)) throw new NativeBuildError(`No build of ${MODULE} found. Run: npm rebuild ${MODULE}`);
  assertAbi(file, Number(process.versions.modules), `Node ${process.version}`);
  return file;
}

export function buildForElectron() {
  const electronVersion = require('electron/package.json').version;
  const { getAbi } = require('node-abi');
  const expected = Number(getAbi(electronVersion, 'electron'));
  const runtime = `Electron ${electronVersion}`;
  const target = electronBindingPath(root, electronVersion, process.arch);
  // The packaged app carries the same build (electron-builder.yml, extraResources).
  const publish = () => {
    mkdirSync(dirname(packagedBindingSource(root)), { recursive: true });
    cpSync(target, packagedBindingSource(root));
    return target;
  };
  if (existsSync(target) && abiOfBinary(target) === expected) return publish();

  // Build in a copy so the Node build in node_modules (used by the tests) stays as it is.
  const work = join(root, 'native', '.build', MODULE);
  rmSync(work, { recursive: true, force: true });
  const previousBuild = join(moduleDir(), 'build');
  cpSync(moduleDir(), work, { recursive: true, filter: (src) => src !== previousBuild && !src.startsWith(previousBuild + sep) });

  // npm's `nodedir` would point node-gyp at Node's headers: drop every npm_config_* override.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_config_')));
  const run = (cmd, args) => execFileSync(process.execPath, [cmd, ...args], { cwd: work, env, stdio: 'inherit' });
  try {
    run(require.resolve('prebuild-install/bin.js'), ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`]);
  } catch {
    console.log(`No prebuilt ${MODULE} for ${runtime}; compiling it against Electron's headers…`);
    try {
      run(require.resolve('node-gyp/bin/node-gyp.js'), [
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${process.arch}`,
        '--dist-url=https://electronjs.org/headers',
        `--devdir=${join(root, 'native', '.gyp')}`,
      ]);
    } catch {
      throw new NativeBuildError(
        `Could not build ${MODULE} for ${runtime}: neither a prebuilt binary nor Electron's headers could be downloaded.`,
      );
    }
  }
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new NativeBuildError(`The build of ${MODULE} produced no binary.`);
  assertAbi(built, expected, runtime);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(built, target);
  return publish();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const which = process.argv[2];
  try {
    if (which === 'node') console.log(`SQLite module for Node: ok (${checkNodeBuild()})`);
    else if (which === 'electron') console.log(`SQLite module for Electron: ok (${buildForElectron()})`);
    else throw new NativeBuildError('Usage: node scripts/native.mjs node|electron');
  } catch (error) {
    console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

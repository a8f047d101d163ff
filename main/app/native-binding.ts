import { existsSync } from 'node:fs';

import { app } from 'electron';
import { electronBindingPath } from '../../scripts/native-paths.mjs';

/**
 * The SQLite module in node_modules is built for Node (tests use it). In development
 * Electron loads its own build from native/ (made by `node scripts/native.mjs electron`);
 * a packaged app carries an Electron build that electron-builder made, so nothing is needed.
 */
export function nativeBindingForElectron(): string | undefined {
  if (app.isPackaged) return undefined;
  const path = electronBindingPath(app.getAppPath(), process.versions.electron, process.arch);
  if (!existsSync(path)) {
    throw new Error(`Missing the Electron build of the SQLite module at ${path}. Run: npm start`);
  }
  return path;
}


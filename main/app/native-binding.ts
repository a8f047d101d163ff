import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import { electronBindingPath } from '../../scripts/native-paths.mjs';

/**
 * The SQLite module in node_modules is built for Node (tests use it). In development
 * Electron loads its own build from native/ (made by `node scripts/native.mjs electron`), and a
 * packaged app carries that same build in its resources (so node_modules keeps the Node build).
 */
export function nativeBindingForElectron(): string {
  if (app.isPackaged) return join(process.resourcesPath, 'native', 'better_sqlite3.node');
  const path = electronBindingPath(app.getAppPath(), process.versions.electron, process.arch);
  if (!existsSync(path)) {
    throw new Error(`Missing the Electron build of the SQLite module at ${path}. Run: npm start`);
  }
  return path;
}


import { join } from 'node:path';

/** Where the Electron build of the SQLite module lives in a development checkout. */
export function electronBindingPath(root, electronVersion, arch) {
  return join(root, 'native', `electron-${electronVersion}-${process.platform}-${arch}`, 'better_sqlite3.node');
}

/** The copy electron-builder packs (extraResources → <resources>/native/better_sqlite3.node). */
export function packagedBindingSource(root) {
  return join(root, 'native', 'package', 'better_sqlite3.node');
}

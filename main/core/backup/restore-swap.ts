import fs from 'node:fs';
import path from 'node:path';
import { syncDirectory } from '../vault/atomic-write.ts';
import {
  DATABASE_FILE_NAME,
  DESKTOP_PREFS_FILE_NAME,
  KEY_FILE_NAME,
  QUICK_NOTES_FILE_NAME,
  QUICK_NOTES_KEPT_ASIDE_FILE_NAME,
} from '../vault/vault-files.ts';

/**
 * Putting a restored vault in place of the current one so that a crash or power cut at any
 * moment leaves one whole vault, old or new, never a mix and never none:
 *
 *   1. the backup is unpacked, opened and migrated in `<vault>.restoring` beside the vault;
 *   2. a `restore-ready` marker is written there (synced): the restore may now go ahead;
 *   3. the current vault folder is renamed to `<vault> before restore <time>` (the safety copy);
 *   4. `<vault>.restoring` is renamed to `<vault>`, and the marker removed.
 *
 * Renames within one folder are atomic. At start-up `finishInterruptedRestore` completes a
 * restore cut off between steps 3 and 4 (ready, and no vault in place) and throws away one cut
 * off earlier (the current vault is still in place, whole).
 */
const READY_MARKER = 'restore-ready';
/** Written in the staging folder before step 3: where the journal as it was is kept (JSON). */
export const SAFETY_COPY_RECORD = 'safety-copy.json';

export function stagingFolderFor(vaultDir: string): string {
  return `${vaultDir}.restoring`;
}

export function markReady(staging: string): void {
  writeSynced(path.join(staging, READY_MARKER), '');
}

function writeSynced(file: string, text: string): void {
  const fd = fs.openSync(file, 'w', 0o600);
  try {
    if (text) fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  syncDirectory(path.dirname(file));
}

/**
 * Files that belong to this computer rather than to the journal, which the restored vault keeps:
 * quick notes still waiting to be taken in (the next unlock opens those it can and keeps the rest
 * aside), and the privacy choices for the window. Copied, so the safety copy keeps them too.
 */
const CARRIED_OVER = [QUICK_NOTES_FILE_NAME, QUICK_NOTES_KEPT_ASIDE_FILE_NAME, DESKTOP_PREFS_FILE_NAME];

function carryOver(vaultDir: string, staging: string): void {
  for (const name of CARRIED_OVER) {
    const from = path.join(vaultDir, name);
    if (!fs.existsSync(from)) continue;
    fs.copyFileSync(from, path.join(staging, name));
    const fd = fs.openSync(path.join(staging, name), 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
}

/** Steps 3 and 4. Returns the safety copy's folder, or null when there was no vault before. */
export function swapIn(vaultDir: string, staging: string, at: number): string | null {
  let safetyCopy: string | null = null;
  if (holdsVault(vaultDir)) {
    carryOver(vaultDir, staging);
    safetyCopy = freeSafetyCopyPath(vaultDir, at);
    // Said before it happens, so a restore finished at the next start can name it too.
    writeSynced(path.join(staging, SAFETY_COPY_RECORD), JSON.stringify({ folder: safetyCopy }));
    fs.renameSync(vaultDir, safetyCopy);
  } else {
    // An empty folder (made at start-up, before any vault) is in the way of the rename.
    fs.rmSync(vaultDir, { recursive: true, force: true });
  }
  try {
    fs.renameSync(staging, vaultDir);
  } catch (error) {
    // The restored vault can't go in (a file held open on Windows, say): the old one goes back,
    // so the person is never left with no vault while theirs sits in a safety copy.
    if (safetyCopy !== null) fs.renameSync(safetyCopy, vaultDir);
    throw error;
  }
  syncDirectory(path.dirname(vaultDir));
  fs.rmSync(path.join(vaultDir, READY_MARKER), { force: true });
  fs.rmSync(path.join(vaultDir, SAFETY_COPY_RECORD), { force: true });
  return safetyCopy;
}

/**
 * Run before the vault is touched at start-up. A restore that was ready goes ahead (the old
 * vault is already in its safety copy, or there was none); one that was not is thrown away,
 * leaving the vault as it was.
 */
export function finishInterruptedRestore(vaultDir: string): 'none' | 'completed' | 'discarded' {
  fs.rmSync(path.join(vaultDir, READY_MARKER), { force: true });
  const staging = stagingFolderFor(vaultDir);
  if (!fs.existsSync(staging)) return 'none';
  if (fs.existsSync(path.join(staging, READY_MARKER)) && !holdsVault(vaultDir)) {
    fs.rmSync(vaultDir, { recursive: true, force: true });
    fs.renameSync(staging, vaultDir);
    syncDirectory(path.dirname(vaultDir));
    fs.rmSync(path.join(vaultDir, READY_MARKER), { force: true });
    return 'completed';
  }
  fs.rmSync(staging, { recursive: true, force: true });
  return 'discarded';
}

function holdsVault(dir: string): boolean {
  return fs.existsSync(path.join(dir, DATABASE_FILE_NAME)) || fs.existsSync(path.join(dir, KEY_FILE_NAME));
}

const two = (n: number) => String(n).padStart(2, '0');

/** "vault before restore 2026-12-04 1012", then "… (2)". */
function freeSafetyCopyPath(vaultDir: string, at: number): string {
  const d = new Date(at);
  const base = `${vaultDir} before restore ${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}${two(d.getMinutes())}`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base} (${n})`;
    if (!fs.existsSync(candidate)) return candidate;
  }
}

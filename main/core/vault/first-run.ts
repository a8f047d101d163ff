import fs from 'node:fs';
import path from 'node:path';
import { syncDirectory } from './atomic-write.ts';
import { DATABASE_FILE_NAME, KEY_FILE_NAME, KEY_TO_CONFIRM_FILE_NAME } from './vault-files.ts';

/**
 * Making a new vault so that a crash at any moment leaves either no vault (setup starts again)
 * or a complete one, never a database without its keys.json (issue #11 §5.3):
 *
 *   1. everything is made in `<vault>.creating` beside the vault folder: the database (migrated,
 *      its log folded in, synced), keys.json, and the "recovery key not yet confirmed" marker;
 *   2. that folder is renamed to `<vault>` — the one step that makes the vault exist.
 *
 * At start-up `discardInterruptedCreate` removes a staging folder left by a crash before step 2.
 * The marker stays until the person has typed back part of their recovery key, so a vault
 * whose key was never confirmed shows it again after the next unlock.
 */
export function creatingFolderFor(vaultDir: string): string {
  return `${vaultDir}.creating`;
}

/** A fresh, empty staging folder (anything left from an earlier try is removed first). */
export function freshStagingFolder(vaultDir: string): string {
  const staging = creatingFolderFor(vaultDir);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(staging), { recursive: true, mode: 0o700 });
  fs.mkdirSync(staging, { mode: 0o700 });
  return staging;
}

export function writeKeyToConfirmMarker(dir: string): void {
  const fd = fs.openSync(path.join(dir, KEY_TO_CONFIRM_FILE_NAME), 'w', 0o600);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function keyNeedsConfirming(vaultDir: string): boolean {
  return fs.existsSync(path.join(vaultDir, KEY_TO_CONFIRM_FILE_NAME));
}

export function clearKeyToConfirmMarker(vaultDir: string): void {
  const marker = path.join(vaultDir, KEY_TO_CONFIRM_FILE_NAME);
  if (!fs.existsSync(marker)) return;
  fs.rmSync(marker, { force: true });
  syncDirectory(vaultDir);
}

/** Step 2. The staging folder's content must be synced already. False when a vault appeared meanwhile. */
export function moveIntoPlace(staging: string, vaultDir: string): boolean {
  syncDirectory(staging);
  if (fs.existsSync(vaultDir)) {
    if (holdsVault(vaultDir)) return false;
    // A folder without a vault in it (made at start-up) is in the way of the rename.
    fs.rmSync(vaultDir, { recursive: true, force: true });
  }
  fs.renameSync(staging, vaultDir);
  syncDirectory(path.dirname(vaultDir));
  return true;
}

/** Run before the vault is touched at start-up: a creation cut off before its last step never happened. */
export function discardInterruptedCreate(vaultDir: string): boolean {
  const staging = creatingFolderFor(vaultDir);
  if (!fs.existsSync(staging)) return false;
  fs.rmSync(staging, { recursive: true, force: true });
  return true;
}

function holdsVault(dir: string): boolean {
  return fs.existsSync(path.join(dir, DATABASE_FILE_NAME)) || fs.existsSync(path.join(dir, KEY_FILE_NAME));
}

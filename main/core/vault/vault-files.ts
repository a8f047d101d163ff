import path from 'node:path';

/** The only place that names the vault's files; backup, export and docs read them from here. */
export const DATABASE_FILE_NAME = 'saltwater.db';
export const KEY_FILE_NAME = 'keys.json';
/** Present until the person has confirmed they saved the recovery key (see first-run.ts). */
export const KEY_TO_CONFIRM_FILE_NAME = 'recovery-key-not-confirmed';
/** Whether the vault was closed cleanly, and its change count, outside the write-ahead log (see open-state.ts). */
export const OPEN_STATE_FILE_NAME = 'open-state.json';
/**
 * The data key sealed by this computer's keychain, when the person turned that on (see keychain.ts).
 * Never part of a backup: it only opens anything on this computer, for this vault.
 */
export const KEYCHAIN_FILE_NAME = 'keychain.json';
/** Quick notes sealed on the lock screen, waiting for the next unlock, and those its key could not open (see quick-notes.ts). */
export const QUICK_NOTES_FILE_NAME = 'quick-notes.sealed';
export const QUICK_NOTES_KEPT_ASIDE_FILE_NAME = 'quick-notes.kept-aside.sealed';
/** The public half of the key quick notes are sealed to, so the lock screen can seal after a restart. */
export const QUICK_NOTES_KEY_FILE_NAME = 'quick-notes.pub';
/** The privacy choices that act on the window and the OS, copied out of the vault (see desktop-prefs.ts). */
export const DESKTOP_PREFS_FILE_NAME = 'desktop.json';

export interface VaultPaths {
  dir: string;
  database: string;
  /** SQLite's write-ahead log and shared-memory index; they hold recent writes until a checkpoint. */
  wal: string;
  shm: string;
  keyFile: string;
  openState: string;
}

export function vaultPaths(dir: string): VaultPaths {
  const database = path.join(dir, DATABASE_FILE_NAME);
  return {
    dir,
    database,
    wal: `${database}-wal`,
    shm: `${database}-shm`,
    keyFile: path.join(dir, KEY_FILE_NAME),
    openState: path.join(dir, OPEN_STATE_FILE_NAME),
  };
}

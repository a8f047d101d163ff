import { AppError } from '../../preload/contract/index.ts';

/**
 * A file-system failure named as what it is, for a person: a full disk is a full disk, a
 * missing drive is a missing drive. `doing` completes "We couldn't …".
 */
export function fileProblem(error: unknown, doing: string): AppError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'The disk is full. Make some room, then try again.'
      : code === 'EACCES' || code === 'EPERM'
        ? 'Saltwater is not allowed to write there. Choose another folder, or check its permissions.'
        : code === 'EROFS'
          ? 'That place can only be read, not written to (a read-only drive or folder).'
          : code === 'ENOENT' || code === 'ENOTDIR'
            ? 'The folder is not there any more. If it is on a drive, is the drive plugged in?'
            : code === 'EIO'
              ? 'The disk reported an error while reading or writing.'
              : 'Something on this computer got in the way.';
  return new AppError('FILE_PROBLEM', `We couldn't ${doing}. ${reason}`);
}

type StorageTrouble = 'full' | 'read-only' | 'not-allowed' | 'disk-error';

/**
 * What kind of storage trouble an error is, from a file-system error code or from SQLite's (whose
 * codes come as SQLITE_FULL, SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE …), or null when it is
 * not one.
 */
export function storageTrouble(error: unknown): StorageTrouble | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_NOSPC') return 'full';
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) return 'read-only';
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH' || code.startsWith('SQLITE_CANTOPEN')) return 'not-allowed';
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR')) return 'disk-error';
  return null;
}

/** Methods that open the vault: SQLite must write its log and index beside the database. */
const opensVault = new Set(['vault.unlock', 'vault.unlockWithRecoveryKey', 'vault.unlockWithKeychain']);

/** Methods that save what the person is writing: the editor keeps the words and tries again. */
const keepsWriting = new Set(['journal.create', 'journal.update', 'sessions.reflect']);

/**
 * A storage failure met by any contract method, named for a person (the router's last resort
 * before "something went wrong on our side"). Writes in SQLite and in our own files are all-or-
 * nothing, so nothing half-written is left behind.
 */
export function storageProblem(error: unknown, method: string): AppError | null {
  const trouble = storageTrouble(error);
  if (trouble === null) return null;
  if (keepsWriting.has(method)) {
    const message = {
      full: 'Your disk is full. Nothing you wrote is lost while Saltwater stays open; it will save as soon as there is room.',
      'read-only': "Saltwater can't save right now: the folder that holds your journal can only be read. Nothing you wrote is lost while Saltwater stays open; it will keep trying.",
      'not-allowed': "Saltwater isn't allowed to save in the folder that holds your journal. Nothing you wrote is lost while Saltwater stays open; please check the folder's permissions.",
      'disk-error': 'The disk reported an error while saving. Nothing you wrote is lost while Saltwater stays open; it will keep trying.',
    }[trouble];
    return new AppError('FILE_PROBLEM', message);
  }
  if (opensVault.has(method)) {
    const message = {
      full: "Your disk is full, so Saltwater can't open your journal just now (it needs a little room to work). Make some room, then try again. Nothing was changed.",
      'read-only': "Saltwater can't open your journal: the folder that holds it can only be read, and Saltwater needs to write beside it. Nothing was changed.",
      'not-allowed': "Saltwater isn't allowed to write in the folder that holds your journal, so it can't open it. Please check the folder's permissions. Nothing was changed.",
      'disk-error': 'The disk reported an error while opening your journal. Nothing was changed. Please try again.',
    }[trouble];
    return new AppError('FILE_PROBLEM', message);
  }
  const message = {
    full: "Your disk is full, so Saltwater couldn't save this. Nothing was changed. Make some room, then try again.",
    'read-only': "Saltwater couldn't save this: the folder that holds your journal can only be read (a read-only drive or folder). Nothing was changed.",
    'not-allowed': "Saltwater isn't allowed to write to the folder that holds your journal, so this wasn't saved. Nothing was changed; please check the folder's permissions.",
    'disk-error': 'The disk reported an error, so this wasn\'t saved. Nothing was changed. Please try again.',
  }[trouble];
  return new AppError('FILE_PROBLEM', message);
}

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

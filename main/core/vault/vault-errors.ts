import { AppError } from '../../../preload/contract/index.ts';

/**
 * Every message the vault can show a person, in one place so the tone stays the same:
 * calm, plain, no blame, and always a next step.
 */

function inTime(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds >= 60) return 'in a minute';
  return seconds === 1 ? 'in a second' : `in ${seconds} seconds`;
}

/** What `open` gives, or null while the vault is locked; any other failure is thrown. */
export function openOrNull<T>(open: () => T): T | null {
  try {
    return open();
  } catch (error) {
    if (error instanceof AppError && error.code === 'LOCKED') return null;
    throw error;
  }
}

export const vaultErrors = {
  noVault: () => new AppError('NO_VAULT', "There's no vault here yet. You can create one to begin."),

  exists: () =>
    new AppError(
      'VAULT_EXISTS',
      'A vault already exists here. You can open it with your passphrase or your recovery key.',
    ),

  locked: () => new AppError('LOCKED', 'Your vault is locked. Unlock it to continue.'),

  weakPassphrase: (min: number) =>
    new AppError(
      'WEAK_PASSPHRASE',
      `A passphrase needs at least ${min} characters. A few words only you would put together work well.`,
    ),

  passphraseTooLong: () => new AppError('INVALID_INPUT', 'That passphrase is longer than we can accept.'),

  wrongPassphrase: (retryAfterMs: number) =>
    retryAfterMs > 0
      ? new AppError(
          'WRONG_PASSPHRASE',
          `That passphrase doesn't match. Take your time; you can try again ${inTime(retryAfterMs)}.`,
          retryAfterMs,
        )
      : new AppError('WRONG_PASSPHRASE', "That passphrase doesn't match. Take your time and try again."),

  throttled: (retryAfterMs: number) =>
    new AppError(
      'THROTTLED',
      `There have been a few tries in a row, so let's pause for a moment. You can try again ${inTime(retryAfterMs)}.`,
      retryAfterMs,
    ),

  recoveryKeyDoesNotOpen: (retryAfterMs: number) =>
    new AppError(
      'WRONG_RECOVERY_KEY',
      "That recovery key doesn't open this vault. Please check it against your saved copy.",
      retryAfterMs > 0 ? retryAfterMs : undefined,
    ),

  recoveryKeyLength: () =>
    new AppError(
      'WRONG_RECOVERY_KEY',
      'That recovery key seems to have too few or too many characters. Please check it against your saved copy.',
    ),

  recoveryKeyCharacter: () =>
    new AppError(
      'WRONG_RECOVERY_KEY',
      'That recovery key has a character that does not belong in it. Recovery keys use only 0–9 and A–F.',
    ),

  recoveryKeyChecksum: () =>
    new AppError(
      'WRONG_RECOVERY_KEY',
      "That recovery key doesn't look quite right. A character may be mistyped; please check it against your saved copy.",
    ),

  databaseDamaged: () =>
    new AppError(
      'VAULT_DAMAGED',
      'Your vault file could not be read and may be damaged. Saltwater has not changed it.',
    ),

  databaseMissing: () =>
    new AppError(
      'VAULT_DAMAGED',
      `Your journal file is missing from the vault folder. If you moved it, put it back and try again.`,
    ),

  keyFileDamaged: () =>
    new AppError(
      'VAULT_DAMAGED',
      'The file that holds the lock of your vault is damaged. Your recovery key can still open your vault.',
    ),

  /** The passphrase fits keys.json, but its key does not open the database: which of the two is wrong can't be told from here. */
  keyDoesNotOpenDatabase: () =>
    new AppError(
      'VAULT_DAMAGED',
      'Your passphrase is right, but it does not open the vault file: the file may be damaged, or the file that holds its lock (keys.json) may be from another vault. Saltwater has not changed anything. Your recovery key opens your vault if the vault file itself is whole.',
    ),

  keyFileMissing: () =>
    new AppError(
      'VAULT_DAMAGED',
      'The file that holds the lock of your vault is missing. Your recovery key can still open your vault.',
    ),

  madeByNewerVersion: () =>
    new AppError(
      'VAULT_DAMAGED',
      'This vault was made by a newer version of Saltwater. Please update the app to open it.',
    ),
};

import { z } from 'zod';

/** Every failure a contract method can report. The UI shows `message`; code is for logic. */
export const errorCodes = [
  'INVALID_INPUT',
  'NO_VAULT',
  'VAULT_EXISTS',
  'LOCKED',
  'WEAK_PASSPHRASE',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'THROTTLED',
  'VAULT_DAMAGED',
  'NOT_FOUND',
  'UNKNOWN_METHOD',
  /** A file could not be written or read: a full disk, no permission, a folder gone. */
  'FILE_PROBLEM',
  /** A backup was made but did not prove to be a faithful copy; it was removed. */
  'BACKUP_NOT_VERIFIED',
  /** A file chosen to restore is not a backup Saltwater can use (damaged, not a backup, from a newer version). */
  'BACKUP_UNUSABLE',
  /** Unlocking with the computer's keychain did not work this time; it is turned off and the passphrase is the way in. */
  'KEYCHAIN_FAILED',
  /** The computer's keychain can't keep Saltwater's key safely here (Linux without a keyring: plain text), or at all. */
  'KEYCHAIN_UNAVAILABLE',
  'INTERNAL',
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  /** When a retry becomes possible (throttled unlocks). */
  retryAfterMs: z.number().int().nonnegative().optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** Thrown by services; the router turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;
  constructor(code: ErrorCode, message: string, retryAfterMs?: number) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.retryAfterMs = retryAfterMs;
  }
  toShape(): AppErrorShape {
    return this.retryAfterMs === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, retryAfterMs: this.retryAfterMs };
  }
}

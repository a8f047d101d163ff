import { AppError } from '../../../preload/contract/index.ts';

/**
 * Every message the memory box can show, in one place so the tone stays the same: calm,
 * plain, no blame. None of them repeats a title, the words, or a passphrase.
 */

function inTime(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds >= 60) return 'in a minute';
  return seconds === 1 ? 'in a second' : `in ${seconds} seconds`;
}

export const memoryErrors = {
  notFound: () => new AppError('NOT_FOUND', 'That memory could not be found. It may have been removed.'),

  openingNotFound: () => new AppError('NOT_FOUND', 'That opening could not be found. Its memory may have been removed.'),

  sessionNotFound: () => new AppError('NOT_FOUND', 'That practice could not be found, so the memory stays sealed.'),

  sessionEnded: () =>
    new AppError('INVALID_INPUT', 'That practice has already ended. A memory is opened inside a practice that is still going.'),

  anotherOpen: () =>
    new AppError(
      'INVALID_INPUT',
      'Another memory is still open. One at a time is enough: close or reseal that one first.',
    ),

  alreadyEnded: () => new AppError('INVALID_INPUT', 'This opening has already ended. The memory is where you left it.'),

  passphraseNeeded: () =>
    new AppError('INVALID_INPUT', 'This memory has an extra seal. Type its passphrase to open it; it stays sealed until then.'),

  passphraseNeededToChange: () =>
    new AppError('INVALID_INPUT', 'This memory has an extra seal. Type its current passphrase to change its words or its seal.'),

  wrongPassphrase: (retryAfterMs: number) =>
    retryAfterMs > 0
      ? new AppError(
          'WRONG_PASSPHRASE',
          `That passphrase doesn't open this memory, so it stays sealed. Take your time; you can try again ${inTime(retryAfterMs)}.`,
          retryAfterMs,
        )
      : new AppError('WRONG_PASSPHRASE', "That passphrase doesn't open this memory, so it stays sealed. Take your time and try again."),

  throttled: (retryAfterMs: number) =>
    new AppError(
      'THROTTLED',
      `There have been a few tries in a row, so this memory rests for a moment. You can try again ${inTime(retryAfterMs)}.`,
      retryAfterMs,
    ),
};

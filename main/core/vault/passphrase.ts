import { limits } from '../../../preload/contract/index.ts';
import { vaultErrors } from './vault-errors.ts';

/**
 * The same passphrase can arrive as different bytes (an "é" typed on macOS vs Windows, or
 * pasted from another app). NFC makes them one, so a passphrase set on one machine opens
 * the vault on another.
 */
export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC');
}

/** Refuses a new passphrase that is too short; counted in characters a person sees, not UTF-16 units. */
export function assertAcceptablePassphrase(passphrase: string): void {
  const normalized = normalizePassphrase(passphrase);
  if ([...normalized].length < limits.passphraseMin) throw vaultErrors.weakPassphrase(limits.passphraseMin);
  if (normalized.length > limits.passphraseMax) throw vaultErrors.passphraseTooLong();
}

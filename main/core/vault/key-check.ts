import { createHmac, timingSafeEqual } from 'node:crypto';

const LABEL = 'saltwater/key-check/v1';

/**
 * A fingerprint of the data key stored beside it. It lets us tell "this recovery key is
 * wrong" apart from "the key is right but the database is damaged" without touching the
 * database at all. It reveals nothing useful: inverting it means guessing a 256-bit key.
 */
export function keyCheckFor(dataKey: Buffer): Buffer {
  return createHmac('sha256', dataKey).update(LABEL, 'utf8').digest();
}

export function matchesKeyCheck(dataKey: Buffer, keyCheck: Buffer): boolean {
  const expected = keyCheckFor(dataKey);
  return expected.length === keyCheck.length && timingSafeEqual(expected, keyCheck);
}

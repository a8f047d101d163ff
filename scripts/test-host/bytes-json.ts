/**
 * The test host carries calls as JSON, which has no bytes: a Uint8Array (a voice note's audio)
 * travels as {"$bytes": "<base64>"} and is turned back into bytes on the other side, so the
 * contract's Uint8Array fields reach the router as they would through Electron's structured clone.
 * Shared by the bridge (browser) and the server (Node), each with its own base64.
 */
export const BYTES_KEY = '$bytes';

type Tagged = { [BYTES_KEY]: string };

/** For JSON.stringify. It reads the raw value from its holder: a Node Buffer's toJSON runs before a replacer sees it. */
export function bytesReplacer(encode: (bytes: Uint8Array) => string) {
  return function (this: Record<string, unknown>, key: string, value: unknown): unknown {
    const raw = this[key];
    return raw instanceof Uint8Array ? ({ [BYTES_KEY]: encode(raw) } satisfies Tagged) : value;
  };
}

/** For JSON.parse. */
export function bytesReviver(decode: (base64: string) => Uint8Array) {
  return (_key: string, value: unknown): unknown => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const keys = Object.keys(value);
    const tagged = (value as Partial<Tagged>)[BYTES_KEY];
    return keys.length === 1 && typeof tagged === 'string' ? decode(tagged) : value;
  };
}

/** Node's base64, for the server. */
export const nodeBase64 = {
  encode: (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  decode: (base64: string): Uint8Array => Buffer.from(base64, 'base64'),
};

/** The browser's base64 (atob/btoa), in slices so a long note never builds one huge argument list. */
export const browserBase64 = {
  encode(bytes: Uint8Array): string {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  },
  decode(base64: string): Uint8Array {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  },
};

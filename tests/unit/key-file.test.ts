import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../main/core/vault/atomic-write.ts';
import { readKeyFile, writeKeyFile, type KeyFile } from '../../main/core/vault/key-file.ts';
import { expectAppError, makeTempDir } from '../helpers/vault-fixtures.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
});
afterEach(() => cleanup());

function sample(): KeyFile {
  return {
    format: 1,
    kdf: { N: 1024, r: 8, p: 1, salt: randomBytes(16) },
    wrapped: { iv: randomBytes(12), tag: randomBytes(16), data: randomBytes(32) },
    keyCheck: randomBytes(32),
    failedAttempts: 3,
    lastFailedAt: 1_700_000_000_000,
  };
}

describe('key file', () => {
  it('reads back exactly what it wrote, and null when there is none', () => {
    const file = path.join(dir, 'keys.json');
    expect(readKeyFile(file)).toBeNull();
    const keys = sample();
    writeKeyFile(file, keys);
    expect(readKeyFile(file)).toEqual(keys);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o077).toBe(0);
  });

  it('replaces the file atomically, leaving no temp files behind', () => {
    const file = path.join(dir, 'keys.json');
    writeKeyFile(file, sample());
    const second = sample();
    writeKeyFile(file, second);
    expect(readKeyFile(file)).toEqual(second);
    expect(fs.readdirSync(dir)).toEqual(['keys.json']);
  });

  it('cleans up its temp file and keeps the old content when the write fails', () => {
    const file = path.join(dir, 'keys.json');
    writeFileAtomic(file, 'old');
    // Renaming a file over a folder fails: the old content must stay, with no stray temp file.
    const blocked = path.join(dir, 'blocked');
    fs.mkdirSync(blocked);
    fs.writeFileSync(path.join(blocked, 'inside'), 'x');
    expect(() => writeFileAtomic(blocked, 'new')).toThrow();
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir).sort()).toEqual(['blocked', 'keys.json']);
  });

  it('calls a malformed file damaged, with a message that points to the recovery key', async () => {
    const file = path.join(dir, 'keys.json');
    fs.writeFileSync(file, '{"format": 1');
    const error = await expectAppError(() => readKeyFile(file), 'VAULT_DAMAGED');
    expect(error.message).toMatch(/recovery key/);
  });
});

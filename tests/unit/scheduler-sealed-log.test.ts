import { readFileSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSealKeys, seal, SealedLog, unseal } from '../../main/core/scheduler/sealed-log.ts';
import { makeTempDir } from '../helpers/vault-fixtures.ts';

let tmp: { dir: string; cleanup: () => void };
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

describe('sealed log for changes made while the vault is locked', () => {
  it('only the private key opens a record; a changed byte or another key gets nothing', () => {
    const keys = newSealKeys();
    const record = seal(keys.publicKey, '{"state":"fired"}');
    expect(unseal(keys.privateKey, record)).toBe('{"state":"fired"}');
    expect(unseal(newSealKeys().privateKey, record)).toBeNull();
    const bytes = Buffer.from(record, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(unseal(keys.privateKey, bytes.toString('base64'))).toBeNull();
    // Two seals of the same text differ: nothing to compare between records.
    expect(seal(keys.publicKey, 'same')).not.toBe(seal(keys.publicKey, 'same'));
  });

  it('appends records in order, holds no plain text, is private to the user, and clears', () => {
    const keys = newSealKeys();
    const log = new SealedLog(join(tmp.dir, 'scheduler.sealed'));
    expect(log.read(keys.privateKey)).toEqual({ records: [], unreadable: 0 });
    log.append(keys.publicKey, 'first: Time for your reflection');
    log.append(keys.publicKey, 'second');
    expect(readFileSync(log.file, 'utf8')).not.toMatch(/first|second|reflection/);
    if (process.platform !== 'win32') expect(statSync(log.file).mode & 0o777).toBe(0o600);
    expect(log.read(keys.privateKey)).toEqual({ records: ['first: Time for your reflection', 'second'], unreadable: 0 });
    log.clear();
    expect(log.read(keys.privateKey)).toEqual({ records: [], unreadable: 0 });
  });

  it('a record cut short by a crash is dropped; the ones around it still read', () => {
    const keys = newSealKeys();
    const log = new SealedLog(join(tmp.dir, 'scheduler.sealed'));
    log.append(keys.publicKey, 'before');
    appendFileSync(log.file, seal(keys.publicKey, 'torn').slice(0, 30));
    log.append(keys.publicKey, 'after');
    expect(log.read(keys.privateKey)).toEqual({ records: ['before', 'after'], unreadable: 1 });
    writeFileSync(log.file, 'not base64 at all ###\n');
    expect(log.read(keys.privateKey)).toEqual({ records: [], unreadable: 1 });
  });
});

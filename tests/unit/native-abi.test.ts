import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { abiOfBinary, assertAbi, checkNodeBuild, NativeBuildError } from '../../scripts/native.mjs';

describe('native module ABI check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'saltwater-abi-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the ABI the installed SQLite module was built for', () => {
    const file = checkNodeBuild();
    expect(abiOfBinary(file)).toBe(Number(process.versions.modules));
  });

  it('fails loudly when a build meant for Electron came out for Node', () => {
    const file = checkNodeBuild();
    // Electron 45's ABI is 150; a silent fallback to Node's headers gives this Node's ABI instead.
    expect(() => assertAbi(file, 150, 'Electron 45.4.1')).toThrow(NativeBuildError);
    expect(() => assertAbi(file, 150, 'Electron 45.4.1')).toThrow(/built for ABI \d+, but Electron 45\.4\.1 needs ABI 150/);
  });

  it('refuses a file that is not a native module', () => {
    const file = join(dir, 'fake.node');
    writeFileSync(file, 'not a binary');
    expect(() => abiOfBinary(file)).toThrow(/does not look like a Node native module/);
  });
});

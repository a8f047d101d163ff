import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compare, readAllowList, type AllowedFinding, type Finding } from '../../scripts/security/electronegativity-scan.ts';

const root = resolve(import.meta.dirname, '../..');

describe('Electronegativity', () => {
  it('finds nothing beyond the reviewed allow-list, offline (npm run lint:electron)', async () => {
    // Its own process: the scan blocks sockets and stubs modules, which must not leak into other tests.
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(root, 'scripts/security/electronegativity.ts')], { cwd: root, timeout: 60_000 });
    expect(stdout).toMatch(/all reviewed/);
  }, 90_000);

  it('every allow-list entry gives its reason', () => {
    for (const entry of readAllowList()) expect(entry.reason.length, `${entry.id} ${entry.file}`).toBeGreaterThan(40);
  });

  it('a finding not on the list fails, and an entry nothing matches is reported stale', () => {
    const allowed: AllowedFinding[] = [{ id: 'A', file: 'main/app/window.ts', reason: 'r' }, { id: 'B', file: 'x.ts', reason: 'r' }];
    const findings: Finding[] = [
      { id: 'A', file: 'main/app/window.ts', line: 3, description: '' },
      { id: 'A', file: 'main/app/other.ts', line: 1, description: '' },
    ];
    const { unexpected, stale } = compare(findings, allowed);
    expect(unexpected.map((f) => f.file)).toEqual(['main/app/other.ts']);
    expect(stale.map((a) => a.id)).toEqual(['B']);
  });
});

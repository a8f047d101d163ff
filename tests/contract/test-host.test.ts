import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../scripts/test-host/server.ts';

/** The test host must only answer its own token on loopback and serve nothing outside the renderer. */
describe('test host', () => {
  let host: TestHost;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'saltwater-host-'));
    host = await startTestHost({ dataDir: join(dir, 'vault'), rendererDir: join(dir, 'renderer'), kdf: { N: 1024, r: 8, p: 1 } });
  });
  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only', () => {
    expect(host.boundAddress).toBe('127.0.0.1');
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    const none = await fetch(`${host.url}/__test-host/call/vault.status`, { method: 'POST' });
    expect(none.status).toBe(401);
    const wrong = await fetch(`${host.url}/__test-host/call/vault.status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${'x'.repeat(host.token.length)}` },
    });
    expect(wrong.status).toBe(401);
  });

  it('answers the contract with the token', async () => {
    const response = await fetch(`${host.url}/__test-host/call/vault.status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}` },
      body: '{}',
    });
    expect(await response.json()).toEqual({ ok: true, value: { state: 'new', retryAfterMs: 0 } });
  });

  it('does not hand out the page without the token', async () => {
    const response = await fetch(`${host.url}/`);
    expect(response.status).toBe(403);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../scripts/test-host/server.ts';
import { browserBase64, bytesReplacer, bytesReviver, nodeBase64 } from '../../scripts/test-host/bytes-json.ts';

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

  it('carries bytes both ways (a voice note\'s audio), as the bridge sends them', async () => {
    const call = async (method: string, input?: unknown) => {
      const response = await fetch(`${host.url}/__test-host/call/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${host.token}` },
        body: JSON.stringify({ input }, bytesReplacer(browserBase64.encode)),
      });
      const result = JSON.parse(await response.text(), bytesReviver(browserBase64.decode)) as { ok: boolean; value: unknown };
      expect(result.ok, `${method}: ${JSON.stringify(result)}`).toBe(true);
      return result.value as Record<string, unknown>;
    };
    await call('vault.create', { passphrase: 'a long enough passphrase' });
    const entry = await call('journal.create', { body: 'spoken' });
    const audio = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    const note = await call('voice.begin', { entryId: entry.id, mimeType: 'audio/webm;codecs=opus', chunk: audio, durationMs: 1000 });
    const played = await call('voice.audio', { id: note.id });
    expect(played.audio).toBeInstanceOf(Uint8Array);
    expect([...(played.audio as Uint8Array)]).toEqual([...audio]);
  });
});

describe('bytes in the test host\'s JSON', () => {
  it('round-trip with either base64, a Node Buffer too, and leave everything else alone', () => {
    const value = { a: new Uint8Array([0, 255, 7]), b: Buffer.from([1, 2]), c: { $bytes: 5 }, d: [{ $bytes: 'AA==', x: 1 }], e: 'text' };
    for (const [encode, decode] of [
      [nodeBase64.encode, nodeBase64.decode],
      [browserBase64.encode, browserBase64.decode],
      [nodeBase64.encode, browserBase64.decode],
    ] as const) {
      const back = JSON.parse(JSON.stringify(value, bytesReplacer(encode)), bytesReviver(decode)) as Record<string, unknown>;
      expect([...(back.a as Uint8Array)]).toEqual([0, 255, 7]);
      expect([...(back.b as Uint8Array)]).toEqual([1, 2]);
      expect(back.c).toEqual({ $bytes: 5 });
      expect(back.d).toEqual([{ $bytes: 'AA==', x: 1 }]);
      expect(back.e).toBe('text');
    }
  });
});

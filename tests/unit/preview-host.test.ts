import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../scripts/test-host/server.ts';

/** `npm run preview` is offered to people: its host is attack surface on their computer too. */
describe('preview host hardening', () => {
  let dir: string;
  let host: TestHost;
  let port: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'saltwater-preview-'));
    host = await startTestHost({ dataDir: join(dir, 'data/vault'), rendererDir: join(dir, 'renderer'), kdf: { N: 1024, r: 8, p: 1 }, slowRequestMs: 400, testDialogs: true });
    port = Number(new URL(host.url).port);
  });
  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A raw request, so Host, Origin and the body are exactly what the test says. */
  const send = (options: { path: string; method?: string; headers?: Record<string, string | number>; body?: string | Buffer }) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers, setHost: !options.headers?.host }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      // The server may answer (413) and close before the whole body is written: that is fine.
      req.on('error', (error) => (req.writableEnded ? undefined : reject(error)));
      req.end(options.body);
    });
  const auth = () => ({ authorization: `Bearer ${host.token}`, 'content-type': 'application/json' });

  it('answers its own address', async () => {
    expect((await send({ path: '/__test-host/call/vault.status', method: 'POST', headers: { ...auth(), host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` }, body: '{}' })).status).toBe(200);
  });

  // PORT is the host's own port, NEXT the one after it (known only once it listens).
  const withPort = (text: string) => text.replace('PORT', String(port)).replace('NEXT', String(port + 1));

  it.each(['evil.example:PORT', 'localhost:PORT', '127.0.0.1:NEXT', '127.0.0.1', '[::1]:PORT'])('refuses Host %s (DNS rebinding)', async (hostHeader) => {
    const response = await send({ path: '/__test-host/call/vault.status', method: 'POST', headers: { ...auth(), host: withPort(hostHeader) }, body: '{}' });
    expect(response.status).toBe(403);
    expect(response.body).not.toContain('"ok"');
  });

  it.each(['http://evil.example', 'http://localhost:PORT', 'https://127.0.0.1:PORT', 'null'])('refuses Origin %s', async (origin) => {
    const response = await send({ path: '/__test-host/call/vault.status', method: 'POST', headers: { ...auth(), origin: withPort(origin) }, body: '{}' });
    expect(response.status).toBe(403);
  });

  it('refuses the page itself to a rebound name, token or not', async () => {
    expect((await send({ path: `/?token=${host.token}`, headers: { host: withPort('evil.example:PORT') } })).status).toBe(403);
  });

  it('answers an oversized body with 413, announced or not', async () => {
    const announced = await send({ path: '/__test-host/call/vault.status', method: 'POST', headers: { ...auth(), 'content-length': 5 * 1024 * 1024 }, body: '{}' });
    expect(announced.status).toBe(413);
    const sent = await send({ path: '/__test-host/dialog', method: 'POST', headers: { ...auth(), 'transfer-encoding': 'chunked' }, body: Buffer.alloc(4 * 1024 * 1024 + 10, 0x20) });
    expect(sent.status).toBe(413);
  });

  it.each(['not json', 'null', '[1]', '"x"', ''])('answers a malformed test-hook body %j with 400, not 500', async (body) => {
    expect((await send({ path: '/__test-host/dialog', method: 'POST', headers: auth(), body })).status).toBe(400);
    expect((await send({ path: '/__test-host/clock/advance', method: 'POST', headers: auth(), body })).status).toBeOneOf([400, 409]);
  });

  it('takes dialog answers only when started for tests: in a preview the page can never name a file', async () => {
    const preview = await startTestHost({ dataDir: join(dir, 'preview/vault'), rendererDir: join(dir, 'renderer'), kdf: { N: 1024, r: 8, p: 1 } });
    try {
      const url = new URL(preview.url);
      const answer = await fetch(`${preview.url}/__test-host/dialog`, {
        method: 'POST',
        headers: { authorization: `Bearer ${preview.token}`, host: url.host },
        body: JSON.stringify({ answer: '/etc' }),
      });
      expect(answer.status).toBe(409);
    } finally {
      await preview.close();
    }
  });

  it('still takes a well-formed dialog answer', async () => {
    expect(await send({ path: '/__test-host/dialog', method: 'POST', headers: auth(), body: JSON.stringify({ answer: null }) })).toEqual({ status: 200, body: 'null' });
  });

  it('times out a request whose body never arrives', async () => {
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST /__test-host/dialog HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${host.token}\r\nContent-Length: 100\r\n\r\n{"answer"`);
      });
      let text = '';
      socket.on('data', (c) => (text += c.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('keeps its data folder to this user (0700)', () => {
    if (process.platform === 'win32') return;
    expect(statSync(join(dir, 'data/vault')).mode & 0o777).toBe(0o700);
  });
});

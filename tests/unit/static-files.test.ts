import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, resolveStaticFile } from '../../main/core/static-files.ts';
import { startTestHost, type TestHost } from '../../scripts/test-host/server.ts';

const root = '/srv/app/renderer';

describe('resolveStaticFile', () => {
  it('maps paths inside the folder', () => {
    expect(resolveStaticFile(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticFile(root, '/assets/index-1.js')).toBe(join(root, 'assets/index-1.js'));
    expect(resolveStaticFile(root, '/assets/a%20b.css')).toBe(join(root, 'assets/a b.css'));
  });

  it.each([
    '/../keys.json',
    '/%2e%2e/keys.json',
    '/assets/%2e%2e/%2e%2e/keys.json',
    '/..%2fkeys.json',
    '/..%5ckeys.json',
    '/assets\\..\\..\\keys.json',
    '/%E0%A4%A', // malformed escape
    '/index.html%00.js',
  ])('refuses %s', (path) => {
    expect(resolveStaticFile(root, path)).toBeNull();
  });

  it('names content types by extension', () => {
    expect(contentTypeOf('a/index.html')).toMatch(/^text\/html/);
    expect(contentTypeOf('x.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('x.exe')).toBe('application/octet-stream');
  });
});

/** The same rule over a real socket, with raw paths that fetch() would have tidied up. */
describe('test host static files', () => {
  let dir: string;
  let host: TestHost;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'saltwater-static-'));
    mkdirSync(join(dir, 'renderer/assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer/assets/app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder');
    host = await startTestHost({ dataDir: join(dir, 'vault'), rendererDir: join(dir, 'renderer'), kdf: { N: 1024, r: 8, p: 1 } });
  });
  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const { port } = new URL(host.url);
      const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('serves a file inside the folder', async () => {
    expect(await get('/assets/app.js')).toEqual({ status: 200, body: 'console.log(1)' });
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt'])(
    'never serves %s from outside',
    async (path) => {
      const { status, body } = await get(path);
      expect(status).toBe(404);
      expect(body).not.toContain('outside the renderer folder');
    },
  );
});

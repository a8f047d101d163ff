import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { policyOfPage } from '../../main/app/csp.ts';
import { createFakeElectron, type FakeElectron } from './fake-electron.ts';

const POLICY = "default-src 'none'; script-src 'self'";
const page = (meta: string) => `<!doctype html><html><head>${meta}<title>t</title></head><body></body></html>`;

async function serve(rendererDir: string, vaultLocked: () => boolean = () => false): Promise<FakeElectron> {
  const fake = createFakeElectron({ userData: rendererDir, appPath: rendererDir });
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  const { registerAppScheme, serveRenderer } = await import('../../main/app/protocol.ts');
  registerAppScheme();
  fake.app.becomeReady();
  serveRenderer(rendererDir, vaultLocked);
  return fake;
}

/** main/app/protocol.ts: app://saltwater/ serves the built renderer and nothing else. */
describe('the app:// protocol', () => {
  let dir: string;
  let fake: FakeElectron;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'saltwater-protocol-'));
    mkdirSync(join(dir, 'renderer/assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer/index.html'), page(`<meta http-equiv="Content-Security-Policy" content="${POLICY}" />`));
    writeFileSync(join(dir, 'renderer/assets/app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'renderer/assets/app.css'), 'body{}');
    writeFileSync(join(dir, 'renderer/assets/font.woff2'), 'w');
    writeFileSync(join(dir, 'renderer/assets/blob.bin'), 'b');
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder');
    fake = await serve(join(dir, 'renderer'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is registered as a standard, secure scheme before ready, without bypassing CSP, its code cached between starts', () => {
    expect(fake.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false, codeCache: true } }]);
  });

  it.each([
    ['/index.html', 'text/html; charset=utf-8'],
    ['/', 'text/html; charset=utf-8'],
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/app.css', 'text/css; charset=utf-8'],
    ['/assets/font.woff2', 'font/woff2'],
    ['/assets/blob.bin', 'application/octet-stream'],
  ])('serves %s as %s, with nosniff and the page policy', async (path, type) => {
    const response = await fake.protocol.fetch(`app://saltwater${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe(POLICY);
  });

  it.each([
    'app://saltwater/%2e%2e/secret.txt',
    'app://saltwater/assets/%2e%2e/%2e%2e/secret.txt',
    'app://saltwater/..%2fsecret.txt',
    'app://saltwater/..%5csecret.txt',
    'app://saltwater/assets/..%5c..%5csecret.txt',
    'app://saltwater/index.html%00.js',
    'app://saltwater/missing.js',
    'app://other/index.html',
    'app://saltwater.example.com/index.html',
  ])('refuses %s', async (url) => {
    const response = await fake.protocol.fetch(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the renderer folder');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the lock screen ready-made for the start page while the vault is locked, and the plain page otherwise', async () => {
    const built = mkdtempSync(join(tmpdir(), 'saltwater-protocol-locked-'));
    try {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${POLICY}" />`;
      writeFileSync(join(built, 'index.html'), page(meta).replace('<body>', '<body>plain'));
      let locked = true;
      const other = await serve(built, () => locked);
      // A build without locked.html: the plain page, even while locked.
      expect(await (await other.protocol.fetch('app://saltwater/')).text()).toContain('plain');
      writeFileSync(join(built, 'locked.html'), page(meta).replace('<body>', '<body>ready-made'));
      for (const path of ['/', '/index.html']) {
        const response = await other.protocol.fetch(`app://saltwater${path}`);
        expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(response.headers.get('content-security-policy')).toBe(POLICY);
        expect(await response.text()).toContain('ready-made');
      }
      locked = false;
      expect(await (await other.protocol.fetch('app://saltwater/')).text()).toContain('plain');
    } finally {
      rmSync(built, { recursive: true, force: true });
    }
  });

  it('serves nothing when the built page carries no policy', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'saltwater-protocol-bare-'));
    try {
      writeFileSync(join(bare, 'index.html'), page(''));
      writeFileSync(join(bare, 'app.js'), 'console.log(1)');
      const other = await serve(bare);
      expect((await other.protocol.fetch('app://saltwater/index.html')).status).toBe(500);
      expect((await other.protocol.fetch('app://saltwater/app.js')).status).toBe(500);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe('policyOfPage', () => {
  it('reads the policy from the meta tag, whatever the quoting or attribute order', () => {
    expect(policyOfPage(page(`<meta http-equiv="Content-Security-Policy" content="${POLICY}">`))).toBe(POLICY);
    expect(policyOfPage(page(`<meta content="${POLICY}" http-equiv='content-security-policy' />`))).toBe(POLICY);
    expect(policyOfPage(page('<meta name="viewport" content="width=device-width">'))).toBeNull();
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, type Page } from '@playwright/test';

export interface HostOptions {
  idleLockMs?: number;
}

export interface RunningHost {
  url: string;
  appUrl: string;
  dataDir: string;
  /** Every request the page made that left loopback (must stay empty). */
  externalRequests: string[];
}

const root = resolve(import.meta.dirname, '../..');

/** Starts the test host (built renderer + real services + a real vault in a temp folder). */
export async function startHost(options: HostOptions = {}): Promise<{ host: RunningHost; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'saltwater-e2e-'));
  const args = ['--import', 'tsx', join(root, 'scripts/test-host/cli.ts'), '--json', '--data-dir', dataDir];
  if (options.idleLockMs) args.push('--idle-lock-ms', String(options.idleLockMs));
  const child: ChildProcess = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolveLine, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolveLine);
    child.once('exit', (code) => reject(new Error(`test host exited with ${code}`)));
  });
  const { url, appUrl } = JSON.parse(line) as { url: string; appUrl: string };
  return {
    host: { url, appUrl, dataDir, externalRequests: [] },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the app and records any request that does not go to the test host. */
export async function openApp(page: Page, host: RunningHost): Promise<void> {
  page.on('request', (request) => {
    if (!request.url().startsWith(host.url) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) {
      host.externalRequests.push(request.url());
    }
  });
  await page.goto(host.appUrl);
}

export const test = base.extend<{ hostOptions: HostOptions; host: RunningHost }>({
  hostOptions: [{}, { option: true }],
  host: async ({ hostOptions }, use) => {
    const { host, stop } = await startHost(hostOptions);
    await use(host);
    await stop();
  },
});

export { expect } from '@playwright/test';

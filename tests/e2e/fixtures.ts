import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type Page } from '@playwright/test';

export interface HostOptions {
  idleLockMs?: number;
  /** Sessions run this many times faster; the page also gets its test hooks. */
  sessionSpeed?: number;
  /** The services run on a manual clock starting here (ISO time); see advanceClock. */
  fakeClock?: string;
  /** The computer's region as the OS would report it (two letters), for crisis lines. */
  region?: string;
  /** Reuse a vault folder (to restart the host on the same vault); it is then not deleted. */
  dataDir?: string;
  /** A test-only stand-in for the computer's keychain (scripts/test-host/test-keychain.ts); none by default. */
  keychain?: 'available' | 'plain-text';
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
export async function startHost(options: HostOptions = {}): Promise<{ host: RunningHost; stop: (signal?: NodeJS.Signals) => Promise<void> }> {
  // The vault in a folder of its own, so its backups (beside it) stay in this test's temp folder.
  const dataDir = options.dataDir ?? join(mkdtempSync(join(tmpdir(), 'saltwater-e2e-')), 'vault');
  const args = ['--import', 'tsx', join(root, 'scripts/test-host/cli.ts'), '--json', '--test-dialogs', '--data-dir', dataDir];
  if (options.idleLockMs) args.push('--idle-lock-ms', String(options.idleLockMs));
  if (options.sessionSpeed) args.push('--session-speed', String(options.sessionSpeed));
  if (options.fakeClock) args.push('--fake-clock', options.fakeClock);
  if (options.region) args.push('--region', options.region);
  if (options.keychain) args.push('--test-keychain', options.keychain);
  const child: ChildProcess = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolveLine, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolveLine);
    child.once('exit', (code) => reject(new Error(`test host exited with ${code}`)));
  });
  const { url, appUrl } = JSON.parse(line) as { url: string; appUrl: string };
  return {
    host: { url, appUrl, dataDir, externalRequests: [] },
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill(signal);
        // A host that does not go within 5 s is killed, so a hang never eats a test's time.
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(force);
      }
      if (!options.dataDir) rmSync(dirname(dataDir), { recursive: true, force: true });
    },
  };
}

/**
 * Everything the Content-Security-Policy refuses on the page from its first script on: the
 * `securitypolicyviolation` events and the console's reports of them. Call before the page loads.
 */
export async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) logged.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
  });
  return async () => [...logged, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
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

export const PASSPHRASE = 'quiet water at dusk';

/** Moves the services' manual clock forward (hosts started with fakeClock). */
export async function advanceClock(host: RunningHost, ms: number): Promise<void> {
  const token = new URL(host.appUrl).searchParams.get('token');
  const response = await fetch(`${host.url}/__test-host/clock/advance`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify({ ms }),
  });
  if (!response.ok) throw new Error(`advancing the clock failed: ${response.status}`);
}

/** Says what the next OS file dialog answers: a path, or null for Cancel. */
export async function answerDialog(host: RunningHost, answer: string | null): Promise<void> {
  const token = new URL(host.appUrl).searchParams.get('token');
  const response = await fetch(`${host.url}/__test-host/dialog`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify({ answer }),
  });
  if (!response.ok) throw new Error(`answering the dialog failed: ${response.status}`);
}

/** Presses the tray's "Quick note…" (Electron only; the host sends the page what main would). */
export async function pressTrayQuickNote(host: RunningHost): Promise<void> {
  const token = new URL(host.appUrl).searchParams.get('token');
  const response = await fetch(`${host.url}/__test-host/tray/quick-note`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`pressing the tray's quick note failed: ${response.status}`);
}

/** What the app handed to the OS so far: links and mail/SMS addresses opened, texts copied. */
export async function handoffs(host: RunningHost): Promise<{ opened: string[]; copied: string[] }> {
  const token = new URL(host.appUrl).searchParams.get('token');
  const response = await fetch(`${host.url}/__test-host/handoffs`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`reading the hand-offs failed: ${response.status}`);
  return (await response.json()) as { opened: string[]; copied: string[] };
}

/** First run through the UI; returns the recovery key exactly as shown. */
export async function createVault(page: Page, passphrase = PASSPHRASE): Promise<string> {
  await page.getByRole('button', { name: "Let's begin" }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Repeat passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create my journal' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
  const groups = await page.getByRole('region', { name: 'The key, in 17 groups' }).getByRole('listitem').allTextContents();
  const key = groups.map((g) => /Group \d+:\s*([0-9A-F]{4})/.exec(g)![1]!);
  await page.getByRole('button', { name: "I've saved it, continue" }).click();
  // Type back the two groups it asks for.
  for (const field of await page.getByRole('textbox', { name: /^Group \d+$/ }).all()) {
    const label = (await field.getAttribute('aria-label')) ?? (await field.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ''));
    const n = Number(/Group (\d+)/.exec(label)![1]);
    await field.fill(key[n - 1]!);
  }
  await page.getByRole('button', { name: 'Open my journal' }).click();
  await expect(page.getByRole('heading', { name: 'Journal', exact: true })).toBeVisible();
  return key.join('-');
}

export async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Journal', exact: true })).toBeVisible();
}

/** Calls the app's own API in the page, as the renderer does (setting things up quickly). */
export async function callApi(page: Page, method: string, input?: unknown) {
  return page.evaluate(
    async ([m, i]) => {
      const [domain, name] = (m as string).split('.') as [string, string];
      const api = (window as unknown as { saltwater: Record<string, Record<string, (input?: unknown) => Promise<{ ok: boolean }>>> }).saltwater;
      const result = await api[domain]![name]!(i);
      if (!result.ok) throw new Error(`${m as string} failed: ${JSON.stringify(result)}`);
    },
    [method, input] as const,
  );
}

/** Chooses a date ("2026-11-22") in one of the app's date fields (a group named by its legend). */
export async function chooseDate(page: Page, legend: string, date: string) {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const field = page.getByRole('group', { name: legend, exact: true });
  const year = field.getByRole('spinbutton', { name: 'Year' });
  await year.fill(String(y));
  await year.blur();
  await field.getByRole('combobox', { name: 'Month' }).selectOption(String(m));
  await field.getByRole('combobox', { name: 'Day' }).selectOption(String(d));
}

/** Chooses a time ("20:00", 24-hour) in one of the app's time fields, on whichever clock it shows. */
export async function chooseTime(page: Page, legend: string, time: string) {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const field = page.getByRole('group', { name: legend, exact: true });
  const period = field.getByRole('combobox', { name: 'Morning or afternoon' });
  if (await period.count()) {
    await period.selectOption(h >= 12 ? 'pm' : 'am');
    await field.getByRole('combobox', { name: 'Hour' }).selectOption(String(h % 12 || 12));
  } else {
    await field.getByRole('combobox', { name: 'Hour' }).selectOption(String(h));
  }
  await field.getByRole('combobox', { name: 'Minutes' }).selectOption(String(m));
}

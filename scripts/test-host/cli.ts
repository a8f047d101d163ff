/**
 * `npm run preview`: try the app in a browser against real services and a real vault.
 * Flags: --data-dir DIR (default .preview/vault), --port N, --idle-lock-ms N, --fast-kdf,
 * --session-speed N (sessions run N× faster, with test hooks), --fake-clock ISO-TIME (services on a
 * manual clock; POST /__test-host/clock/advance {ms} with the token moves it), --region CC (the
 * computer's region as the OS would report it, for crisis lines), --test-dialogs (tests say what
 * the OS file dialogs answer, POST /__test-host/dialog), --test-keychain available|plain-text|unavailable
 * (a test-only stand-in for the computer's keychain, see test-keychain.ts), --bridge-at-document-start
 * (benches: the page without the bridge's script tag; the browser runs it as an init script), --json
 * With --json it prints one line {"url","appUrl"} for tests and keeps running until killed.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fastKdf, startTestHost } from './server.ts';
import { parseTestKeychain, testOnlyKeyProtector } from './test-keychain.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: resolve(import.meta.dirname, '../../.preview/vault') },
    port: { type: 'string', default: '0' },
    'idle-lock-ms': { type: 'string' },
    'fast-kdf': { type: 'boolean', default: false },
    'session-speed': { type: 'string' },
    'fake-clock': { type: 'string' },
    region: { type: 'string' },
    'test-dialogs': { type: 'boolean', default: false },
    'test-keychain': { type: 'string' },
    'bridge-at-document-start': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

const dataDir = resolve(values['data-dir']);
mkdirSync(dataDir, { recursive: true });
const host = await startTestHost({
  dataDir,
  port: Number(values.port),
  idleLockMsOverride: values['idle-lock-ms'] ? Number(values['idle-lock-ms']) : undefined,
  kdf: values['fast-kdf'] ? fastKdf : undefined,
  sessionSpeed: values['session-speed'] ? Number(values['session-speed']) : undefined,
  fakeClockStart: values['fake-clock'] ? Date.parse(values['fake-clock']) : undefined,
  region: values.region ? () => values.region! : undefined,
  testDialogs: values['test-dialogs'],
  bridgeAtDocumentStart: values['bridge-at-document-start'],
  ...(values['test-keychain'] ? { keyProtector: testOnlyKeyProtector(parseTestKeychain(values['test-keychain'])) } : {}),
});

if (values.json) {
  process.stdout.write(`${JSON.stringify({ url: host.url, appUrl: host.appUrl })}\n`);
} else {
  console.log(`Saltwater is running for this browser session only (loopback, private token).`);
  console.log(`Open: ${host.appUrl}`);
  console.log(`Vault folder: ${dataDir}`);
  console.log('Press Ctrl+C to stop.');
}

const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

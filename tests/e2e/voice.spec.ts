import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { chromiumLaunchOptions, launchChromium } from '../../scripts/chromium.ts';
import { expectAccessible } from './axe.ts';
import { createVault, expect, openApp, test, type RunningHost } from './fixtures.ts';

/**
 * Say it aloud, end to end: Chromium's fake microphone plays a WAV made here (a gliding tone, so
 * the recording is never silence), MediaRecorder records it as Opus, the real services keep it in
 * the real encrypted vault. Only this spec gets the fake-device flags.
 */
function toneWav(seconds: number): Buffer {
  const rate = 48_000;
  const samples = rate * seconds;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    const pitch = 220 + 180 * Math.sin(Math.PI * t);
    data.writeInt16LE(Math.round(12_000 * Math.sin(2 * Math.PI * pitch * t)), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16); // PCM header size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); // bytes a second
  header.writeUInt16LE(2, 32); // bytes a sample
  header.writeUInt16LE(16, 34); // bits a sample
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const wavFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'saltwater-voice-')), 'speech.wav');
fs.writeFileSync(wavFile, toneWav(4));

const fakeMicrophone = ['--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wavFile}`];
test.use({
  hostOptions: { sessionSpeed: 30 },
  // The fake "allow" answer, as if the person (and Electron's permission handler) said yes.
  launchOptions: chromiumLaunchOptions([...fakeMicrophone, '--use-fake-ui-for-media-stream']),
});

type Note = { id: number; entryId: number; durationMs: number; bytes: number };

async function api<T>(page: Page, method: string, input?: unknown): Promise<T> {
  return page.evaluate(
    async ([m, i]) => {
      const [ns, name] = (m as string).split('.') as [string, string];
      const saltwater = (window as unknown as { saltwater: Record<string, Record<string, (input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>>> }).saltwater;
      const result = await saltwater[ns]![name]!(i);
      if (!result.ok) throw new Error(`${m as string}: ${JSON.stringify(result.error)}`);
      // Bytes come back as an array of numbers (page.evaluate carries no Uint8Array).
      return result.value instanceof Object && 'audio' in result.value ? { ...result.value, audio: [...(result.value.audio as Uint8Array)] } : result.value;
    },
    [method, input] as const,
  ) as Promise<T>;
}

/** Every file under the test's folder (the vault, its WAL, keys, backups) that holds `run`. */
function filesHolding(host: RunningHost, run: Buffer): string[] {
  const root = path.dirname(host.dataDir);
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((name) => {
    const full = path.join(root, name);
    return fs.statSync(full).isFile() && fs.readFileSync(full).includes(run);
  });
}

test('a voice note in the journal: recorded, played back, kept encrypted, and deleted for good', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await page.getByRole('button', { name: 'New entry' }).click();
  await page.getByRole('textbox', { name: /Whatever is here/ }).or(page.getByPlaceholder('Whatever is here right now. A single word is enough.')).fill('I said it out loud.');

  const record = page.getByRole('button', { name: 'Record' });
  await expect(page.getByText(/Up to 30 minutes\. The microphone is asked for only when you press Record/)).toBeVisible();
  await record.click();
  // A clear indicator, with the time so far; the same button now stops, and keeps the focus.
  await expect(page.getByText('Recording', { exact: true })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText(/0:0[2-9]/, { timeout: 10_000 });
  const stop = page.getByRole('button', { name: 'Stop recording' });
  await expect(stop).toBeFocused();
  await expectAccessible(page, 'the journal editor while recording');
  await stop.click();
  await expect(page.getByRole('status').filter({ hasText: /Your voice note is saved/ })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Record' })).toBeFocused();
  await expect(page.getByText('Voice note 1')).toBeVisible();

  // Kept in the vault with its entry, as Opus in WebM.
  const [entry] = await api<{ id: number; voiceNotes?: number }[]>(page, 'journal.list', {});
  expect(entry!.voiceNotes).toBe(1);
  const [note] = await api<Note[]>(page, 'voice.list', { entryId: entry!.id });
  expect(note!.durationMs).toBeGreaterThan(1500);
  const { audio, mimeType } = await api<{ audio: number[]; mimeType: string }>(page, 'voice.audio', { id: note!.id });
  expect(mimeType).toBe('audio/webm;codecs=opus');
  expect(audio).toHaveLength(note!.bytes);
  expect(audio.slice(0, 4)).toEqual([0x1a, 0x45, 0xdf, 0xa3]); // EBML: a WebM file
  // Encrypted at rest: no run of its bytes (from the middle, past the header every WebM shares) is in any file.
  const middle = Buffer.from(audio.slice(Math.floor(audio.length / 2), Math.floor(audio.length / 2) + 48));
  const late = Buffer.from(audio.slice(audio.length - 400, audio.length - 352));
  expect(filesHolding(host, middle)).toEqual([]);
  expect(filesHolding(host, late)).toEqual([]);

  // Listen: it plays, from the page's own bytes.
  await page.getByRole('button', { name: 'Listen to voice note 1' }).click();
  await expect(page.getByRole('button', { name: 'Pause voice note 1' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.querySelector('audio')?.currentTime ?? 0), { timeout: 10_000 }).toBeGreaterThan(0.3);
  expect(await page.evaluate(() => document.querySelector('audio')?.error)).toBeNull();
  await page.getByRole('button', { name: 'Pause voice note 1' }).click();

  // Delete, for good, after a plain question (the safe answer has the focus).
  await page.getByRole('button', { name: 'Delete voice note 1' }).click();
  await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.getByRole('button', { name: 'Delete it for good' }).click();
  await expect(page.getByText('Voice note 1')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Record' })).toBeFocused();
  expect(await api<Note[]>(page, 'voice.list', { entryId: entry!.id })).toEqual([]);
  expect(host.externalRequests).toEqual([]);
});

test('in a practice, Stop also stops a recording and keeps what was said, with the session’s entry', async ({ page, host }) => {
  await openApp(page, host);
  await createVault(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Practices' }).click();
  await page.getByRole('button', { name: 'Start Keep talking through tears' }).click();
  await page.getByRole('button', { name: 'Begin' }).click();
  // On to the speak step: timed steps run 30× faster, the others wait for Next (or Skip).
  const speak = page.getByRole('heading', { name: 'Keep going, out loud' });
  await expect(async () => {
    if (!(await speak.isVisible())) {
      await page.getByRole('button', { name: /^(Next|Skip)$/ }).click({ timeout: 1000 });
      expect(await speak.isVisible()).toBe(true);
    }
  }).toPass({ timeout: 40_000 });

  await page.getByRole('button', { name: 'Record' }).click();
  await expect(page.getByRole('timer')).toHaveText(/0:0[2-9]/, { timeout: 10_000 });
  await expectAccessible(page, 'a speak step while recording');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'You stopped, and that is fine' })).toBeVisible();
  await expect(page.getByText('What you said out loud is kept in your journal.')).toBeVisible();

  const [entry] = await api<{ id: number; preview: string; fromSession: { practice: string } | null }[]>(page, 'journal.list', {});
  expect(entry).toMatchObject({ preview: '', fromSession: { practice: 'Keep talking through tears' } });
  const notes = await api<Note[]>(page, 'voice.list', { entryId: entry!.id });
  expect(notes).toHaveLength(1);
  expect(notes[0]!.durationMs).toBeGreaterThan(1500);
  // Every piece up to the Stop reached the vault: about 32 kbit/s of what was said.
  expect(notes[0]!.bytes).toBeGreaterThan(2000);
});

test('a microphone that is not allowed gets a kind word, and nothing changes', async ({ host }) => {
  // A browser of its own, without the fake "allow" answer: it asks, and the answer is no, as when
  // the person (or the system) says no; the browser then refuses before any prompt.
  const browser = await launchChromium(fakeMicrophone);
  try {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await openApp(page, host);
    await createVault(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Browser.setPermission', { permission: { name: 'microphone' }, setting: 'denied', origin: host.url });
    await page.getByRole('button', { name: 'New entry' }).click();
    await page.getByRole('button', { name: 'Record' }).click();
    await expect(page.getByRole('alert')).toContainText('Saltwater was not allowed to use the microphone, so nothing was recorded. That is all right.');
    await expect(page.getByRole('button', { name: 'Record' })).toBeFocused();
    await expect(page.getByText('Recording', { exact: true })).toHaveCount(0);
    // Nothing was made: not even the new entry it would have belonged to.
    await page.getByRole('button', { name: 'Back to journal' }).click();
    expect(await api<unknown[]>(page, 'journal.list', {})).toEqual([]);
  } finally {
    await browser.close();
  }
});

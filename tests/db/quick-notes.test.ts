import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSealKeys } from '../../main/core/scheduler/sealed-log.ts';
import { createCore, type Core } from '../../main/core/services.ts';
import type { Entry, EntrySummary, QuickNoteStatus, VaultStatus } from '../../preload/contract/index.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { runChild } from '../helpers/kill-child.ts';
import { callOrThrow } from '../helpers/router-call.ts';
import { cheapKdf, makeTempDir, PASSPHRASE } from '../helpers/vault-fixtures.ts';

/**
 * Quick notes through the router, as the lock screen calls it, on a real encrypted vault in a
 * temp folder: sealed at once, unreadable while locked, taken into the journal at the next
 * unlock with their times, in order, once, whatever happens in between.
 */
const resourcesDir = path.resolve(import.meta.dirname, '../../resources');
let root: string;
let dataDir: string;
let cleanup: () => void;
let clock: FakeClock;
let cores: Core[];
let events: string[];

function start(): Core {
  const core = createCore({ dataDir, resourcesDir, kdf: cheapKdf, clock, emit: (event) => void events.push(event) });
  cores.push(core);
  return core;
}

const logFile = () => path.join(dataDir, 'quick-notes.sealed');
const bodies = async (core: Core) => {
  const list = await callOrThrow<EntrySummary[]>(core, 'journal.list', { limit: 200 });
  return Promise.all(list.map((e) => callOrThrow<Entry>(core, 'journal.get', { id: e.id })));
};

/** Every file under the data folder, as bytes (the vault, its logs, its key file). */
function everyFileBytes(): Buffer {
  const all: Buffer[] = [];
  for (const name of fs.readdirSync(dataDir, { recursive: true }) as string[]) {
    const file = path.join(dataDir, name);
    if (fs.statSync(file).isFile()) all.push(fs.readFileSync(file));
  }
  return Buffer.concat(all);
}

beforeEach(() => {
  ({ dir: root, cleanup } = makeTempDir());
  dataDir = path.join(root, 'vault');
  clock = new FakeClock(Date.UTC(2026, 11, 4, 21, 0));
  cores = [];
  events = [];
});
afterEach(() => {
  for (const core of cores) core.close();
  cleanup();
});

describe('quick notes while locked', () => {
  it('are not offered before the vault has been unlocked on this computer, and say so', async () => {
    const core = start();
    expect(await callOrThrow<QuickNoteStatus>(core, 'quickNote.status')).toEqual({ ready: false, waiting: 0 });
    const result = await core.router.call('quickNote.write', { text: 'Before anything' });
    expect(result).toMatchObject({ ok: false, error: { code: 'LOCKED', message: expect.stringContaining('once you have unlocked') } });
    expect(fs.existsSync(logFile())).toBe(false);
  });

  it('are sealed at once, readable by nobody while locked, and become entries with their times at the next unlock, in order', async () => {
    let core = start();
    await callOrThrow(core, 'vault.create', { passphrase: PASSPHRASE });
    await callOrThrow(core, 'vault.lock');
    const written: number[] = [];
    for (const text of ['The kettle clicked and I nearly cried', 'Second one, later', 'Third: a song on the radio']) {
      clock.advance(60_000);
      written.push(clock.now());
      await callOrThrow(core, 'quickNote.write', { text });
    }
    expect(await callOrThrow<QuickNoteStatus>(core, 'quickNote.status')).toEqual({ ready: true, waiting: 3 });
    // Nothing the person wrote is on disk in a form anyone could read.
    const disk = everyFileBytes();
    for (const words of ['kettle', 'Second one', 'radio']) expect(disk.includes(Buffer.from(words))).toBe(false);
    expect(fs.statSync(logFile()).mode & 0o777).toBe(0o600);

    // A restart while locked: notes can still be sealed (the public key is kept beside the vault).
    core.close();
    core = start();
    clock.advance(60_000);
    written.push(clock.now());
    await callOrThrow(core, 'quickNote.write', { text: 'After a restart' });

    clock.advance(3_600_000);
    events = [];
    await callOrThrow(core, 'vault.unlock', { passphrase: PASSPHRASE });
    const entries = await bodies(core);
    // The journal lists newest first: reversed, they are in the order written.
    expect(entries.map((e) => e.body).reverse()).toEqual(['The kettle clicked and I nearly cried', 'Second one, later', 'Third: a song on the radio', 'After a restart']);
    expect(entries.map((e) => e.createdAt).reverse()).toEqual(written);
    expect(entries.every((e) => e.tags.includes('quick note'))).toBe(true);
    expect(entries.map((e) => e.id).reverse()).toEqual([...entries.map((e) => e.id)].sort((a, b) => a - b));
    expect(events).toContain('journal.changed');
    // Told once, while this unlock lasts; the log is gone.
    expect(await callOrThrow<VaultStatus>(core, 'vault.status')).toMatchObject({ state: 'unlocked', quickNotesTaken: 4 });
    expect(fs.existsSync(logFile())).toBe(false);
    await callOrThrow(core, 'vault.lock');
    await callOrThrow(core, 'vault.unlock', { passphrase: PASSPHRASE });
    expect((await callOrThrow<VaultStatus>(core, 'vault.status')).quickNotesTaken).toBeUndefined();
    expect(await bodies(core)).toHaveLength(4);
  });

  it('never takes a note in twice, even if the log comes back after it was taken in (a crash before it was removed)', async () => {
    const core = start();
    await callOrThrow(core, 'vault.create', { passphrase: PASSPHRASE });
    await callOrThrow(core, 'vault.lock');
    await callOrThrow(core, 'quickNote.write', { text: 'Only once' });
    const log = fs.readFileSync(logFile());
    await callOrThrow(core, 'vault.unlock', { passphrase: PASSPHRASE });
    await callOrThrow(core, 'vault.lock');
    fs.writeFileSync(logFile(), log);
    await callOrThrow(core, 'quickNote.write', { text: 'And a new one' });
    await callOrThrow(core, 'vault.unlock', { passphrase: PASSPHRASE });
    expect((await bodies(core)).map((e) => e.body).sort()).toEqual(['And a new one', 'Only once']);
    expect((await callOrThrow<VaultStatus>(core, 'vault.status')).quickNotesTaken).toBe(1);

    // Deleted for good (the trash empties at lock), it stays gone even if the old log came back again.
    const once = (await bodies(core)).find((e) => e.body === 'Only once')!;
    await callOrThrow(core, 'journal.delete', { id: once.id });
    await callOrThrow(core, 'vault.lock');
    fs.writeFileSync(logFile(), log);
    await callOrThrow(core, 'vault.unlock', { passphrase: PASSPHRASE });
    expect((await bodies(core)).map((e) => e.body)).toEqual(['And a new one']);
  });

  it('a restore from a backup keeps the notes still waiting: the restored journal takes them in', async () => {
    const core = start();
    await callOrThrow(core, 'vault.create', { passphrase: PASSPHRASE });
    await callOrThrow(core, 'journal.create', { body: 'Before the backup' });
    await callOrThrow(core, 'vault.lock');
    await callOrThrow(core, 'quickNote.write', { text: 'Written on the lock screen before the restore' });
    await callOrThrow(core, 'vault.unlock', { passphrase: PASSPHRASE });
    await callOrThrow(core, 'vault.lock');
    await callOrThrow(core, 'quickNote.write', { text: 'Still waiting when the backup comes back' });
    // The restore is made from the journal (unlocked); the note is still sealed in its log.
    fs.copyFileSync(logFile(), `${logFile()}.held`);
    await callOrThrow(core, 'vault.unlock', { passphrase: PASSPHRASE });
    fs.copyFileSync(`${logFile()}.held`, logFile());
    fs.rmSync(`${logFile()}.held`);
    // The newest backup (each lock after changes makes one; a day keeps only its newest).
    const [newest] = (await callOrThrow<{ backups: { name: string }[] }>(core, 'backup.list')).backups;
    await callOrThrow(core, 'backup.open', { source: { kind: 'listed', name: newest!.name }, unlock: { passphrase: PASSPHRASE } });
    const { safetyCopy } = await callOrThrow<{ safetyCopy: string }>(core, 'backup.restore', { newPassphrase: null });
    const texts = (await bodies(core)).map((e) => e.body);
    expect(texts).toContain('Still waiting when the backup comes back');
    expect(texts).toContain('Before the backup');
    // The journal as it was keeps its own copy of the log too: nothing depends on one file.
    expect(fs.existsSync(path.join(safetyCopy, 'quick-notes.sealed'))).toBe(true);
  });

  it('written while unlocked (the tray), a note goes into the journal at once', async () => {
    const core = start();
    await callOrThrow(core, 'vault.create', { passphrase: PASSPHRASE });
    events = [];
    await callOrThrow(core, 'quickNote.write', { text: 'From the tray' });
    expect((await bodies(core)).map((e) => e.body)).toEqual(['From the tray']);
    expect(events).toContain('journal.changed');
    expect(await callOrThrow<QuickNoteStatus>(core, 'quickNote.status')).toEqual({ ready: true, waiting: 0 });
    // Not "written while locked": nothing to tell.
    expect((await callOrThrow<VaultStatus>(core, 'vault.status')).quickNotesTaken).toBeUndefined();
  });

  it('keeps aside, and tells of, notes this vault cannot open (a public key swapped beside it) — never drops them', async () => {
    const core = start();
    await callOrThrow(core, 'vault.create', { passphrase: PASSPHRASE });
    await callOrThrow(core, 'vault.lock');
    await callOrThrow(core, 'quickNote.write', { text: 'Sealed to the right key' });
    const pub = path.join(dataDir, 'quick-notes.pub');
    const genuine = fs.readFileSync(pub, 'utf8');
    fs.writeFileSync(pub, newSealKeys().publicKey.toString('base64'));
    await callOrThrow(core, 'quickNote.write', { text: 'Sealed to a stranger key' });
    // A line cut short by a crash mid-write.
    fs.appendFileSync(logFile(), 'MCowBQYDK2VuAyEA\n');
    await callOrThrow(core, 'vault.unlock', { passphrase: PASSPHRASE });
    expect((await bodies(core)).map((e) => e.body)).toEqual(['Sealed to the right key']);
    expect(await callOrThrow<VaultStatus>(core, 'vault.status')).toMatchObject({ quickNotesTaken: 1, quickNotesKeptAside: 2 });
    const aside = fs.readFileSync(path.join(dataDir, 'quick-notes.kept-aside.sealed'), 'utf8').split('\n').filter(Boolean);
    expect(aside).toHaveLength(2);
    // The unlock put the vault's own key back.
    expect(fs.readFileSync(pub, 'utf8')).toBe(genuine);
  });

  it('refuses an empty or over-long note and keeps nothing', async () => {
    const core = start();
    await callOrThrow(core, 'vault.create', { passphrase: PASSPHRASE });
    await callOrThrow(core, 'vault.lock');
    for (const text of ['', '   \n\t', 'x'.repeat(20_001)]) {
      expect(await core.router.call('quickNote.write', { text })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(fs.existsSync(logFile())).toBe(false);
  });
});

describe('quick notes and a crash at any moment (kill -9)', () => {
  const child = path.join(import.meta.dirname, '../helpers/quick-note-child.ts');

  it('loses no confirmed note and takes none in twice, whether killed while writing or while taking them in', async () => {
    const setup = start();
    await callOrThrow(setup, 'vault.create', { passphrase: PASSPHRASE });
    await callOrThrow(setup, 'vault.lock');
    setup.close();
    cores = [];

    const confirmed: string[] = [];
    for (let run = 0; run < 5; run++) {
      // Killed at a random moment while sealing notes...
      const label = `Run ${run}, note`;
      const written = await runChild(child, [dataDir, resourcesDir, 'write', PASSPHRASE, '30', label], { afterStartedMs: Math.floor(Math.random() * 40) });
      for (const match of written.out.matchAll(/^kept (\d+)$/gm)) confirmed.push(`${label} ${match[1]}`);
      // ...then at a random moment while an unlock takes them in.
      await runChild(child, [dataDir, resourcesDir, 'unlock', PASSPHRASE, '0', ''], { afterStartedMs: Math.floor(Math.random() * 30) });
    }
    const core = start();
    await callOrThrow(core, 'vault.unlock', { passphrase: PASSPHRASE });
    const texts = (await bodies(core)).map((e) => e.body);
    // Every note the person was told is kept is there; none is there twice (a note sealed just
    // before the kill, never confirmed, may be there too: that is not a loss).
    expect(confirmed.length).toBeGreaterThan(0);
    for (const note of confirmed) expect(texts).toContain(note);
    expect(new Set(texts).size).toBe(texts.length);
    expect(fs.existsSync(logFile())).toBe(false);
    // Each run starts two Node children (tsx); slow machines need the room.
  }, 120_000);
});

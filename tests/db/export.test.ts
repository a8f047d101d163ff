import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { unzipSync } from 'fflate';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JSON_FILE_NAME, voiceLeftOutWarning, type ExportProgress } from '../../main/core/export/export-service.ts';
import { SaltwaterExport } from '../../main/core/export/export-schema.ts';
import { dateStem, entryFileNames } from '../../main/core/export/markdown.ts';
import { PLAIN_FILES_WARNING, WEBHOOK_SECRETS_WARNING } from '../../preload/contract/index.ts';
import type { Vault } from '../../main/core/vault/vault.ts';
import type { FakeClock } from '../helpers/fake-clock.ts';
import { createTestVault, expectAppError } from '../helpers/vault-fixtures.ts';
import { VoiceNotes } from '../../main/core/journal/voice-notes.ts';
import { fillVault, MEMORY_SEAL, SEALED_WORDS, WEBHOOK_TOKEN, type Filled } from '../fixtures/export/fill-vault.ts';
import { exportService, readTree, readZip } from '../fixtures/export/helpers.ts';

/** Exports from a real, filled, encrypted vault in a temp folder, read back from disk. */
let dir: string;
let vault: Vault;
let clock: FakeClock;
let cleanup: () => void;
let filled: Filled;
let out: string;

const start = new Date(2026, 11, 3, 20, 14, 5).getTime();

beforeEach(async () => {
  ({ dir, vault, clock, cleanup } = await createTestVault(start));
  filled = await fillVault(vault.db(), clock, { sealedMemory: true });
  out = path.join(dir, 'out');
  fs.mkdirSync(out);
});
afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
});

const service = () => exportService(() => vault.db(), clock);
const json = (files: Record<string, string>) => SaltwaterExport.parse(JSON.parse(files[JSON_FILE_NAME]!));

describe('an export to a folder', () => {
  it('writes one Markdown file per live entry, named by date, and the JSON of everything', async () => {
    const result = await service().export({ markdown: true, json: 'everything', destination: { kind: 'folder', parent: out } });
    expect(path.basename(result.path)).toBe(`Saltwater export ${dateStem(clock.now())}`);
    expect(fs.readdirSync(out)).toEqual([path.basename(result.path)]);
    const files = readTree(result.path);
    expect(Object.keys(files).sort()).toEqual(
      ['Journal/2026-12-03 2014.md', 'Journal/2026-12-03 2014 (2).md', 'Journal/2026-12-05 2014.md', JSON_FILE_NAME].sort(),
    );
    expect(result).toMatchObject({ files: 4, entries: 3 });

    const first = files['Journal/2026-12-03 2014.md']!;
    const [, yamlText, body] = /^---\n([\s\S]*?)---\n\n([\s\S]*)$/.exec(first)!;
    expect(body).toBe('The harbour in the rain.\n\nI let it come, a little. Edited.\n');
    const front = parseYaml(yamlText!) as Record<string, unknown>;
    expect(front).toEqual({
      created: expect.stringMatching(/^2026-12-03T20:14:05[+-]\d\d:\d\d$/),
      updated: expect.stringMatching(/^2026-12-05T20:15:06[+-]\d\d:\d\d$/),
      feelings: [
        { feeling: 'sad', intensity: 6, body: 'chest' },
        { feeling: 'relieved', intensity: 3 },
      ],
      tags: ['rain', 'harbour', 'edited'],
      session: { id: filled.sessionId, practice: 'A gentle start', started: expect.stringMatching(/^2026-12-03T19:14:05/) },
    });
    // The time in the front matter is the real instant, offset included.
    expect(new Date(front.created as string).getTime()).toBe(start);

    // Quotes, colons and a --- line in the body stay in the body.
    const third = files['Journal/2026-12-05 2014.md']!;
    expect(third.endsWith('\nTwo days later: "quotes", colons: and a --- line\n')).toBe(true);
    expect(parseYaml(/^---\n([\s\S]*?)---\n/.exec(third)![1]!)).toMatchObject({ feelings: [{ feeling: 'homesick', intensity: 8, body: 'throat' }] });

    const doc = json(files);
    expect(doc.contents).toBe('everything');
    expect(doc.journal.entries.map((e) => e.id)).toEqual(filled.entryIds);
  });

  it('never exports an entry in the bin', async () => {
    const result = await service().export({ markdown: true, json: 'everything', destination: { kind: 'folder', parent: out } });
    const all = Object.values(readTree(result.path)).join('\n');
    expect(all).not.toContain('Deleted words that must not travel');
    expect(json(readTree(result.path)).journal.entries.map((e) => e.id)).not.toContain(filled.deletedEntryId);
  });

  it('keeps to the chosen date range, in the Markdown and in the JSON', async () => {
    const from = new Date(2026, 11, 4).getTime();
    const result = await service().export({ markdown: true, json: 'journal', entries: { from }, destination: { kind: 'folder', parent: out } });
    const files = readTree(result.path);
    expect(Object.keys(files).sort()).toEqual(['Journal/2026-12-05 2014.md', JSON_FILE_NAME]);
    const doc = json(files);
    expect(doc.entryRange).toEqual({ from, to: null });
    expect(doc.journal.entries).toHaveLength(1);
    // A journal-only file holds nothing else.
    expect(doc.contents).toBe('journal');
    expect([doc.sessions, doc.memories, doc.trustedPeople, doc.media]).toEqual([[], [], [], []]);
    expect(doc.settings).toEqual({});

    const upTo = await service().export({ markdown: true, json: 'none', entries: { to: from }, destination: { kind: 'folder', parent: out } });
    expect(path.basename(upTo.path)).toMatch(/ \(2\)$/);
    expect(Object.keys(readTree(upTo.path)).sort()).toEqual(['Journal/2026-12-03 2014 (2).md', 'Journal/2026-12-03 2014.md']);
  });

  it('reports progress file by file up to the total', async () => {
    const seen: ExportProgress[] = [];
    await service().export({ markdown: true, json: 'everything', destination: { kind: 'folder', parent: out }, onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([0, 1, 2, 3, 4].map((done) => ({ done, total: 4 })));
  });

  it('refuses an empty choice and a backwards date range, writing nothing', async () => {
    await expectAppError(service().export({ markdown: false, json: 'none', destination: { kind: 'folder', parent: out } }), 'INVALID_INPUT');
    await expectAppError(
      service().export({ markdown: true, json: 'none', entries: { from: 10, to: 5 }, destination: { kind: 'folder', parent: out } }),
      'INVALID_INPUT',
    );
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('names a missing destination as a file problem and leaves nothing behind', async () => {
    const gone = path.join(out, 'not-there');
    const error = await expectAppError(service().export({ markdown: true, json: 'none', destination: { kind: 'folder', parent: gone } }), 'FILE_PROBLEM');
    expect(error.message).toMatch(/^We couldn't write the export\. The folder is not there any more.* No files were left behind\.$/);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});

/** fsync refused on the folder `dir` itself, as some network and FUSE file systems do; every other fsync works. */
function refuseFolderSync(dir: string): void {
  const folder = fs.statSync(dir).ino;
  const real = fs.fsyncSync;
  vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
    if (fs.fstatSync(fd).ino === folder) throw Object.assign(new Error('EINVAL: invalid argument, fsync'), { code: 'EINVAL' });
    real(fd);
  });
}

const UNFINISHED = /\(unfinished, safe to delete\)/;

describe('when the file system gets in the way', () => {
  it('a folder export in place is a finished export, even if the folder it went into cannot be synced', async () => {
    refuseFolderSync(out);
    const result = await service().export({ markdown: true, json: 'everything', destination: { kind: 'folder', parent: out } });
    expect(fs.readdirSync(out)).toEqual([path.basename(result.path)]);
    expect(Object.keys(readTree(result.path))).toHaveLength(4);
  });

  it('a .zip export in place is a finished export, even if the folder it went into cannot be synced', async () => {
    refuseFolderSync(out);
    const file = path.join(out, 'words.zip');
    const result = await service().export({ markdown: true, json: 'everything', destination: { kind: 'zip', file } });
    expect(result.path).toBe(file);
    expect(fs.readdirSync(out)).toEqual(['words.zip']);
    expect(Object.keys(readZip(file))).toHaveLength(4);
  });

  it('names the unfinished copy, and where it is, when it cannot be removed after a failure', async () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    let writes = 0;
    const realWrite = fs.writeSync;
    vi.spyOn(fs, 'writeSync').mockImplementation(((...args: Parameters<typeof fs.writeSync>) => {
      if (++writes === 2) throw full;
      return (realWrite as (...a: unknown[]) => number)(...args);
    }) as typeof fs.writeSync);
    vi.spyOn(fs, 'rmSync').mockImplementation(() => {
      throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
    });
    const error = await expectAppError(service().export({ markdown: true, json: 'everything', destination: { kind: 'folder', parent: out } }), 'FILE_PROBLEM');
    const names = fs.readdirSync(out);
    expect(names).toEqual([expect.stringMatching(UNFINISHED)]);
    const leftover = path.join(out, names[0]!);
    expect(error.message).toMatch(/^We couldn't write the export\. The disk is full\./);
    expect(error.message).toContain(leftover);
    expect(error.message).toMatch(/safe to delete/);
    expect(error.message).not.toMatch(/No files were left behind/);
  });

  it('names the unfinished .zip, and where it is, when it cannot be removed after a cancel', async () => {
    vi.spyOn(fs, 'rmSync').mockImplementation(() => {
      throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
    });
    const controller = new AbortController();
    const file = path.join(out, 'mine.zip');
    const error = await expectAppError(
      service().export({
        markdown: true,
        json: 'everything',
        destination: { kind: 'zip', file },
        signal: controller.signal,
        onProgress: ({ done }) => {
          if (done === 2) controller.abort();
        },
      }),
      'FILE_PROBLEM',
    );
    expect(fs.readdirSync(out)).toEqual(['mine (unfinished, safe to delete).zip']);
    expect(error.message).toBe(
      "The export was cancelled. Saltwater couldn't remove the unfinished copy it was writing, and it holds your words as plain text. " +
        `It is safe to delete: ${path.join(out, 'mine (unfinished, safe to delete).zip')}`,
    );
  });

  it('works beside an unfinished copy an earlier crash left, without touching it', async () => {
    const earlier = path.join(out, 'mine (unfinished, safe to delete).zip');
    fs.writeFileSync(earlier, 'from before the crash');
    const file = path.join(out, 'mine.zip');
    await service().export({ markdown: true, json: 'none', destination: { kind: 'zip', file } });
    expect(fs.readdirSync(out).sort()).toEqual([path.basename(earlier), 'mine.zip']);
    expect(fs.readFileSync(earlier, 'utf8')).toBe('from before the crash');
  });
});

describe('cancelling an export', () => {
  it('before it starts writes nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(service().export({ markdown: true, json: 'everything', destination: { kind: 'zip', file: path.join(out, 'x.zip') }, signal: controller.signal })).rejects.toThrow();
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('half-way removes the unfinished folder, leaving no partial files', async () => {
    // Enough entries that writing them takes several slices of work.
    const insert = vault.db().prepare('INSERT INTO entries (created_at, updated_at, body) VALUES (?, ?, ?)');
    vault.db().transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(start + i * 60_000, start + i * 60_000, `Entry ${i}. `.repeat(40));
    })();
    const controller = new AbortController();
    let sawTemp = false;
    const done = service().export({
      markdown: true,
      json: 'everything',
      destination: { kind: 'folder', parent: out },
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === 200) {
          // The work happens in a folder beside the destination whose name says what it is.
          const names = fs.readdirSync(out);
          sawTemp = names.length === 1 && names[0] === `Saltwater export ${dateStem(clock.now())} (unfinished, safe to delete)`;
          controller.abort();
        }
      },
    });
    await expect(done).rejects.toThrow();
    expect(sawTemp).toBe(true);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('of a .zip removes the temporary file and keeps the old .zip of that name untouched', async () => {
    const file = path.join(out, 'journal.zip');
    fs.writeFileSync(file, 'an older export');
    const controller = new AbortController();
    const done = service().export({
      markdown: true,
      json: 'everything',
      destination: { kind: 'zip', file },
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === 4) controller.abort();
      },
    });
    await expect(done).rejects.toThrow();
    expect(fs.readdirSync(out)).toEqual(['journal.zip']);
    expect(fs.readFileSync(file, 'utf8')).toBe('an older export');
  });
});

describe('an export to a .zip', () => {
  it('holds the same files as a folder export, and replaces the chosen file whole', async () => {
    const file = path.join(out, 'my words.zip');
    fs.writeFileSync(file, 'an older export');
    const zipped = await service().export({ markdown: true, json: 'everything', destination: { kind: 'zip', file } });
    expect(zipped.path).toBe(file);
    expect(fs.readdirSync(out)).toEqual(['my words.zip']);
    const folder = await service().export({ markdown: true, json: 'everything', destination: { kind: 'folder', parent: out } });
    expect(readZip(file)).toEqual(readTree(folder.path));
  });
});

describe('voice notes in an export', () => {
  it('are audio files beside their entry’s Markdown, linked from it, in a folder and in a .zip; an entry in the bin takes its notes with it', async () => {
    const notes = new VoiceNotes(() => vault.db(), clock);
    const [entryId] = filled.entryIds;
    const first = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), randomBytes(3000)]);
    const second = randomBytes(500);
    const a = notes.begin({ entryId: entryId!, mimeType: 'audio/webm;codecs=opus', chunk: first.subarray(0, 2000), durationMs: 20_000 });
    notes.append({ id: a.id, index: 1, chunk: first.subarray(2000), durationMs: 42_400 });
    notes.begin({ entryId: entryId!, mimeType: 'audio/webm;codecs=opus', chunk: second, durationMs: 65_000 });
    // The entry in the bin holds a note too: it must not travel.
    const binned = randomBytes(400);
    vault.db().prepare('UPDATE entries SET deleted_at = NULL WHERE id = ?').run(filled.deletedEntryId);
    notes.begin({ entryId: filled.deletedEntryId, mimeType: 'audio/webm;codecs=opus', chunk: binned, durationMs: 1000 });
    vault.db().prepare('UPDATE entries SET deleted_at = 1 WHERE id = ?').run(filled.deletedEntryId);

    const progress: ExportProgress[] = [];
    const result = await service().export({ markdown: true, json: 'none', destination: { kind: 'folder', parent: out }, onProgress: (p) => progress.push(p) });
    expect(result).toMatchObject({ files: 5, entries: 3 });
    expect(progress.at(-1)).toEqual({ done: 5, total: 5 });
    const voiceDir = path.join(result.path, 'Journal', 'voice');
    expect(fs.readdirSync(voiceDir).sort()).toEqual(['2026-12-03 2014-1.webm', '2026-12-03 2014-2.webm']);
    expect(fs.readFileSync(path.join(voiceDir, '2026-12-03 2014-1.webm')).equals(first)).toBe(true);
    expect(fs.readFileSync(path.join(voiceDir, '2026-12-03 2014-2.webm')).equals(second)).toBe(true);
    const markdown = fs.readFileSync(path.join(result.path, 'Journal', '2026-12-03 2014.md'), 'utf8');
    expect(markdown.endsWith(
      'I let it come, a little. Edited.\n\n' +
        '- [Voice note 1 (0:42)](voice/2026-12-03%202014-1.webm)\n' +
        '- [Voice note 2 (1:05)](voice/2026-12-03%202014-2.webm)\n',
    )).toBe(true);
    // Each link leads to its file.
    for (const [, target] of markdown.matchAll(/\]\(([^)]+)\)/g)) {
      expect(fs.existsSync(path.join(result.path, 'Journal', decodeURIComponent(target!)))).toBe(true);
    }
    // Entries without notes are as before.
    expect(fs.readFileSync(path.join(result.path, 'Journal', '2026-12-05 2014.md'), 'utf8')).not.toContain('Voice note');
    for (const file of fs.readdirSync(result.path, { recursive: true }) as string[]) {
      const full = path.join(result.path, file);
      if (fs.statSync(full).isFile()) expect(fs.readFileSync(full).includes(binned), file).toBe(false);
    }

    // The same files in a .zip, the audio stored as it is.
    const zipFile = path.join(out, 'words.zip');
    await service().export({ markdown: true, json: 'none', destination: { kind: 'zip', file: zipFile } });
    const zipped = unzipSync(fs.readFileSync(zipFile));
    expect(Object.keys(zipped).sort()).toEqual(
      ['Journal/2026-12-03 2014 (2).md', 'Journal/2026-12-03 2014.md', 'Journal/2026-12-05 2014.md', 'Journal/voice/2026-12-03 2014-1.webm', 'Journal/voice/2026-12-03 2014-2.webm'].sort(),
    );
    expect(Buffer.from(zipped['Journal/voice/2026-12-03 2014-1.webm']!).equals(first)).toBe(true);
    expect(fs.readFileSync(zipFile).includes(first.subarray(500, 600))).toBe(true);

    // JSON alone carries no audio, and says so (the note in the bin is not counted).
    const jsonOnly = await service().export({ markdown: false, json: 'everything', destination: { kind: 'folder', parent: out } });
    expect(fs.readdirSync(jsonOnly.path)).toEqual([JSON_FILE_NAME]);
    expect(voiceLeftOutWarning(2)).toBe('2 voice notes aren’t in the JSON file: choose Markdown too to keep their audio.');
    expect(jsonOnly.warnings).toContain(voiceLeftOutWarning(2));
    const journalOnly = await service().export({ markdown: false, json: 'journal', destination: { kind: 'folder', parent: out } });
    expect(journalOnly.warnings).toContain(voiceLeftOutWarning(2));
    // With Markdown they are all there, so no word about them.
    expect(result.warnings.some((w) => w.includes('voice note'))).toBe(false);
    // A date range without the notes' entry: nothing is left out, nothing is said.
    const later = await service().export({ markdown: false, json: 'journal', entries: { from: start + 86_400_000 }, destination: { kind: 'folder', parent: out } });
    expect(later.warnings.some((w) => w.includes('voice note'))).toBe(false);
    expect(voiceLeftOutWarning(1)).toBe('One voice note isn’t in the JSON file: choose Markdown too to keep its audio.');
  });
});

describe('what an export holds about secrets', () => {
  it('leaves the words of an extra-sealed memory out of every byte, and says so', async () => {
    const file = path.join(out, 'all.zip');
    const result = await service().export({ markdown: true, json: 'everything', destination: { kind: 'zip', file } });
    const doc = json(readZip(file));
    const sealed = doc.memories.find((m) => m.id === filled.sealedMemoryId)!;
    expect(sealed).toMatchObject({ title: 'The pier', extraSeal: true, text: null });
    expect(doc.memories.find((m) => m.id === filled.plainMemoryId)).toMatchObject({ extraSeal: false, text: 'Sawdust and his radio.' });
    expect(result.warnings).toContain('One memory has an extra seal: it is in the file by its title only. Its words stayed sealed and were not written out.');

    // Not in the zip's bytes, nor in the uncompressed JSON.
    expect(fs.readFileSync(file).includes('sealedwordsmarker')).toBe(false);
    const folder = await service().export({ markdown: false, json: 'everything', destination: { kind: 'folder', parent: out } });
    expect(fs.readFileSync(path.join(folder.path, JSON_FILE_NAME)).includes('sealedwordsmarker')).toBe(false);
  });

  it('writes those words when their passphrase is given, and stops before any file on a wrong one', async () => {
    const id = String(filled.sealedMemoryId);
    const error = await expectAppError(
      service().export({ markdown: false, json: 'everything', memoryPassphrases: { [id]: 'not the one' }, destination: { kind: 'folder', parent: out } }),
      'WRONG_PASSPHRASE',
    );
    expect(error.message).toMatch(/Nothing was exported\.$/);
    expect(fs.readdirSync(out)).toEqual([]);

    const result = await service().export({
      markdown: false,
      json: 'everything',
      memoryPassphrases: { [id]: MEMORY_SEAL },
      destination: { kind: 'folder', parent: out },
    });
    const doc = json(readTree(result.path));
    expect(doc.memories.find((m) => m.id === filled.sealedMemoryId)).toMatchObject({ extraSeal: true, text: SEALED_WORDS });
    expect(result.warnings.some((w) => w.includes('extra seal'))).toBe(false);
  });

  it('includes webhook addresses and keys, warns about them, and leaves out the vault’s own key pair and pending signals', async () => {
    const db = vault.db();
    db.prepare(
      `INSERT INTO signals (contact_name, channel, which, idempotency_key, created_at, state, next_attempt_at, url, body, content_type)
       VALUES ('Sam', 'webhook', 'help', 'idem-pending-0000000001', ?, 'queued', ?, 'https://hooks.example.org/x', '{}', 'application/json')`,
    ).run(start, start);
    const result = await service().export({ markdown: false, json: 'everything', destination: { kind: 'folder', parent: out } });
    const text = fs.readFileSync(path.join(result.path, JSON_FILE_NAME), 'utf8');
    expect(text).toContain(WEBHOOK_TOKEN);
    expect(result.warnings).toEqual([PLAIN_FILES_WARNING, WEBHOOK_SECRETS_WARNING, expect.stringContaining('extra seal')]);
    const doc = SaltwaterExport.parse(JSON.parse(text));
    expect(doc.signals.map((s) => s.idempotencyKey)).toEqual(['idem-0123456789abcdef', 'idem-fedcba9876543210']);
    const privateKey = (db.prepare('SELECT seal_private FROM schedule_settings').pluck().get() as Buffer).toString('base64');
    expect(text).not.toContain(privateKey.slice(0, 24));
    expect(doc.quietHours).toEqual({ enabled: true, start: '23:00', end: '07:30', policy: 'skip' });
  });

  it('warns only about plain files when there are no webhooks or sealed memories', async () => {
    const db = vault.db();
    db.prepare(`DELETE FROM signal_contacts WHERE channel = 'webhook'`).run();
    db.prepare(`DELETE FROM memories WHERE seal_data IS NOT NULL`).run();
    const result = await service().export({ markdown: true, json: 'everything', destination: { kind: 'folder', parent: out } });
    expect(result.warnings).toEqual([PLAIN_FILES_WARNING]);
  });
});

describe('Markdown file names', () => {
  it('are the local date and time, with (2), (3) for the same minute', () => {
    const at = new Date(2026, 0, 9, 7, 5).getTime();
    expect(entryFileNames([{ createdAt: at }, { createdAt: at + 30_000 }, { createdAt: at + 59_000 }, { createdAt: at + 60_000 }])).toEqual([
      '2026-01-09 0705.md',
      '2026-01-09 0705 (2).md',
      '2026-01-09 0705 (3).md',
      '2026-01-09 0706.md',
    ]);
  });
});

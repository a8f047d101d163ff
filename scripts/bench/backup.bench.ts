import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unpackBackup } from '../../main/core/backup/backup-file.ts';
import { BackupService } from '../../main/core/backup/backups.ts';
import { defaultKeepPolicy } from '../../main/core/backup/rotation.ts';
import { RestoreService } from '../../main/core/backup/restore.ts';
import { ExportService, JSON_FILE_NAME, MARKDOWN_FOLDER } from '../../main/core/export/export-service.ts';
import { ImportService } from '../../main/core/import/import-service.ts';
import { importSaltwaterJson } from '../../main/core/import/saltwater-json.ts';
import { MemoriesService } from '../../main/core/memories/memories-service.ts';
import { systemClock } from '../../main/core/ports.ts';
import type { Db } from '../../main/core/vault/database.ts';
import { rowCounts } from '../../main/core/vault/snapshot.ts';
import { Vault } from '../../main/core/vault/vault.ts';
import type { BenchResult, Figure } from './report.ts';
import { entryText, makeRandom } from './text.ts';

/**
 * Keeping it for years (issue #11): what a backup costs at 1k/10k/100k entries — the backup
 * (snapshot, pack, check) and the check alone, the file beside a plain copy of the closed vault
 * file, a restore — and how fast export and import go. Real encrypted vaults in a temp folder,
 * with the real key-derivation settings (unlocking a backup pays for them, as a person would).
 */
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const PASSPHRASE = 'correct horse battery staple';
const TAGS = ['evening', 'work', 'family', 'walk', 'sleep'];

/** N entries with a tag each, in one transaction (100k would take minutes one by one). */
function fill(db: Db, count: number): void {
  const random = makeRandom(count);
  const insert = db.prepare('INSERT INTO entries (created_at, updated_at, body) VALUES (?, ?, ?)');
  const tag = db.prepare('INSERT INTO entry_tags (entry_id, tag) VALUES (?, ?)');
  const start = Date.UTC(2016, 0, 1);
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const at = start + i * 3_600_000;
      const id = Number(insert.run(at, at, entryText(random)).lastInsertRowid);
      tag.run(id, TAGS[i % TAGS.length]);
    }
  })();
}

async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export async function run(): Promise<BenchResult> {
  const root = mkdtempSync(join(tmpdir(), 'saltwater-bench-backup-'));
  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    for (const size of sizes) {
      const label = `${size / 1000}k`;
      const dir = join(root, label);
      const vault = new Vault({ dir: join(dir, 'vault'), clock: systemClock });
      await vault.create(PASSPHRASE);
      vault.confirmRecoveryKey();
      fill(vault.db(), size);

      // The reference: the closed vault is one file; copy it as a person would.
      vault.lock();
      const plain = await timed(() => copyFileSync(vault.paths.database, join(dir, 'plain-copy.db')));
      const plainBytes = statSync(join(dir, 'plain-copy.db')).size;
      await vault.unlock(PASSPHRASE);

      const backups = new BackupService({
        vault,
        clock: systemClock,
        defaultFolder: join(dir, 'backups'),
        chosenFolder: () => null,
        policy: () => defaultKeepPolicy,
      });
      const backup = await timed(() => backups.create());
      // The check on its own, as a backup does it: unpack, then every page and every table counted.
      const check = join(dir, 'check');
      mkdirSync(check);
      const counts = rowCounts(vault.db());
      const verify = await timed(() => {
        if (!unpackBackup(backup.value.file, check)) throw new Error('the backup did not unpack');
        const problem = vault.checkCopy(check, counts);
        if (problem) throw new Error(problem);
      });

      // Export everything (Markdown and JSON), then import it into a fresh vault two ways.
      const memories = new MemoriesService({ db: () => vault.db(), clock: systemClock });
      const exporter = new ExportService({ db: () => vault.db(), clock: systemClock, memories });
      const exported = await timed(() => exporter.export({ markdown: true, json: 'everything', destination: { kind: 'folder', parent: dir } }));
      const fresh = new Vault({ dir: join(dir, 'fresh'), clock: systemClock, kdf: { N: 2 ** 10 } });
      await fresh.create(PASSPHRASE);
      const json = readFileSync(join(exported.value.path, JSON_FILE_NAME));
      const importedJson = await timed(() => importSaltwaterJson(fresh.db(), json));
      const other = new Vault({ dir: join(dir, 'other'), clock: systemClock, kdf: { N: 2 ** 10 } });
      await other.create(PASSPHRASE);
      const importer = new ImportService({ db: () => other.db(), clock: systemClock, zone: () => 'UTC', sourceLimits: { fileBytes: 2 ** 31, folderFiles: 200_000, folderBytes: 2 ** 31, folderDepth: 8 } });
      const importedMarkdown = await timed(() => importer.commit(join(exported.value.path, MARKDOWN_FOLDER), 'markdown'));
      fresh.lock();
      other.lock();

      // Restore: open the backup with its passphrase (the KDF runs), then swap it in.
      const restore = new RestoreService({ vault, clock: systemClock });
      const restored = await timed(async () => {
        await restore.open(backup.value.file, { passphrase: PASSPHRASE });
        return restore.restore(null, () => vault.lock());
      });
      await vault.unlock(PASSPHRASE);
      const after = vault.db().prepare('SELECT count(*) FROM entries').pluck().get() as number;
      if (after !== size) throw new Error(`the restored vault holds ${after} entries, not ${size}`);
      vault.lock();

      const perSecond = (count: number, ms: number) => Math.round(count / (ms / 1000));
      figures.push(
        { name: `backup (snapshot + pack + check) @${label}`, value: backup.ms, unit: 'ms' },
        { name: `  of which the check (unpack, every page, row counts) @${label}`, value: verify.ms, unit: 'ms' },
        { name: `backup file size @${label}`, value: backup.value.bytes, unit: 'bytes' },
        { name: `plain copy of the closed vault file @${label}`, value: plainBytes, unit: 'bytes' },
        { name: `backup / plain copy size @${label}`, value: backup.value.bytes / plainBytes, unit: '×' },
        { name: `backup / plain copy time @${label}`, value: backup.ms / Math.max(plain.ms, 0.01), unit: '×' },
        { name: `restore (open with passphrase + swap) @${label}`, value: restored.ms, unit: 'ms' },
        { name: `export Markdown + JSON @${label}`, value: perSecond(size, exported.ms), unit: 'entries/s' },
        { name: `import Saltwater JSON @${label}`, value: perSecond(importedJson.value.counts.entries?.added ?? 0, importedJson.ms), unit: 'entries/s' },
        { name: `import Markdown folder @${label}`, value: perSecond(importedMarkdown.value.added, importedMarkdown.ms), unit: 'entries/s' },
      );
      rmSync(dir, { recursive: true, force: true });
    }
    notes.push('Each figure is one run; restore includes the passphrase KDF (scrypt at the real settings), as a person would wait for it.');
    return { benchmark: 'backup', figures, notes };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

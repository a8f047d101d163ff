import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { builtInVocabulary, VocabularyService } from '../../main/core/journal/vocabulary.ts';
import { systemClock } from '../../main/core/ports.ts';
import { applyConnectionPragmas, openEncryptedDatabase, type Db } from '../../main/core/vault/database.ts';
import { migrate } from '../../main/core/vault/migrate.ts';
import { migrations } from '../../main/core/vault/migrations/index.ts';
import { percentile, type BenchResult, type Figure } from './report.ts';
import { entryText, makeRandom } from './text.ts';

/**
 * "How many different words so far" (emotions.granularity) reads every feeling ever named,
 * in main, whenever the journal list shows it. Measured on the encrypted vault against a
 * plain database with the same schema in the same run, at growing journal sizes.
 */
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const SAMPLES = 30;
const words = builtInVocabulary.families.flatMap((f) => f.words.map((w) => w.word));

function fill(db: Db, count: number, random: () => number): void {
  const entry = db.prepare('INSERT INTO entries (created_at, updated_at, body) VALUES (?, ?, ?)');
  const feeling = db.prepare('INSERT OR IGNORE INTO entry_emotions (entry_id, position, word, intensity) VALUES (?, ?, ?, ?)');
  const start = Date.now() - count * 3_600_000;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const at = start + i * 3_600_000;
      const id = Number(entry.run(at, at, entryText(random)).lastInsertRowid);
      // Two or three feelings per entry, drawn from the built-in words.
      for (let p = 0; p < 2 + Math.floor(random() * 2); p++) feeling.run(id, p, words[Math.floor(random() * words.length)]!, 1 + Math.floor(random() * 10));
    }
  })();
}

function median(service: VocabularyService): number {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = process.hrtime.bigint();
    service.granularity();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return percentile(times, 50);
}

export async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'saltwater-bench-granularity-'));
  const figures: Figure[] = [];
  try {
    for (const size of sizes) {
      const encrypted = openEncryptedDatabase(join(dir, `enc-${size}.db`), randomBytes(32));
      const plain = new Database(join(dir, `plain-${size}.db`));
      applyConnectionPragmas(plain);
      migrate(plain, migrations);
      fill(encrypted, size, makeRandom(size));
      fill(plain, size, makeRandom(size));
      const enc = median(new VocabularyService(() => encrypted, systemClock, () => 'Europe/London'));
      const pla = median(new VocabularyService(() => plain, systemClock, () => 'Europe/London'));
      figures.push({ name: `granularity at ${size} entries, median`, value: enc, unit: 'ms', target: '≤ 50 ms at 10k (it runs in main)' });
      figures.push({ name: `granularity at ${size} entries, encrypted / plain`, value: enc / pla, unit: '×' });
      encrypted.close();
      plain.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { benchmark: 'feelings-granularity', figures, notes: ['Two or three feelings per entry; the journal list asks once when it opens and after an entry closes.'] };
}

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Journal } from '../../main/core/journal/journal.ts';
import { systemClock } from '../../main/core/ports.ts';
import { applyConnectionPragmas, openEncryptedDatabase, type Db } from '../../main/core/vault/database.ts';
import { migrate } from '../../main/core/vault/migrate.ts';
import { migrations } from '../../main/core/vault/migrations/index.ts';
import { Vault } from '../../main/core/vault/vault.ts';
import { percentile, type BenchResult, type Figure } from './report.ts';
import { entryText, makeRandom, searchTerms } from './text.ts';

/**
 * The vault's costs, measured against a plain (unencrypted) SQLite database with the same
 * schema, pragmas and code in the same run, so the ratio shows what encryption adds.
 */
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const SAMPLES = 300;

function openPlain(file: string): Db {
  const db = new Database(file);
  applyConnectionPragmas(db);
  migrate(db, migrations);
  return db;
}

function fill(db: Db, from: number, to: number, random: () => number): void {
  const insert = db.prepare('INSERT INTO entries (created_at, updated_at, body) VALUES (?, ?, ?)');
  const now = Date.now();
  db.transaction(() => {
    for (let i = from; i < to; i++) insert.run(now - (to - i) * 60_000, now, entryText(random));
  })();
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'saltwater-bench-'));
  const figures: Figure[] = [];
  try {
    // Unlock: the memory-hard KDF dominates, by design.
    const vault = new Vault({ dir: join(dir, 'vault'), clock: systemClock });
    await vault.create('correct horse battery staple');
    vault.lock();
    const unlocks: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await vault.unlock('correct horse battery staple');
      unlocks.push(performance.now() - start);
      vault.lock();
    }
    figures.push({ name: 'unlock (passphrase → open vault), median', value: percentile(unlocks, 50), unit: 'ms', target: '200–500 ms (KDF)' });

    // The app's own write path for autosave: a real unlocked Vault, whose connection also counts
    // each write and records it beside the vault (issue #11 §6.2), measured on its own.
    const appVault = new Vault({ dir: join(dir, 'app-vault'), clock: systemClock });
    await appVault.create('correct horse battery staple');
    const appJournal = new Journal(() => appVault.db(), systemClock);
    const appDraft = appJournal.create({ body: 'draft' }).id;
    const dbs = {
      encrypted: openEncryptedDatabase(join(dir, 'enc.db'), randomBytes(32)),
      plain: openPlain(join(dir, 'plain.db')),
    };
    const journals = { encrypted: new Journal(() => dbs.encrypted, systemClock), plain: new Journal(() => dbs.plain, systemClock) };
    let filled = 0;
    for (const size of sizes) {
      for (const kind of ['encrypted', 'plain'] as const) fill(dbs[kind], filled, size, makeRandom(size));
      fill(appVault.db(), filled, size, makeRandom(size));
      filled = size;
      const appAutosave: number[] = [];
      const samples = { insert: { encrypted: [] as number[], plain: [] as number[] }, autosave: { encrypted: [] as number[], plain: [] as number[] }, search: { encrypted: [] as number[], plain: [] as number[] } };
      const random = makeRandom(7);
      const draftIds = { encrypted: journals.encrypted.create({ body: 'draft' }).id, plain: journals.plain.create({ body: 'draft' }).id };
      for (let i = 0; i < SAMPLES; i++) {
        const text = entryText(random);
        const term = searchTerms[i % searchTerms.length]!;
        // Alternate the order each round so neither side always runs on a warmer cache.
        const order = i % 2 === 0 ? (['encrypted', 'plain'] as const) : (['plain', 'encrypted'] as const);
        for (const kind of order) {
          const journal = journals[kind];
          samples.insert[kind].push(time(() => journal.create({ body: text, tags: ['bench'] })));
          samples.autosave[kind].push(time(() => journal.update(draftIds[kind], { body: `${text} ${i}` })));
          samples.search[kind].push(time(() => journal.search({ text: term, limit: 50 })));
        }
        appAutosave.push(time(() => appJournal.update(appDraft, { body: `${text} ${i}` })));
        // The change record is written in a microtask after each commit: let it run, as between keystrokes.
        await Promise.resolve();
      }
      const label = `${size / 1000}k`;
      figures.push({ name: `autosave write p99 @${label}, app vault (counter + record)`, value: percentile(appAutosave, 99), unit: 'ms', target: '≤ 5 ms' });
      for (const [op, p] of [['insert', [50, 99]], ['autosave', [50, 99]], ['search', [50, 95]]] as const) {
        for (const q of p) {
          const enc = percentile(samples[op].encrypted, q);
          const plain = percentile(samples[op].plain, q);
          const target = op === 'search' && q === 95 && size === 100_000 ? '≤ 20 ms' : op === 'autosave' && q === 99 ? '≤ 5 ms' : undefined;
          figures.push({ name: `${op} p${q} @${label} encrypted`, value: enc, unit: 'ms', ...(target ? { target } : {}) });
          figures.push({ name: `${op} p${q} @${label} plain`, value: plain, unit: 'ms' });
          figures.push({ name: `${op} p${q} @${label} ratio`, value: enc / plain, unit: '×', target: '≤ 1.3× (aim 1.15×)' });
        }
      }
    }
    dbs.encrypted.close();
    dbs.plain.close();
    appVault.lock();
    return {
      benchmark: 'vault-journal',
      figures,
      notes: [`${SAMPLES} samples per operation and size; each write is its own transaction with synchronous=FULL in WAL mode.`],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

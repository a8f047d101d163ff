import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { contract, type InsightsPeriod } from '../../preload/contract/index.ts';
import { CareCardService } from '../../main/core/insights/care-card.ts';
import { InsightsService } from '../../main/core/insights/insights-service.ts';
import { builtInVocabulary, notYetWord, VocabularyService } from '../../main/core/journal/vocabulary.ts';
import { applyConnectionPragmas, openEncryptedDatabase, type Db } from '../../main/core/vault/database.ts';
import { migrate } from '../../main/core/vault/migrate.ts';
import { migrations } from '../../main/core/vault/migrations/index.ts';
import { percentile, type BenchResult, type Figure } from './report.ts';
import { entryText, makeRandom } from './text.ts';

/**
 * "Over time" at ten years of use: every view for 4 weeks, 12 months and everything, on the
 * encrypted vault and on a plain SQLite database filled the same way (same seed) in the same
 * run, so the ratio shows what encryption adds. Timed as main answers a call: the service's
 * queries and shaping plus the contract's check of the answer (not the IPC hop).
 */
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 10_000);
const YEARS = 10;
const SAMPLES = 15;
const ZONE = 'Europe/London';
const DAY = 86_400_000;
const NOW = Date.parse('2025-06-18T12:00:00Z');
const START = NOW - YEARS * 365 * DAY;

const words = builtInVocabulary.families.flatMap((f) => f.words.map((w) => w.word));
const tears = ['none', 'welled', 'tear', 'cried', 'deep'] as const;
const views = ['mood', 'tears', 'relief', 'feelings', 'ladder', 'media'] as const;
const periods: InsightsPeriod[] = ['4w', '12m', 'all'];

function fill(db: Db, random: () => number): void {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const maybe = <T>(p: number, value: T) => (random() < p ? value : null);
  const when = (i: number, n: number) => Math.floor(START + (i / n) * (NOW - START - DAY) + random() * 3_600_000);
  db.transaction(() => {
    const entry = db.prepare('INSERT INTO entries (created_at, updated_at, body, deleted_at) VALUES (?, ?, ?, ?)');
    const feeling = db.prepare('INSERT OR IGNORE INTO entry_emotions (entry_id, position, word, intensity) VALUES (?, ?, ?, ?)');
    for (let i = 0; i < ENTRIES; i++) {
      const at = when(i, ENTRIES);
      const id = Number(entry.run(at, at, entryText(random), maybe(0.01, at + DAY)).lastInsertRowid);
      const n = 2 + Math.floor(random() * 2);
      for (let p = 0; p < n; p++) feeling.run(id, p, random() < 0.03 ? notYetWord : pick(words), 1 + Math.floor(random() * 10));
    }

    const session = db.prepare(
      `INSERT INTO sessions (practice_id, practice_title, step_count, started_at, ended_at, outcome, readiness, mood_before, mood_after, tears, relief)
       VALUES (?, ?, 6, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const checkIn = db.prepare('INSERT INTO session_check_ins (session_id, step_index, question, value, at) VALUES (?, ?, ?, ?, ?)');
    const practices = Array.from({ length: 10 }, (_, i) => `practice-${i}`);
    const sessionIds: number[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      const at = when(i, SESSIONS);
      const practice = pick(practices);
      const outcome = random() < 0.03 ? null : random() < 0.12 ? 'stopped' : 'finished';
      const id = Number(
        session.run(practice, practice, at, outcome && at + 900_000, outcome, maybe(0.5, 3), maybe(0.85, 1 + Math.floor(random() * 5)),
          maybe(0.8, 1 + Math.floor(random() * 5)), maybe(0.85, pick(tears)), maybe(0.8, Math.floor(random() * 11))).lastInsertRowid,
      );
      sessionIds.push(id);
      for (let c = Math.floor(random() * 4); c > 0; c--) checkIn.run(id, c, random() < 0.8 ? 'distress' : 'mood', Math.floor(random() * 6), at + c * 60_000);
    }

    const step = db.prepare(`INSERT INTO ladder_steps (track, position, text, expected_distress, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`);
    const attempt = db.prepare(
      `INSERT INTO ladder_attempts (step_id, session_id, started_at, ended_at, distress_before, distress_peak, distress_after, tears, breathed_before, breathed_after)
       VALUES (?, NULL, ?, ?, ?, ?, ?, ?, 1, 1)`,
    );
    const stepIds: number[] = [];
    for (const track of ['letting-come', 'staying-with']) {
      for (let p = 0; p < 10; p++) stepIds.push(Number(step.run(track, p, `Step ${p + 1}`, p * 10, START, START).lastInsertRowid));
    }
    for (let i = 0; i < 3000; i++) {
      const at = when(i, 3000);
      attempt.run(pick(stepIds), at, at + 600_000, Math.floor(random() * 101), Math.floor(random() * 101), Math.floor(random() * 101), Math.floor(random() * 4));
    }

    const item = db.prepare(`INSERT INTO media_items (title, kind, created_at, updated_at) VALUES (?, 'song', ?, ?)`);
    const use = db.prepare('INSERT OR IGNORE INTO media_uses (media_id, session_id, used_at, tears) VALUES (?, ?, ?, ?)');
    const itemIds = Array.from({ length: 40 }, (_, i) => Number(item.run(`Song ${i + 1}`, START, START).lastInsertRowid));
    for (let i = 0; i < SESSIONS * 0.4; i++) {
      const sessionId = pick(sessionIds);
      use.run(pick(itemIds), sessionId, when(sessionId, SESSIONS), maybe(0.3, pick(tears)));
    }
  })();
}

function openPlain(file: string): Db {
  const db = new Database(file);
  applyConnectionPragmas(db);
  migrate(db, migrations);
  return db;
}

function serviceOver(db: Db): InsightsService {
  const clock = { now: () => NOW };
  const vocabulary = new VocabularyService(() => db, clock, () => ZONE);
  return new InsightsService({ db: () => db, clock, zone: () => ZONE, vocabulary: () => vocabulary.get() });
}

/** Median time of one call as main answers it: the service, then the contract's check of the answer. */
function median(call: () => unknown, output: { parse(value: unknown): unknown }): number {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES + 2; i++) {
    const start = process.hrtime.bigint();
    output.parse(call());
    // The first two warm the statement cache and the page cache, as a second visit to the page would.
    if (i >= 2) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return percentile(times, 50);
}

/** Median of a first call on a fresh connection: every page read from the file (and decrypted), as on the first visit after unlock. */
function coldMedian(open: () => Db, call: (service: InsightsService) => unknown, output: { parse(value: unknown): unknown }): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const db = open();
    const service = serviceOver(db);
    const start = process.hrtime.bigint();
    output.parse(call(service));
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    db.close();
  }
  return percentile(times, 50);
}

export async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'saltwater-bench-insights-'));
  const figures: Figure[] = [];
  try {
    const key = randomBytes(32);
    const encrypted = openEncryptedDatabase(join(dir, 'vault.db'), key);
    const plain = openPlain(join(dir, 'plain.db'));
    fill(encrypted, makeRandom(14));
    fill(plain, makeRandom(14));
    const enc = serviceOver(encrypted);
    const pla = serviceOver(plain);
    for (const view of views) {
      const output = contract[`insights.${view}`].output;
      for (const period of periods) {
        const query = { period, weekStartsOn: 1 };
        const e = median(() => enc[view](query), output);
        const p = median(() => pla[view](query), output);
        figures.push({ name: `insights.${view} (${period}), median`, value: e, unit: 'ms', target: '≤ 50 ms' });
        figures.push({ name: `insights.${view} (${period}), encrypted / plain`, value: e / p, unit: '×' });
      }
    }
    // The rules' read (handing the card over also writes one setting, once: after that it rests for the week).
    const card = contract['insights.careCard'].output;
    const care = new CareCardService(() => encrypted, { now: () => NOW });
    figures.push({ name: 'insights.careCard, median', value: median(() => care.card(), card), unit: 'ms', target: '≤ 50 ms' });
    encrypted.close();
    plain.close();
    for (const view of views) {
      const output = contract[`insights.${view}`].output;
      const query = { period: 'all' as const, weekStartsOn: 1 };
      const e = coldMedian(() => openEncryptedDatabase(join(dir, 'vault.db'), key), (s) => s[view](query), output);
      const p = coldMedian(() => openPlain(join(dir, 'plain.db')), (s) => s[view](query), output);
      figures.push({ name: `insights.${view} (all), first call after opening, median`, value: e, unit: 'ms', target: '≤ 50 ms' });
      figures.push({ name: `insights.${view} (all), first call, encrypted / plain`, value: e / p, unit: '×' });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    benchmark: 'insights',
    figures,
    notes: [
      `${ENTRIES} entries (2–3 feelings each) and ${SESSIONS} sessions (0–3 check-ins each) over ${YEARS} years, 20 ladder steps with 3000 tries, 40 media items with ${SESSIONS * 0.4} uses.`,
      `Weeks start on Monday in ${ZONE}; 'all' is ${YEARS} years, so it is shown in months.`,
      'Medians of warm calls (the page cache holds decrypted pages, so encryption costs little there), then of first calls on a fresh connection (the OS file cache stays warm).',
    ],
  };
}

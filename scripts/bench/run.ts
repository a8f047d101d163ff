/** `npm run bench [name…]`: runs the benchmarks, prints a table each and writes .bench/<name>.json. */
import { printTable, writeResult, type BenchResult } from './report.ts';

const benchmarks: Record<string, () => Promise<BenchResult>> = {
  'vault-journal': async () => (await import('./vault.bench.ts')).run(),
  'session-audio-timing': async () => (await import('./audio.bench.ts')).run(),
  'stop-latency': async () => (await import('./stop-latency.bench.ts')).run(),
  soundscape: async () => (await import('./soundscape.bench.ts')).run(),
  'scheduler-simulation': async () => (await import('./scheduler.bench.ts')).run(),
  'feelings-granularity': async () => (await import('./granularity.bench.ts')).run(),
  insights: async () => (await import('./insights.bench.ts')).run(),
  backup: async () => (await import('./backup.bench.ts')).run(),
  frontend: async () => (await import('./frontend.bench.ts')).run(),
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(benchmarks)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const result = await run();
  printTable(result);
  console.log(`→ ${writeResult(result)}`);
}

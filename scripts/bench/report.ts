import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One measured figure. `target` is a plain-words goal printed beside it, never asserted. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

export interface BenchResult {
  benchmark: string;
  figures: Figure[];
  notes?: string[];
}

const benchDir = resolve(import.meta.dirname, '../../.bench');

export function writeResult(result: BenchResult): string {
  mkdirSync(benchDir, { recursive: true });
  const file = join(benchDir, `${result.benchmark}.json`);
  writeFileSync(file, `${JSON.stringify({ ...result, measuredAt: new Date().toISOString(), node: process.version }, null, 2)}\n`);
  return file;
}

export function printTable(result: BenchResult): void {
  const rows = result.figures.map((f) => [f.name, formatValue(f.value), f.unit, f.target ?? '']);
  const header = ['figure', 'value', 'unit', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(`\n## ${result.benchmark}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  for (const note of result.notes ?? []) console.log(`note: ${note}`);
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(3);
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/**
 * The charts load with the "Over time" screen only: uPlot (and the charts' CSS) must never be part
 * of what the lock screen or the shell behind it needs up front. Checked on the sources: only
 * components/charts imports uPlot, and no chain of static imports from the page's first scripts
 * or from the shell reaches components/charts (a lazily loaded screen imports them; import() is
 * where the chain stops). tests/electron/bundle-renderer-charts.test.ts checks the built files too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../renderer');
const charts = join(root, 'components/charts');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

/** Static imports and re-exports (not `import type`, not import()). */
function staticImports(text: string): string[] {
  const found = [
    ...text.matchAll(/^\s*import\s+(?!type\s)(?:[^'"]*?\sfrom\s*)?['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*export\s+(?!type\s)[^'"]*?\sfrom\s*['"]([^'"]+)['"]/gm),
  ];
  return found.map((m) => m[1]!);
}

function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}/index.ts`].find((p) => existsSync(p) && statSync(p).isFile()) ?? null;
}

/** Every file a root pulls in through static imports. */
function staticallyReached(start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      const next = resolveLocal(file, specifier);
      if (next) queue.push(next);
    }
  }
  return seen;
}

/** The scripts the page starts with (index.html), main.ts (named for preloading) and the shell. */
function roots(): string[] {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="\.\/([^"]+)"/g)].map((m) => join(root, m[1]!));
  return [...new Set([...scripts, join(root, 'main.ts'), join(root, 'AppShell.svelte')])].filter((p) => existsSync(p));
}

describe('charts load only with the screen that shows them', () => {
  it('finds the page\'s first scripts and the shell', () => {
    expect(roots().map((p) => relative(root, p))).toEqual(expect.arrayContaining(['main.ts', 'AppShell.svelte']));
  });

  it('imports uPlot only in components/charts', () => {
    const outside = files(root)
      .filter((path) => !path.startsWith(charts + '/'))
      .filter((path) => staticImports(readFileSync(path, 'utf8')).some((s) => s === 'uplot' || s.startsWith('uplot/')))
      .map((path) => relative(root, path));
    expect(outside).toEqual([]);
  });

  it('no chain of static imports from the first scripts or the shell reaches the charts', () => {
    const reached = roots().flatMap((start) =>
      [...staticallyReached(start)].filter((path) => path.startsWith(charts + '/')).map((path) => `${relative(root, start)} → ${relative(root, path)}`),
    );
    expect(reached).toEqual([]);
  });

  it('would notice a chain if there were one', () => {
    const reached = staticallyReached(join(charts, 'index.ts'));
    expect([...reached].map((p) => relative(root, p))).toEqual(expect.arrayContaining(['components/charts/Plot.svelte', 'components/charts/model.ts']));
  });
});

/**
 * The renderer's layer rules, checked on the source: it reaches the world only through
 * window.saltwater (read in lib/api.ts alone), takes only types and plain data from the
 * contract (never preload's api factory or transport), never imports Electron or Node, and never renders snippets as HTML.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../renderer');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

const sources = files(root).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));
const importRe = /import\s+(type\s+)?([^'"]*?)\s*from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

function imports(text: string) {
  return [...text.matchAll(importRe)].map((m) => ({
    typeOnly: Boolean(m[1]) || /^\{\s*(type\s+[\w$]+\s*,?\s*)+\}$/.test(m[2] ?? ''),
    names: m[2] ?? '',
    from: (m[3] ?? m[4] ?? m[5])!,
  }));
}

describe('renderer boundaries', () => {
  it('finds the renderer sources', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it('never imports electron or Node built-ins', () => {
    const bad = sources.flatMap((s) =>
      imports(s.text)
        .filter((i) => i.from === 'electron' || i.from.startsWith('node:') || ['fs', 'path', 'child_process', 'os'].includes(i.from))
        .map((i) => `${s.path}: ${i.from}`),
    );
    expect(bad).toEqual([]);
  });

  it('takes only types and plain data from the contract; never the api factory, transport or channels', () => {
    const bad = sources.flatMap((s) =>
      imports(s.text)
        .filter((i) => i.from.includes('preload/'))
        .filter((i) => !i.typeOnly && !/preload\/contract\//.test(i.from))
        .map((i) => `${s.path}: ${i.names} from ${i.from}`),
    );
    expect(bad).toEqual([]);
  });

  it('reads window.saltwater only in lib/api.ts', () => {
    const readers = sources.filter((s) => /\bsaltwater\b/.test(s.text.replace(/['"]saltwater[^'"]*['"]/g, ''))).map((s) => s.path);
    expect(readers.filter((p) => /window\.saltwater|globalThis\.saltwater/.test(sources.find((s) => s.path === p)!.text))).toEqual(['lib/api.ts']);
  });

  it('uses {@html} only for the sanitised Markdown preview', () => {
    const withHtml = sources.filter((s) => s.text.includes('{@html')).map((s) => s.path);
    expect(withHtml).toEqual(['components/Markdown.svelte']);
    const markdown = sources.find((s) => s.path === 'components/Markdown.svelte')!.text;
    expect(markdown).toMatch(/renderMarkdown\(/);
  });

  it('sets no inline style attributes (the CSP forbids them)', () => {
    const bad = sources.filter((s) => s.path.endsWith('.svelte') && /\sstyle=["{]/.test(s.text)).map((s) => s.path);
    expect(bad).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules from DESIGN.md, checked over every source file (including .svelte,
 * which the linter does not parse): a crossing fails CI instead of waiting for a review.
 */
const root = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|svelte)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    specifiers.push((m[1] ?? m[2] ?? m[3])!);
  }
  return specifiers;
}

function resolvedTarget(file: string, specifier: string): string {
  return specifier.startsWith('.') ? relative(root, resolve(root, file, '..', specifier)) : specifier;
}

interface Rule {
  name: string;
  files: string;
  forbidden: (target: string) => boolean;
}

const rules: Rule[] = [
  {
    name: 'main/core never imports electron or main/app',
    files: 'main/core',
    forbidden: (t) => t === 'electron' || t.startsWith('electron/') || t.startsWith('main/app'),
  },
  {
    name: 'renderer imports only its own code and the contract (types and constants)',
    files: 'renderer',
    forbidden: (t) =>
      t === 'electron' ||
      t.startsWith('node:') ||
      t.startsWith('main/') ||
      t.startsWith('scripts/') ||
      (t.startsWith('preload/') && !t.startsWith('preload/contract') && t !== 'preload/create-api.ts'),
  },
  {
    name: 'the contract is pure: no electron, no Node',
    files: 'preload/contract',
    forbidden: (t) => t === 'electron' || t.startsWith('node:') || t.startsWith('main/'),
  },
];

describe('layering', () => {
  for (const rule of rules) {
    it(rule.name, () => {
      const files = sourceFiles(rule.files);
      expect(files.length).toBeGreaterThan(0);
      const crossings = files.flatMap((file) =>
        importsOf(file)
          .map((s) => resolvedTarget(file, s))
          .filter(rule.forbidden)
          .map((target) => `${file} → ${target}`),
      );
      expect(crossings).toEqual([]);
    });
  }

  it('the scanner sees a forbidden import when there is one', () => {
    const rule = rules[0]!;
    expect(rule.forbidden(resolvedTarget('main/core/x.ts', '../app/window.ts'))).toBe(true);
    expect(rule.forbidden('electron')).toBe(true);
    expect(rule.forbidden(resolvedTarget('main/core/x.ts', './ports.ts'))).toBe(false);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The renderer as it ships (issue #13): minified, and no source map linked from the code or packed
 * into the app (maps are written beside the build for debugging only).
 */
const root = resolve(import.meta.dirname, '../..');
const assets = join(root, 'out/renderer/assets');
const scripts = () => readdirSync(assets).filter((name) => name.endsWith('.js'));

describe('the renderer as it ships', () => {
  it('is minified: the app code is a few long lines, not indented source', () => {
    const app = scripts().find((name) => /^app-.+\.js$/.test(name));
    expect(app).toBeDefined();
    const text = readFileSync(join(assets, app!), 'utf8');
    const lines = text.split('\n');
    expect(text.length).toBeGreaterThan(10_000);
    // Minified output has almost no line breaks and no indentation to speak of.
    expect(lines.length).toBeLessThan(text.length / 500);
    expect(lines.filter((line) => /^\s{2,}\S/.test(line)).length).toBeLessThan(10);
  });

  it('links no source map from any script or stylesheet', () => {
    const files = readdirSync(assets).filter((name) => /\.(js|css)$/.test(name));
    expect(files.length).toBeGreaterThan(5);
    const linking = files.filter((name) => /sourceMappingURL=/.test(readFileSync(join(assets, name), 'utf8')));
    expect(linking).toEqual([]);
  });

  it('leaves the maps out of the package', () => {
    const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { files: string[] };
    expect(config.files).toContain('!**/*.map');
    // What it leaves out exists in the build, so the exclusion is not idle.
    expect(readdirSync(assets).some((name) => name.endsWith('.js.map'))).toBe(true);
  });
});

/**
 * `npm run icons`: every platform's app icon from the one source, resources/icon.svg.
 *
 * Writes (all checked in, so packaging needs no image tools and a review sees what ships):
 *   resources/icons/icon.png          1024×1024, the master raster
 *   resources/icons/icon.ico          Windows: 16, 24, 32, 48, 64, 128, 256
 *   resources/icons/icon.icns         macOS: 16 … 1024 (incl. @2x)
 *   resources/icons/linux/NxN.png     Linux: 16 … 512 (electron-builder reads the size from the name)
 *   resources/icons/source.sha256     the hash of the SVG they were made from; tests/unit/app-icons.test.ts
 *                                     fails when the SVG changes and this script was not run again.
 *
 * icon-gen renders the SVG with sharp (prebuilt libvips from npm, no compiler or extra download)
 * and writes the ICO and ICNS containers itself.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import iconGenModule from 'icon-gen';

export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
export const ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024];
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
export const MASTER_SIZE = 1024;

// icon-gen is CommonJS with `exports.default`; Node's ESM loader hands over the whole exports object.
const generateIcon = (iconGenModule as unknown as { default?: typeof iconGenModule }).default ?? iconGenModule;

const root = resolve(import.meta.dirname, '..');
const source = join(root, 'resources/icon.svg');
const outDir = join(root, 'resources/icons');
const linuxDir = join(outDir, 'linux');

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'saltwater-icons-'));
  try {
    await generateIcon(source, work, {
      report: false,
      ico: { name: 'icon', sizes: ICO_SIZES },
      icns: { name: 'icon', sizes: ICNS_SIZES },
      // The "favicon" PNGs are the plain per-size renders; its favicon.ico is not used.
      favicon: { name: 'icon-', pngSizes: [...LINUX_SIZES, MASTER_SIZE], icoSizes: [16] },
    });
    rmSync(linuxDir, { recursive: true, force: true });
    mkdirSync(linuxDir, { recursive: true });
    const written: string[] = [];
    const copy = (from: string, to: string): void => {
      copyFileSync(join(work, from), to);
      written.push(relative(root, to));
    };
    copy('icon.ico', join(outDir, 'icon.ico'));
    copy('icon.icns', join(outDir, 'icon.icns'));
    copy(`icon-${MASTER_SIZE}.png`, join(outDir, 'icon.png'));
    for (const size of LINUX_SIZES) copy(`icon-${size}.png`, join(linuxDir, `${size}x${size}.png`));
    const hash = createHash('sha256').update(readFileSync(source)).digest('hex');
    writeFileSync(join(outDir, 'source.sha256'), `${hash}  icon.svg\n`);
    console.log(`Icons from ${relative(root, source)}:\n  ${written.join('\n  ')}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();

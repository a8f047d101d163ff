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
 * and the tray / menu-bar icon from resources/tray.svg (one black drop), into resources/icons/tray
 * (main/app/adapters/tray.ts picks the file per platform; electron-builder.yml ships the folder):
 *   trayTemplate.png, trayTemplate@2x.png   macOS: 16 and 32 px, black on transparent. "Template" in the
 *                                     name makes macOS recolour it for a light or dark menu bar, and
 *                                     "@2x" is the Retina version Electron picks up beside it.
 *   tray.ico                          Windows: 16, 24, 32, 48, 64 in TRAY_COLOUR. Windows draws the
 *                                     notification area at 16 px per 100 % scaling and takes the size
 *                                     nearest its scale from the ICO (Electron's advice is ICO there).
 *   tray.png, tray@2x.png             Linux: 22 and 44 px in TRAY_COLOUR. 22 px is the freedesktop
 *                                     panels' status-icon size (KDE Plasma, Ubuntu's indicators).
 *   source.sha256                     the hash of tray.svg, checked like the app icons' one.
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
export const TRAY_TEMPLATE_SIZES = [16, 32];
export const TRAY_ICO_SIZES = [16, 24, 32, 48, 64];
export const TRAY_LINUX_SIZES = [22, 44];
/**
 * Windows and Linux show tray icons as drawn, on light and dark taskbars and panels alike: a mid-tone
 * of the app's drop, at least 3:1 against both (WCAG's bar for icons). Against Windows 11's light
 * taskbar #f3f3f3 3.5:1, its dark #202020 4.2:1; KDE Breeze's light panel #eff0f1 3.4:1, dark #31363b 3.2:1.
 */
export const TRAY_COLOUR = '#b27348';

// icon-gen is CommonJS with `exports.default`; Node's ESM loader hands over the whole exports object.
const generateIcon = (iconGenModule as unknown as { default?: typeof iconGenModule }).default ?? iconGenModule;

const root = resolve(import.meta.dirname, '..');
const source = join(root, 'resources/icon.svg');
const outDir = join(root, 'resources/icons');
const linuxDir = join(outDir, 'linux');
const traySource = join(root, 'resources/tray.svg');
const trayDir = join(outDir, 'tray');

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

async function trayIcons(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'saltwater-tray-'));
  try {
    const svg = readFileSync(traySource, 'utf8');
    if (!svg.includes('fill="#000000"')) throw new Error('resources/tray.svg: expected one shape with fill="#000000"');
    const coloured = join(work, 'tray-colour.svg');
    writeFileSync(coloured, svg.replaceAll('fill="#000000"', `fill="${TRAY_COLOUR}"`));
    const templateWork = join(work, 'template');
    const colourWork = join(work, 'colour');
    mkdirSync(templateWork);
    mkdirSync(colourWork);
    await generateIcon(traySource, templateWork, { report: false, favicon: { name: 'tray-', pngSizes: TRAY_TEMPLATE_SIZES, icoSizes: [16] } });
    await generateIcon(coloured, colourWork, {
      report: false,
      ico: { name: 'tray', sizes: TRAY_ICO_SIZES },
      favicon: { name: 'tray-', pngSizes: TRAY_LINUX_SIZES, icoSizes: [16] },
    });
    rmSync(trayDir, { recursive: true, force: true });
    mkdirSync(trayDir, { recursive: true });
    const written: string[] = [];
    const copy = (from: string, to: string): void => {
      copyFileSync(from, join(trayDir, to));
      written.push(relative(root, join(trayDir, to)));
    };
    const [small, large] = TRAY_TEMPLATE_SIZES;
    copy(join(templateWork, `tray-${small}.png`), 'trayTemplate.png');
    copy(join(templateWork, `tray-${large}.png`), 'trayTemplate@2x.png');
    copy(join(colourWork, 'tray.ico'), 'tray.ico');
    const [linux, linux2x] = TRAY_LINUX_SIZES;
    copy(join(colourWork, `tray-${linux}.png`), 'tray.png');
    copy(join(colourWork, `tray-${linux2x}.png`), 'tray@2x.png');
    const hash = createHash('sha256').update(readFileSync(traySource)).digest('hex');
    writeFileSync(join(trayDir, 'source.sha256'), `${hash}  tray.svg\n`);
    console.log(`Tray icons from ${relative(root, traySource)}:\n  ${written.join('\n  ')}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
await trayIcons();

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, PluginOption } from 'vite';
import { LOCKED_PAGE } from '../../main/core/static-files.ts';
import { PRERENDERED } from '../../renderer/prerender/marker.ts';
import { criticalCssOf, policyAllowingStyle, withInlineStyle } from './critical-css.ts';

interface Options {
  /** The renderer's source folder (Vite's root for it). */
  root: string;
  /** Where the renderer was built (index.html is there). */
  outDir: string;
  /** The app's code, which the page's first script (renderer/boot.ts) imports once the first frame has painted. */
  appEntry: string;
  /** The Svelte plugin, configured as for the renderer, to compile the components for the server. */
  svelte: () => PluginOption;
}

interface BuiltChunk {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  isEntry: boolean;
  code: string;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/**
 * After the renderer is built:
 * - names the app's code and styles in index.html for the browser to fetch at once (boot.ts
 *   imports the code only after the first paint, and the styles must be there for that paint);
 * - writes `locked.html`: index.html with the lock screen already in it (renderer/prerender/
 *   lock-screen.ts, run through Vite's SSR loader), which main serves while the vault is locked,
 *   so the passphrase field paints before any code has run. Its own rules are inline
 *   (critical-css.ts), so that paint waits for no stylesheet either.
 */
export function prerenderLockScreen(options: Options): Plugin {
  return {
    name: 'saltwater:prerender-lock-screen',
    apply: 'build',
    async writeBundle(_, bundle) {
      const chunks = new Map<string, BuiltChunk>();
      for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item as unknown as BuiltChunk);
      const app = [...chunks.values()].find((chunk) => chunk.facadeModuleId === options.appEntry);
      if (!app) throw new Error(`the build has no chunk for ${options.appEntry}`);
      // Every chunk a chunk imports statically, however deep.
      const closureOf = (start: BuiltChunk): Set<string> => {
        const seen = new Set<string>();
        const walk = (chunk: BuiltChunk) => {
          for (const name of chunk.imports) {
            const next = chunks.get(name);
            if (!next || seen.has(name)) continue;
            seen.add(name);
            walk(next);
          }
        };
        walk(start);
        return seen;
      };
      const scripts = new Set([app.fileName, ...closureOf(app)]);
      const styles = new Set([...scripts].flatMap((name) => [...(chunks.get(name)!.viteMetadata?.importedCss ?? [])]));
      // The point of boot.ts (the page's entry): nothing of the app runs before the first paint.
      const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
      const early = entry ? closureOf(entry) : new Set<string>();
      // Its own needs are a few small modules; the app's code would be far more.
      const earlyBytes = [...early].reduce((sum, name) => sum + chunks.get(name)!.code.length, 0);
      if (!entry || early.has(app.fileName) || earlyBytes > 16_000) {
        throw new Error("the page's first script (renderer/boot.ts) must not import the app's code statically (see codeSplitting in electron.vite.config.ts)");
      }
      const indexFile = join(options.outDir, 'index.html');
      // As Vite wrote it: its first script, and the few small modules that script imports.
      const firstScriptOnly = readFileSync(indexFile, 'utf8');
      let page = firstScriptOnly;
      const links = [
        ...[...scripts].filter((file) => !page.includes(`"./${file}"`)).map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`),
        ...[...styles].filter((file) => !page.includes(`"./${file}"`)).map((file) => `<link rel="stylesheet" crossorigin href="./${file}">`),
      ];
      page = page.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
      const lockScreen = await renderLockScreen(options);
      // The lock screen's own rules go in its page, so its first paint waits for no stylesheet.
      const critical = await criticalCssOf(withLockScreen(page, lockScreen), options.outDir);
      page = policyAllowingStyle(page, critical);
      writeFileSync(indexFile, page);
      // The locked page names none of the app's code or stylesheet: boot.ts imports them after the
      // first paint (see critical-css.ts). index.html, with no screen to paint first, names them up front.
      const locked = withInlineStyle(withLockScreen(policyAllowingStyle(firstScriptOnly, critical), lockScreen), critical);
      writeFileSync(join(options.outDir, LOCKED_PAGE), locked);
    },
  };
}

async function renderLockScreen(options: Options): Promise<string> {
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: false,
    root: options.root,
    logLevel: 'error',
    plugins: [options.svelte()],
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const module = (await server.ssrLoadModule('/prerender/lock-screen.ts')) as { renderLockScreen: () => Promise<string> };
    return await module.renderLockScreen();
  } finally {
    await server.close();
  }
}

function withLockScreen(page: string, body: string): string {
  const empty = '<div id="app"></div>';
  if (!page.includes(empty)) throw new Error(`index.html has no ${empty} to put the lock screen in`);
  return page.replace(empty, `<div id="app" data-${PRERENDERED.dataKey}="${PRERENDERED.locked}">${body}</div>`);
}

import { createHash } from 'node:crypto';
import Beasties from 'beasties';

/**
 * The lock screen's first paint should not wait for the app's whole stylesheet, nor share the
 * machine with fetching the app's code: the rules the ready-made screen uses go in the page itself,
 * and the page names neither the app's code nor its stylesheet. boot.ts imports them after the
 * first paint (Vite's loader adds the stylesheet and waits for it before the code runs). Fetched
 * alongside the first paint they held it back (~40 ms of ~240 on a 2-core box, measured against
 * the same page without them). Not a stylesheet link in the body either: while one loads, the
 * browser holds back autofocus (the HTML standard's "script-blocking style sheet"), and the field
 * must have focus when it paints.
 */

/**
 * Rules Beasties can't see are used by the static HTML: the theme (data-theme is set on <html> by
 * boot.ts before the first paint) and selectors made only of pseudo-classes, such as
 * `:focus-visible`, which it would otherwise drop.
 */
const ALWAYS_KEEP = [/data-theme/, /^:/];

/** The rules from the page's stylesheets (read from the built folder) that its HTML uses. */
export async function criticalCssOf(page: string, builtDir: string): Promise<string> {
  const beasties = new Beasties({
    path: builtDir,
    publicPath: './',
    pruneSource: false,
    inlineFonts: false,
    compress: true,
    logLevel: 'silent',
    allowRules: ALWAYS_KEEP,
  });
  // Beasties rewrites the whole document; only the rules it picked are taken from its answer.
  const processed = await beasties.process(page);
  const css = [...processed.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]).join('');
  if (!css) throw new Error('no critical styles were found for the ready-made lock screen');
  return css;
}

/** The page with `css` inline in its head. */
export function withInlineStyle(page: string, css: string): string {
  if (css.includes('</style')) throw new Error('the critical styles would close their own <style> element');
  return page.replace('</head>', `  <style>${css}</style>\n  </head>`);
}

/**
 * The page's Content-Security-Policy, allowing exactly this inline style by its hash (style-src
 * keeps no 'unsafe-inline'). The policy has one source, index.html's meta tag (main/app/csp.ts), so
 * both pages get the same one.
 */
export function policyAllowingStyle(page: string, css: string): string {
  const hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
  const withHash = page.replace(/(<meta\b[^>]*http-equiv="Content-Security-Policy"[^>]*content="[^"]*style-src 'self')/i, `$1 ${hash}`);
  if (withHash === page) throw new Error("index.html's Content-Security-Policy has no style-src 'self' to add the lock screen's styles to");
  return withHash;
}

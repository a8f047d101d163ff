/**
 * The palette of renderer/styles/global.css, read per theme, and WCAG contrast. Shared by the
 * contrast tests so both themes are checked the same way.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const css = readFileSync(resolve(import.meta.dirname, '../../renderer/styles/global.css'), 'utf8');

export const themes = ['dark', 'light'] as const;
export type Theme = (typeof themes)[number];

/** The block that defines a theme's colours (the dark one is also :root's). */
function block(theme: Theme): string {
  const start = css.indexOf(`[data-theme='${theme}'] {`);
  if (start < 0) throw new Error(`global.css has no [data-theme='${theme}'] block`);
  return css.slice(start, css.indexOf('\n}', start));
}

const palettes = new Map(
  themes.map((t) => [t, new Map([...block(t).matchAll(/--([a-z0-9-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!]))]),
);

/** A colour of a theme, as 6-digit hex; throws if the theme does not define it that way. */
export function colour(theme: Theme, name: string): string {
  const value = palettes.get(theme)!.get(name);
  if (!value) throw new Error(`--${name} is not a 6-digit hex colour in the ${theme} theme`);
  return value;
}

/** The names each theme defines as hex colours. */
export function names(theme: Theme): string[] {
  return [...palettes.get(theme)!.keys()];
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** CSS `color-mix(in srgb, a p%, b)`, for the tints the stylesheet mixes. */
export function mix(a: string, b: string, p: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(i, i + 2), 16);
  return `#${[1, 3, 5].map((i) => Math.round(channel(a, i) * p + channel(b, i) * (1 - p)).toString(16).padStart(2, '0')).join('')}`;
}

import type { Settings } from '../../preload/contract/index.ts';

export type ThemeChoice = Settings['theme'];
export type Theme = 'light' | 'dark';

/**
 * The light or dark theme: set as data-theme on <html>, which global.css reads. The choice
 * lives in the vault's settings; a copy (only 'system', 'light' or 'dark', nothing private) is
 * kept in the window's local storage so the lock screen already wears it before unlocking.
 */
const KEY = 'saltwater.theme';
const LIGHT = '(prefers-color-scheme: light)';

let chosen: ThemeChoice = 'system';

export function resolveTheme(choice: ThemeChoice, systemPrefersLight: boolean): Theme {
  if (choice === 'system') return systemPrefersLight ? 'light' : 'dark';
  return choice;
}

/** Wears a theme choice now and remembers it for the lock screen. */
export function applyTheme(choice: ThemeChoice): void {
  chosen = choice;
  try {
    localStorage.setItem(KEY, choice);
  } catch {
    // Storage can be unavailable; the theme still applies for this run.
  }
  paint();
}

/** At start: the remembered choice, and follow the computer when it changes its appearance. */
export function startTheme(): void {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(KEY);
  } catch {
    saved = null;
  }
  chosen = saved === 'light' || saved === 'dark' ? saved : 'system';
  paint();
  matchMedia(LIGHT).addEventListener('change', paint);
}

function paint(): void {
  const theme = resolveTheme(chosen, matchMedia(LIGHT).matches);
  document.documentElement.dataset.theme = theme;
  document.querySelector('meta[name="color-scheme"]')?.setAttribute('content', theme);
}

/**
 * The page served while the vault is locked has the lock screen's HTML in it already
 * (`<div id="app" data-prerendered="locked">`, written by scripts/build/prerender-lock-screen.ts),
 * so it paints before the code has run; boot.ts then lets main.ts take it over (hydrate).
 */
export const PRERENDERED = { dataKey: 'prerendered', locked: 'locked' } as const;

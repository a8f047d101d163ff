import { startTheme } from './lib/theme.ts';
import { PRERENDERED } from './prerender/marker.ts';

/**
 * The page's first script. When the lock screen came painted from HTML (renderer/prerender), the
 * browser gets to show it before the app's code runs (its evaluation takes a while on a cold start);
 * the code, already fetched (the page names it for preloading), takes over in the next frame.
 */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    // A window not on screen yet may not give frames: never wait long for one.
    setTimeout(resolve, 100);
  });
}

// Before the first paint: the lock screen painted from HTML wears the person's theme from the start.
startTheme();
const target = document.getElementById('app')!;
const prerendered = target.dataset[PRERENDERED.dataKey] === PRERENDERED.locked;
if (prerendered) await afterNextPaint();
const { start } = await import('./main.ts');
await start(target, prerendered);
// Taken over (or replaced): from here on it is the app's own screen.
delete target.dataset[PRERENDERED.dataKey];

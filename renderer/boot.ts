import { startTheme } from './lib/theme.ts';
import { keepEarlyInput } from './prerender/early-input.ts';
import { PRERENDERED } from './prerender/marker.ts';

/**
 * The page's first script. When the lock screen came painted from HTML (renderer/prerender), the
 * browser gets to show it before the app's code runs (its evaluation takes a while on a cold start);
 * the code is fetched after that first paint (so fetching it doesn't hold the paint back) and takes
 * over; what the person does meanwhile is kept (early-input.ts).
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
// Zod (in the screens after the lock screen) probes for eval the first time a schema parses, which
// the CSP refuses (script-src has no 'unsafe-eval') with a console report. Its jitless mode
// (z.config({ jitless: true })) skips that; set here, before anything could load zod, through the
// global zod takes its config from. tests/e2e/editor-long.spec.ts fails on the report.
const zodConfig = ((globalThis as { __zod_globalConfig?: object }).__zod_globalConfig ??= {});
Object.assign(zodConfig, { jitless: true });

const target = document.getElementById('app')!;
const prerendered = target.dataset[PRERENDERED.dataKey] === PRERENDERED.locked;
const early = prerendered ? keepEarlyInput(target) : null;
try {
  if (prerendered) await afterNextPaint();
  const { start } = await import('./main.ts');
  await (early ? early.takeOver(() => start(target, true)) : start(target, false));
} catch {
  // The lock screen painted from HTML must not sit there looking ready when nothing can answer it.
  const heading = document.createElement('h1');
  heading.textContent = "Saltwater couldn't start this time";
  const text = document.createElement('p');
  text.textContent = 'Nothing in your journal has changed. Please close Saltwater and open it again.';
  target.replaceChildren(heading, text);
}
// Taken over (or replaced): from here on it is the app's own screen.
delete target.dataset[PRERENDERED.dataKey];

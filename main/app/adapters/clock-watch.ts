import { powerMonitor } from 'electron';
import { systemZone } from '../../core/ports.ts';

/**
 * Reminders are planned from the wall clock. Electron has no event for a changed clock or
 * zone, so once a minute compare the wall clock with the monotonic one (a jump means the
 * clock was set) and re-read the zone; waking from sleep and unlocking the screen count too.
 */
export function watchClock(onChange: () => void): () => void {
  let lastZone = systemZone();
  let wall = Date.now();
  let mono = performance.now();
  const timer = setInterval(() => {
    const jumped = Math.abs(Date.now() - wall - (performance.now() - mono)) > 2_000;
    const zoneNow = systemZone();
    wall = Date.now();
    mono = performance.now();
    if (jumped || zoneNow !== lastZone) {
      lastZone = zoneNow;
      onChange();
    }
  }, 60_000);
  timer.unref();
  powerMonitor.on('resume', onChange);
  powerMonitor.on('unlock-screen', onChange);
  return () => clearInterval(timer);
}

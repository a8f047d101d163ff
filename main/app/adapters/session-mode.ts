import { powerSaveBlocker, type BrowserWindow } from 'electron';

/**
 * While a session runs: full screen (everything else out of sight) and the display kept
 * awake, so the screen does not go dark in the middle of a breathing exercise.
 */
export function createSessionMode(options: { alwaysProtected?: () => boolean } = {}) {
  let blocker: number | null = null;
  let running = false;
  return {
    /** True while a session runs. */
    active: () => running,
    set(win: BrowserWindow | null, active: boolean): void {
      running = active;
      if (win && !win.isDestroyed()) {
        win.setFullScreen(active);
        // Keep the session out of screen captures and recordings where the OS allows it; after it,
        // the window stays protected when the "Privacy on this computer" setting says so.
        win.setContentProtection(active || (options.alwaysProtected?.() ?? false));
      }
      if (active && blocker === null) blocker = powerSaveBlocker.start('prevent-display-sleep');
      if (!active && blocker !== null) {
        powerSaveBlocker.stop(blocker);
        blocker = null;
      }
    },
  };
}

import { powerSaveBlocker, type BrowserWindow } from 'electron';

/**
 * While a session runs: full screen (everything else out of sight) and the display kept
 * awake, so the screen does not go dark in the middle of a breathing exercise.
 */
export function createSessionMode() {
  let blocker: number | null = null;
  return {
    set(win: BrowserWindow | null, active: boolean): void {
      if (win && !win.isDestroyed()) {
        win.setFullScreen(active);
        // Keep the session out of screen captures and recordings where the OS allows it.
        win.setContentProtection(active);
      }
      if (active && blocker === null) blocker = powerSaveBlocker.start('prevent-display-sleep');
      if (!active && blocker !== null) {
        powerSaveBlocker.stop(blocker);
        blocker = null;
      }
    },
  };
}

import type { BrowserWindow } from 'electron';

/** How long a closing window waits for the page to save before it closes anyway. */
const SAVE_WAIT_MS = 1_500;

/**
 * Closing the window gives the page a moment to save the last keystrokes first: the close is
 * held, the page is told (app.closing), and it closes when the page answers or the wait ends.
 */
export function holdCloseForSave(win: BrowserWindow, tellPage: () => void): { readyToClose: () => void } {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (!win.isDestroyed()) win.close();
  };
  win.on('close', (event) => {
    if (released || win.webContents.isCrashed()) return;
    event.preventDefault();
    tellPage();
    setTimeout(release, SAVE_WAIT_MS).unref();
  });
  return { readyToClose: release };
}

import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { methodNames, type EventName, type EventPayload } from '../../preload/contract/index.ts';
import { EVENT_CHANNEL, methodChannel } from '../../preload/channels.ts';
import type { Router } from '../core/router.ts';
import { APP_ORIGIN } from './protocol.ts';

/**
 * Registers every contract method on ipcMain through the one validating router.
 * Calls from any frame other than our own top-level page are refused.
 */
export function registerIpc(router: Router, mainWindow: () => BrowserWindow | null): void {
  for (const method of methodNames) {
    ipcMain.handle(methodChannel(method), (event, input: unknown) => {
      if (!isTrustedSender(event, mainWindow())) {
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Refused.' } };
      }
      return router.call(method, input);
    });
  }
}

export function sendEvent<E extends EventName>(win: BrowserWindow | null, event: E, payload: EventPayload<E>): void {
  if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event, payload);
}

function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  return (
    win !== null &&
    event.sender === win.webContents &&
    frame !== null &&
    frame === win.webContents.mainFrame &&
    frame.url.startsWith(`${APP_ORIGIN}/`)
  );
}

import { createFakeElectron } from '../fake-electron.ts';

/**
 * What `import … from 'electron'` in the built out/main/index.js resolves to (see
 * resolve-electron.mjs): one fake for the process, with the real module's named exports.
 */
const userData = process.env.SALTWATER_FAKE_USER_DATA;
const appPath = process.env.SALTWATER_FAKE_APP_PATH;
if (!userData || !appPath) throw new Error('electron-module: SALTWATER_FAKE_USER_DATA and SALTWATER_FAKE_APP_PATH must be set');

export const fake = createFakeElectron({ userData, appPath });
export const { app, BrowserWindow, ipcMain, protocol, session, powerMonitor, powerSaveBlocker, globalShortcut, Notification, shell, clipboard, Menu, Tray, nativeImage, dialog, systemPreferences, safeStorage } = fake.module;
export default fake.module;

import { app } from 'electron';
import { bootstrap } from './app/bootstrap.ts';
import { registerAppScheme } from './app/protocol.ts';

// Electron entry: lifecycle only.
registerAppScheme();
app.enableSandbox();
// Windows attributes notifications to this id (it must match electron-builder's appId).
if (process.platform === 'win32') app.setAppUserModelId('app.saltwater.desktop');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(bootstrap);
}

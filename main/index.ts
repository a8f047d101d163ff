import { app } from 'electron';
import { bootstrap } from './app/bootstrap.ts';
import { registerAppScheme } from './app/protocol.ts';

// Electron entry: lifecycle only.
registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(bootstrap);
}

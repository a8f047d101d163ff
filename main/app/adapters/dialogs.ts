import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../../core/services.ts';

/** The OS's own open dialogs, attached to the window; the page never sees more than a name. */
export function createDialogs(win: () => BrowserWindow | null): Dialogs {
  const open = async (options: Electron.OpenDialogOptions): Promise<string | null> => {
    const parent = win();
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  return {
    chooseFolder: () => open({ title: 'Choose a folder for your backups', properties: ['openDirectory', 'createDirectory'] }),
    chooseBackupFile: () =>
      open({ title: 'Choose a Saltwater backup', properties: ['openFile'], filters: [{ name: 'Saltwater backups', extensions: ['swbackup'] }] }),
  };
}

import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../../core/services.ts';

/** The OS's own open and save dialogs, attached to the window; the page never sees more than a name. */
export function createDialogs(win: () => BrowserWindow | null): Dialogs {
  const open = async (options: Electron.OpenDialogOptions): Promise<string | null> => {
    const parent = win();
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  const save = async (options: Electron.SaveDialogOptions): Promise<string | null> => {
    const parent = win();
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  return {
    chooseFolder: () => open({ title: 'Choose a folder for your backups', properties: ['openDirectory', 'createDirectory'] }),
    chooseBackupFile: () =>
      open({ title: 'Choose a Saltwater backup', properties: ['openFile'], filters: [{ name: 'Saltwater backups', extensions: ['swbackup'] }] }),
    chooseExportFolder: () =>
      open({ title: 'Choose where to put the export', buttonLabel: 'Export here', properties: ['openDirectory', 'createDirectory'] }),
    // The save dialog asks before replacing a file of the same name.
    chooseExportZip: (suggestedName) =>
      save({ title: 'Save the export as a .zip file', defaultPath: suggestedName, filters: [{ name: 'Zip files', extensions: ['zip'] }], properties: ['createDirectory', 'showOverwriteConfirmation'] }),
    // Windows and Linux can't offer files and folders in one dialog, so the page offers two buttons.
    chooseImportFile: () =>
      open({
        title: 'Choose a journal export to import',
        properties: ['openFile'],
        filters: [
          { name: 'Journal exports', extensions: ['zip', 'json', 'csv'] },
          { name: 'All files', extensions: ['*'] },
        ],
      }),
    chooseImportFolder: () => open({ title: 'Choose a folder of Markdown or text files', properties: ['openDirectory'] }),
    chooseSummaryPdf: (suggestedName) =>
      save({ title: 'Save the summary as a PDF', defaultPath: suggestedName, filters: [{ name: 'PDF files', extensions: ['pdf'] }], properties: ['createDirectory', 'showOverwriteConfirmation'] }),
    choosePracticeFile: () =>
      open({ title: 'Choose a practice to import', properties: ['openFile'], filters: [{ name: 'Saltwater practices', extensions: ['json'] }, { name: 'All files', extensions: ['*'] }] }),
    choosePracticeSaveAs: (suggestedName) =>
      save({ title: 'Save the practice to share', defaultPath: suggestedName, filters: [{ name: 'Saltwater practices', extensions: ['json'] }], properties: ['createDirectory', 'showOverwriteConfirmation'] }),
  };
}

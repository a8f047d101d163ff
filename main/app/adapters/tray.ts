import { join } from 'node:path';
import { Menu, nativeImage, Tray } from 'electron';

type Platform = NodeJS.Platform;

/** The only words the icon ever shows: never a title, a count or anything from the journal. */
export const TRAY_TOOLTIP = 'Saltwater';

/**
 * The image for this platform, in resources/icons/tray (made by `npm run icons` from
 * resources/tray.svg): macOS a template image (black, recoloured by macOS for the menu bar; its
 * @2x file is found beside it), Windows an ICO (Electron's advice there), Linux a PNG with its @2x.
 */
export function trayImagePath(iconDir: string, platform: Platform): string {
  if (platform === 'darwin') return join(iconDir, 'trayTemplate.png');
  if (platform === 'win32') return join(iconDir, 'tray.ico');
  return join(iconDir, 'tray.png');
}

/**
 * The tray / menu-bar icon, off unless the person turns it on (setting `trayIcon`). Its menu:
 * Open, Quick note, Lock and Quit. Each OS's habit: macOS opens the menu on click; Windows opens
 * Saltwater on click and the menu on right-click; Linux only has the menu, since many Linux trays
 * never deliver a plain click (and the desktop may show no tray at all).
 */
export function createTray(options: {
  /** resources/icons/tray, in a checkout or the packaged app. */
  iconDir: string;
  onOpen: () => void;
  onQuickNote: () => void;
  onLock: () => void;
  onQuit: () => void;
  platform?: Platform;
}) {
  const platform = options.platform ?? process.platform;
  let tray: Tray | null = null;

  function create(): void {
    const image = nativeImage.createFromPath(trayImagePath(options.iconDir, platform));
    if (image.isEmpty()) {
      // An icon without an image would be an invisible, unclickable gap: better none.
      console.error('Saltwater: the tray icon image is missing, so no tray icon is shown.');
      return;
    }
    if (platform === 'darwin') image.setTemplateImage(true);
    const created = new Tray(image);
    created.setToolTip(TRAY_TOOLTIP);
    created.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open Saltwater', click: () => options.onOpen() },
        { label: 'Quick note…', click: () => options.onQuickNote() },
        { label: 'Lock', click: () => options.onLock() },
        { type: 'separator' },
        { label: 'Quit Saltwater', click: () => options.onQuit() },
      ]),
    );
    if (platform === 'win32') created.on('click', () => options.onOpen());
    tray = created;
  }

  function destroy(): void {
    if (tray && !tray.isDestroyed()) tray.destroy();
    tray = null;
  }

  return {
    /** The vault's `trayIcon` setting, after an unlock or a change: shows or removes the icon. */
    apply(enabled: boolean): void {
      if (enabled && tray === null) create();
      else if (!enabled) destroy();
    },
    /** At quit: the icon goes at once. */
    dispose: destroy,
  };
}

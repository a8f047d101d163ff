import type { QuickHideKey } from '../../preload/contract/index.ts';

/** The letter or key pressed, whatever the keyboard layout or modifiers make of `key`. */
function isKey(e: KeyboardEvent, code: string, key: string): boolean {
  return e.code === code || e.key.toLowerCase() === key;
}

/** Whether a keydown is the quick-hide shortcut ("mod": Cmd on macOS, Ctrl elsewhere; either is taken). */
export function isQuickHide(e: KeyboardEvent, key: QuickHideKey): boolean {
  switch (key) {
    case 'mod+shift+h':
      return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && isKey(e, 'KeyH', 'h');
    case 'mod+shift+space':
      return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && isKey(e, 'Space', ' ');
    case 'ctrl+alt+h':
      return e.ctrlKey && e.altKey && !e.shiftKey && !e.metaKey && isKey(e, 'KeyH', 'h');
    case 'off':
      return false;
  }
}

/** How the shortcut is written on this computer. */
export function quickHideLabel(key: QuickHideKey, mac: boolean): string {
  const mod = mac ? 'Cmd' : 'Ctrl';
  switch (key) {
    case 'mod+shift+h':
      return `${mod}+Shift+H`;
    case 'mod+shift+space':
      return `${mod}+Shift+Space`;
    case 'ctrl+alt+h':
      return mac ? 'Ctrl+Option+H' : 'Ctrl+Alt+H';
    case 'off':
      return 'Off';
  }
}

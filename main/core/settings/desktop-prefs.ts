import { readFileSync } from 'node:fs';
import { Settings, desktopSettingKeys, type DesktopSettings } from '../../../preload/contract/index.ts';
import { writeFileAtomic } from '../vault/atomic-write.ts';

/** Exactly the desktop settings (desktopSettingKeys), each checked as Settings checks it. */
const DesktopPrefsSchema = Settings.pick(Object.fromEntries(desktopSettingKeys.map((key) => [key, true])) as Record<(typeof desktopSettingKeys)[number], true>);

/**
 * A copy, beside the vault, of the few settings that act on the window and the OS (content
 * protection, the global quick-hide shortcut, launch at login, the tray icon). The settings
 * themselves live in the vault, so without this copy a restart would fall back to the defaults
 * until the next unlock: the tray gone, a global shortcut dead, protection on after it was turned off.
 * They say nothing about the journal; the vault stays their source, and this file follows it.
 */
export class DesktopPrefs {
  constructor(private readonly file: string) {}

  /** What was last applied, or null when there is no usable copy (then the defaults hold). */
  read(): DesktopSettings | null {
    try {
      const parsed = DesktopPrefsSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  write(settings: DesktopSettings): void {
    const current = this.read();
    if (current && desktopSettingKeys.every((key) => current[key] === settings[key])) return;
    writeFileAtomic(this.file, `${JSON.stringify(settings, null, 2)}\n`);
  }
}

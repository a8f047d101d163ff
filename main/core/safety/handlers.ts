import type { SafetyEntry } from '../../../preload/contract/index.ts';
import type { Handlers } from '../router.ts';
import type { Clipboard, OpenExternal } from '../signal/ports.ts';
import { numberFor, safetyLinkFor, telLink } from './lookup.ts';

export interface SafetyPorts {
  openExternal: OpenExternal;
  clipboard: Clipboard;
  /** The person's own entries (from settings; empty or throwing while locked). */
  ownEntries: () => SafetyEntry[];
  /** The computer's region from the OS (Electron: app.getLocaleCountryCode()); null when unknown. */
  region: () => string | null;
}

type SafetyHandlers = Pick<Handlers, 'safety.openWebsite' | 'safety.call' | 'safety.copyNumber' | 'safety.region'>;

/**
 * Help right now. None of these need the vault: crisis lines and the emergency number work
 * on the lock screen too. Saltwater only hands a page or a number to the OS; it never calls.
 */
export function safetyHandlers(ports: SafetyPorts): SafetyHandlers {
  return {
    'safety.openWebsite': (ref) => ports.openExternal(safetyLinkFor(ref, ports.ownEntries)),
    'safety.call': (ref) => ports.openExternal(telLink(numberFor(ref, ports.ownEntries))),
    'safety.copyNumber': (ref) => ports.clipboard.writeText(numberFor(ref, ports.ownEntries)),
    'safety.region': () => {
      const region = ports.region()?.toUpperCase() ?? '';
      return /^[A-Z]{2}$/.test(region) ? region : null;
    },
  };
}

/** Small interfaces the core services take, so tests can pass fakes. */

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = { now: () => Date.now() };

/** The computer's IANA time zone now (it can change while the app runs). */
export const systemZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Paper sizes the summary prints on: Letter where it is the custom, A4 elsewhere. */
export type PaperSize = 'A4' | 'Letter';

/**
 * Prints the app's own window as it is now (Electron: webContents.printToPDF and print). The
 * page's print stylesheet decides what shows, so no content passes through here.
 */
export interface PagePrinter {
  /** The window as a PDF, in the page's print styles. */
  toPdf(paper: PaperSize): Promise<Uint8Array>;
  /** The OS print dialog for the window; 'cancelled' when the person closes it. */
  print(): Promise<'printed' | 'cancelled'>;
}

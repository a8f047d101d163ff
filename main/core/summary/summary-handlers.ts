import fs from 'node:fs';
import { AppError } from '../../../preload/contract/index.ts';
import { fileProblem } from '../file-problems.ts';
import { writeFileAtomic } from '../vault/atomic-write.ts';
import type { Clock, PagePrinter, PaperSize } from '../ports.ts';
import type { Handlers } from '../router.ts';
import type { Dialogs } from '../services.ts';

export interface SummaryPorts {
  /** The open vault (throws LOCKED while locked): a summary is only ever printed from behind the lock. */
  db: () => unknown;
  clock: Clock;
  /** Absent where there is no window to print (the browser preview): saving says it needs the desktop app. */
  printer?: PagePrinter;
  dialogs: Pick<Dialogs, 'chooseSummaryPdf'>;
  /** The computer's region (ISO 3166 code), for the paper size. */
  region: () => string | null;
}

type SummaryHandlers = Pick<Handlers, 'summary.savePdf' | 'summary.print'>;

/** Where Letter paper is the custom; A4 everywhere else. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'CR', 'GT', 'PR', 'DO', 'PA', 'SV', 'NI', 'BZ']);

export function paperFor(region: string | null): PaperSize {
  return region !== null && LETTER_REGIONS.has(region.toUpperCase()) ? 'Letter' : 'A4';
}

/** The file's suggested name: the date only, nothing private ("Saltwater summary 2026-12-04.pdf"). */
export function summaryFileName(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `Saltwater summary ${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.pdf`;
}

/**
 * The summary's two ways out. The page sends nothing: main prints its own window, whose print
 * stylesheet shows the summary alone, so only what the person chose can be in the file.
 */
export function summaryHandlers(ports: SummaryPorts): SummaryHandlers {
  const printer = (): PagePrinter => {
    if (!ports.printer) {
      throw new AppError('FILE_PROBLEM', 'Saving a PDF or printing needs the Saltwater desktop app; this browser preview cannot do it. Your browser’s own Print command can.');
    }
    return ports.printer;
  };
  return {
    'summary.savePdf': async () => {
      ports.db();
      // Printed first, as the page is now; then the question of where, so the file is what was shown.
      const pdf = await printer().toPdf(paperFor(ports.region()));
      const chosen = await ports.dialogs.chooseSummaryPdf(summaryFileName(ports.clock.now()));
      if (chosen === null) return { outcome: 'cancelled' };
      const file = pdfName(chosen);
      writeWhole(file, pdf);
      return { outcome: 'saved', where: file };
    },
    'summary.print': async () => {
      ports.db();
      return { outcome: await printer().print() };
    },
  };
}

/**
 * The dialog's answer with ".pdf" on the end (some systems leave it to the app); a name we
 * extended was never asked about, so it never replaces a file.
 */
function pdfName(chosen: string): string {
  if (chosen.toLowerCase().endsWith('.pdf')) return chosen;
  let candidate = `${chosen}.pdf`;
  for (let n = 2; fs.existsSync(candidate); n++) candidate = `${chosen} (${n}).pdf`;
  return candidate;
}

/** Written beside the target, flushed, then renamed over it: a full disk leaves no half a PDF behind. */
function writeWhole(file: string, bytes: Uint8Array): void {
  try {
    writeFileAtomic(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw fileProblem(error, 'save the summary');
  }
}

import { z } from 'zod';
import { method, none } from './common.ts';

/**
 * "A summary to bring to therapy" (issue 14 §3). The page shows the summary the person chose and
 * asks main to print it: no page content travels in these calls. Main prints its own window (the
 * print stylesheet shows only the summary), so what is saved is exactly what the preview showed.
 */

/** Said on the page before saving or printing; kept in the contract so main and the page share one text. */
export const SUMMARY_NOT_ENCRYPTED =
  'A PDF or a printed page is not encrypted. Anyone who opens the file, or picks up the paper, can read everything on it. ' +
  'Keep it somewhere only you can reach, and delete it when you no longer need it.';

export const SummarySavePdf = z.strictObject({
  /** The person has seen that the file is not encrypted (checked here too, as export does). */
  understood: z.literal(true, { error: 'Please confirm you understand the PDF is not encrypted.' }),
});
export type SummarySavePdf = z.input<typeof SummarySavePdf>;

export const SummarySaved = z.discriminatedUnion('outcome', [
  /** Where the PDF was saved, to show the person. */
  z.object({ outcome: z.literal('saved'), where: z.string() }),
  /** The save dialog was closed: nothing was written. */
  z.object({ outcome: z.literal('cancelled') }),
]);
export type SummarySaved = z.output<typeof SummarySaved>;

export const SummaryPrinted = z.object({ outcome: z.enum(['printed', 'cancelled']) });
export type SummaryPrinted = z.output<typeof SummaryPrinted>;

export const summaryMethods = {
  /** Prints this window to a PDF (only the summary shows in print), asks where to save it, and writes it whole or not at all. */
  'summary.savePdf': method(SummarySavePdf, SummarySaved),
  /** Opens the computer's print dialog for this window (only the summary shows in print). */
  'summary.print': method(none, SummaryPrinted),
} as const;

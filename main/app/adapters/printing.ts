import type { BrowserWindow } from 'electron';
import { AppError } from '../../../preload/contract/index.ts';
import type { PagePrinter } from '../../core/ports.ts';

/**
 * The summary's print and PDF: the window as it is now, in the page's print styles (which show only
 * the summary). No header or footer: Chromium's would print the page's address and title.
 */
export function createPagePrinter(win: () => BrowserWindow | null): PagePrinter {
  const contents = () => {
    const current = win();
    if (!current || current.isDestroyed()) throw new AppError('NOT_FOUND', 'The Saltwater window is not open, so there is nothing to print.');
    return current.webContents;
  };
  return {
    toPdf: async (paper) => {
      const page = contents();
      let pdf: Buffer;
      try {
        pdf = await page.printToPDF({ pageSize: paper, printBackground: true, displayHeaderFooter: false, generateTaggedPDF: true, preferCSSPageSize: false });
      } catch {
        throw new AppError('FILE_PROBLEM', 'The summary could not be made into a PDF just now. Nothing was saved. Please try again.');
      }
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    },
    print: () =>
      new Promise((resolve, reject) => {
        contents().print({ silent: false, printBackground: true }, (success, failureReason) => {
          if (success) resolve('printed');
          else if (failureReason === 'cancelled') resolve('cancelled');
          else reject(new AppError('FILE_PROBLEM', 'The summary could not be printed. Is the printer on and connected? Nothing was saved.'));
        });
      }),
  };
}

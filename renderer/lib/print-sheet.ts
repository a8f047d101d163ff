import type { Attachment } from 'svelte/attachments';
import { keyLines } from './recovery-key.ts';

/**
 * While the recovery key is on screen, keeps a printable sheet at the end of <body>:
 * the print stylesheet hides everything else, so Print shows only the key and a
 * short explanation. Built from text nodes only.
 */
export function printSheet(key: string): Attachment {
  return () => {
    const sheet = document.createElement('section');
    sheet.className = 'print-sheet';
    sheet.setAttribute('aria-hidden', 'true');
    const add = (tag: string, text: string, className?: string) => {
      const el = document.createElement(tag);
      el.textContent = text;
      if (className) el.className = className;
      sheet.appendChild(el);
    };
    add('h1', 'Saltwater recovery key');
    add('p', 'This key opens your Saltwater journal if you ever forget your passphrase. Keep this page somewhere safe and private: anyone who has it can read your journal.');
    const box = document.createElement('div');
    box.className = 'print-key';
    for (const line of keyLines(key)) {
      const row = document.createElement('div');
      row.textContent = line;
      box.appendChild(row);
    }
    sheet.appendChild(box);
    add('p', 'Four groups on each line: groups 1 to 4 on the first line, 5 to 8 on the second, and so on.');
    add('p', 'To use it: on the unlock screen choose "I\'ve lost my passphrase", type the key (spaces, dashes and capitals do not matter) and choose a new passphrase.');
    add('p', `Printed on ${new Date().toISOString().slice(0, 10)}.`);
    document.body.appendChild(sheet);
    return () => sheet.remove();
  };
}

import type { z } from 'zod';
import type { SnippetPart } from '../../../preload/contract/index.ts';
import { plainText } from './preview.ts';

type Part = z.infer<typeof SnippetPart>;

// Private-use characters never come from a keyboard, so they can mark FTS5 snippet
// matches without any escaping; HTML tags here would invite someone to render them.
export const matchOpen = '\uE000';
export const matchClose = '\uE001';

/**
 * Splits an FTS5 snippet() result into plain-text parts; `match` parts are the
 * highlighted words. Markdown syntax ("### ", "**") is removed and whitespace collapsed,
 * so a snippet reads as one plain line like the list's preview. Marker characters that were in the entry itself (pasted
 * from somewhere) are never shown; at worst they stretch a highlight.
 */
export function snippetParts(raw: string): Part[] {
  const parts: Part[] = [];
  let text = '';
  let inMatch = false;
  const flush = () => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.match === inMatch) last.text += text;
    else parts.push({ text, match: inMatch });
    text = '';
  };
  // The markers are private-use characters, which the Markdown patterns treat as ordinary text.
  const plain = plainText(raw);
  for (let i = 0; i < plain.length; i++) {
    const ch = plain[i] as string;
    if (ch === matchOpen || ch === matchClose) {
      const opening = ch === matchOpen;
      if (opening !== inMatch) {
        flush();
        inMatch = opening;
      }
      continue;
    }
    text += ch;
  }
  flush();
  return tidy(parts);
}

function tidy(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const part of parts) {
    const text = part.text.replace(/\s+/gu, ' ');
    if (text !== '') out.push({ text, match: part.match });
  }
  const first = out[0];
  if (first && !first.match) first.text = first.text.trimStart();
  const last = out.at(-1);
  if (last && !last.match) last.text = last.text.trimEnd();
  return out.filter((part) => part.text !== '');
}

/** How much of an entry a list row shows. */
export const previewLength = 160;

/**
 * Enough raw text to fill a preview after Markdown syntax is stripped (a link's URL can
 * eat a lot of it); reading the whole of a 1 MB body for a list row would be wasteful.
 */
export const previewSourceLength = 1000;

/**
 * The start of an entry as plain, single-line text: headings, emphasis, quotes, list
 * markers, code ticks and link syntax are removed (links keep their text). It is
 * deliberately light: the list only needs something recognisable, and anything we miss
 * is shown as harmless text, never interpreted.
 */
export function preview(body: string): string {
  return truncate(plainText(body.slice(0, previewSourceLength)), previewLength);
}

/**
 * Markdown as the plain, single-line words a reader sees (the list's preview, a search
 * snippet): syntax removed, whitespace collapsed. Characters it does not know stay as text.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^\s{0,3}(?:`{3,}|~{3,}).*$/gmu, ' ') // code fences
    .replace(/^\s{0,3}#{1,6}(?=\s|$)/gmu, ' ') // headings
    .replace(/^\s{0,3}>+/gmu, ' ') // block quotes
    .replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/gmu, ' ') // list items, task boxes
    .replace(/^\s{0,3}(?:[-*_]\s*){3,}$/gmu, ' ') // horizontal rules
    .replace(/!\[([^\]]*)\]\([^)]*\)/gu, '$1') // images → alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1') // inline links → text
    .replace(/\[([^\]]*)\]\[[^\]]*\]/gu, '$1') // reference links → text
    .replace(/<((?:https?|mailto):[^>\s]+)>/giu, '$1') // autolinks
    .replace(/(\*{1,3}|_{1,3}|~~)(?=\S)([^\n]*?\S)\1(?![\p{L}\p{N}])/gu, '$2') // emphasis, strike
    .replace(/`+([^`]*)`+/gu, '$1') // inline code
    .replace(/\s+/gu, ' ')
    .trim();
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  // Never split an emoji or other astral character in half.
  const lastUnit = cut.charCodeAt(cut.length - 1);
  if (lastUnit >= 0xd800 && lastUnit <= 0xdbff) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

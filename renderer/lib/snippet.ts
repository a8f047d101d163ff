/** A piece of a search snippet, as the journal search returns it. Plain text, never HTML. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * Tidies snippet parts for display: drops empty pieces and joins neighbours of the
 * same kind, so one highlighted word is one <mark>. The text itself is never parsed.
 */
export function normaliseSnippet(parts: readonly SnippetPart[]): SnippetPart[] {
  const out: SnippetPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = out.at(-1);
    if (last && last.match === part.match) last.text += part.text;
    else out.push({ text: part.text, match: part.match });
  }
  return out;
}

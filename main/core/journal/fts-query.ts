/**
 * Turns what a person typed into a safe FTS5 MATCH expression.
 *
 * User text is never handed to MATCH as syntax: `"`, `*`, `NEAR(`, `AND`, `-`, `:` and
 * friends would either throw or change the meaning. Every word becomes a quoted
 * string (which FTS5 treats as plain text run through the tokenizer) and the words are
 * ANDed, so adding a word narrows the results the way people expect.
 */

// Words without a letter or digit tokenize to nothing in unicode61 (punctuation, emoji,
// lone operators); a quoted empty phrase matches nothing, so they are dropped up front.
const searchable = /[\p{L}\p{N}]/u;

/** Beyond this, extra words only cost time; nobody types sixteen words to find an entry. */
export const maxQueryWords = 16;

/**
 * A one-letter prefix expands to a large part of the whole term index, which is slow at
 * 100k entries and useless as a filter; from two letters on, prefix matching is cheap.
 */
export const minPrefixLength = 2;

export function searchWords(text: string): string[] {
  return text
    // FTS5 reads a NUL as the end of the query ("unterminated string"); no control
    // character belongs in a search anyway.
    .replace(/\p{Cc}/gu, ' ')
    .split(/\s+/u)
    .filter((word) => searchable.test(word))
    .slice(0, maxQueryWords);
}

/**
 * Returns null when the text holds nothing searchable. The last word is prefix-matched
 * while it is being typed (no trailing space yet), so results appear as you type.
 */
export function toFtsQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  const stillTyping = !/\s$/u.test(text);
  return words
    .map((word, i) => {
      const quoted = `"${word.replaceAll('"', '""')}"`;
      const isLast = i === words.length - 1;
      return isLast && stillTyping && letterCount(word) >= minPrefixLength ? `${quoted}*` : quoted;
    })
    .join(' AND ');
}

function letterCount(word: string): number {
  return [...word].filter((ch) => searchable.test(ch)).length;
}

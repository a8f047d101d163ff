/** Small rules for text the contract checks, shared by every feature's schemas. */

/** Characters as SQLite's length() counts them (Unicode code points), so limits agree with CHECKs. */
export const codePoints = (s: string): number => [...s].length;

/** Any control character: never in a one-line field (a name, a title, a header, an address). */
export const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Control characters other than tab and line breaks: never in multi-line text. */
export const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

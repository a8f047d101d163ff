import { z } from 'zod';

/** Small rules for text the contract checks, shared by every feature's schemas. */

/** Characters as SQLite's length() counts them (Unicode code points), so limits agree with CHECKs. */
export const codePoints = (s: string): number => [...s].length;

/** Any control character: never in a one-line field (a name, a title, a header, an address). */
export const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Control characters other than tab and line breaks: never in multi-line text. */
export const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** A string with whatever `problem` finds wrong with it (a message, or undefined when it is fine) as its issue. */
export const checked = (problem: (value: string) => string | undefined) =>
  z.string().superRefine((value, ctx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  });

interface TextRules {
  /** At most this many characters (code points), once trimmed. */
  max: number;
  tooLong: string;
  /** When a control character (any, for one line; other than tab and line breaks, for text) is in it. */
  control: string;
  /** When it is not a string at all; zod's own message when absent. */
  notText?: string;
}

function trimmedText(rules: TextRules, controls: RegExp, missing: string | undefined) {
  return z
    .string(rules.notText === undefined ? undefined : { error: rules.notText })
    .transform((s) => s.trim())
    .pipe(
      checked((value) => {
        if (missing !== undefined && value.length === 0) return missing;
        if (codePoints(value) > rules.max) return rules.tooLong;
        if (controls.test(value)) return rules.control;
        return undefined;
      }),
    );
}

/** A trimmed, required one-line field (a name, a title): `missing` when empty. */
export const oneLine = (rules: TextRules & { missing: string }) => trimmedText(rules, ANY_CONTROL, rules.missing);

/** Trimmed text that may run over several lines and may be empty (a note). */
export const multiLine = (rules: TextRules) => trimmedText(rules, CONTROL_IN_TEXT, undefined);

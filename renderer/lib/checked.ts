import type { z } from 'zod';

/** A form's input as the contract reads it, or what is wrong with it. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string; field: PropertyKey | undefined };

/**
 * The input as the contract reads it, or the contract's own message for what is wrong (and the
 * field it is about), before anything is sent: the same words main would give.
 */
export function checked<S extends z.ZodType>(schema: S, value: unknown, fallback = 'Something in the form needs another look.'): Checked<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, message: issue?.message ?? fallback, field: issue?.path[0] };
}

/** A form field's text as a number for the contract's check: empty is "missing", not 0. */
export function numberOf(draft: string): number | undefined {
  return draft.trim() === '' ? undefined : Number(draft);
}

import { z } from 'zod';

/** Small schemas several features' contracts share. */

/** An instant, in milliseconds since the Unix epoch. */
export const timestamp = z.number().int();

/** A practice session's id. */
export const SessionId = z.number().int().positive();

/** How someone feels, 1 (low) to 5 (good); readiness is asked on the same scale. */
export const Mood = z.number().int().min(1).max(5);

/** A method without input, and one whose answer is just "done". */
export const none = z.undefined();
export const ok = z.null();

/** One contract method: the schema of what the renderer sends and of what main answers. */
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

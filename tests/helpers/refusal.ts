import { expect } from 'vitest';
import { AppError } from '../../preload/contract/index.ts';
import { parse } from '../../main/core/journal/validate.ts';

/** The plain message the person would see when parse refuses this input, or a failure if it was accepted. */
export function refusal(schema: Parameters<typeof parse>[0], input: unknown): string {
  try {
    parse(schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_INPUT');
    return (error as AppError).message;
  }
  throw new Error(`accepted: ${JSON.stringify(input)}`);
}

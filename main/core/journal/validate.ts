import type { z } from 'zod';
import { AppError } from '../../../preload/contract/index.ts';

/**
 * The router validates contract input already; the services check again because they
 * are also called directly (test host, benchmarks, other services) and must never
 * write something the contract would refuse.
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
  throw new AppError('INVALID_INPUT', `${first?.message ?? 'Invalid input'}${where}`);
}

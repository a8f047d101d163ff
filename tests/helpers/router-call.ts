import type { Core } from '../../main/core/services.ts';

/** Calls a contract method through the core's router as the page would; a refusal throws, carrying its code. */
export async function callOrThrow<T = unknown>(core: Core, method: string, input?: unknown): Promise<T> {
  const result = await core.router.call(method, input);
  if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { code: result.error.code });
  return result.value as T;
}

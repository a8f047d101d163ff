import { z } from 'zod';
import {
  AppError,
  contract,
  isMethodName,
  type MethodName,
  type Output,
  type ParsedInput,
  type Result,
} from '../../preload/contract/index.ts';
import { asVaultError } from './vault/database.ts';
import { storageProblem } from './file-problems.ts';
import { errorKind, logProblem } from './log.ts';

/** A method whose result is always null may return nothing: the router sends null. */
type Returned<M extends MethodName> = [Output<M>] extends [null] ? Output<M> | void : Output<M>;

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Returned<M> | Promise<Returned<M>>;
};

export interface Router {
  call(method: unknown, input: unknown): Promise<Result<unknown>>;
}

/** Reports failures without their content: codes and method names only. */
export type ErrorLog = (method: string, detail: string) => void;

const defaultLog: ErrorLog = logProblem;

/**
 * The one place where contract input is validated and errors become results.
 * Both Electron's ipcMain and the test host call through this.
 */
export function createRouter(handlers: Handlers, log: ErrorLog = defaultLog): Router {
  return {
    async call(method, input) {
      if (!isMethodName(method)) {
        return fail(new AppError('UNKNOWN_METHOD', 'That action does not exist.'));
      }
      const spec = contract[method];
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) {
        // The first issue's message is the one the schema wrote for people (see schemas.ts).
        return fail(new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'Invalid input'));
      }
      try {
        const handler = handlers[method] as (input: unknown) => unknown;
        const returned = await handler(parsed.data);
        // Only a method whose answer is always null may return nothing; any other must answer in full.
        const checked = spec.output.safeParse(spec.output instanceof z.ZodNull ? null : returned);
        if (!checked.success) {
          log(method, 'returned a value that does not match the contract');
          return fail(new AppError('INTERNAL', 'Something went wrong on our side. Nothing was changed.'));
        }
        return { ok: true, value: checked.data };
      } catch (error) {
        // Damage found by a query after unlock is still reported as damage, not as a crash.
        const known = asVaultError(error);
        if (known instanceof AppError) return fail(known);
        // A full disk, a read-only folder or a missing permission is named as such, wherever it was met.
        const storage = storageProblem(error, method);
        if (storage) {
          log(method, `storage problem (${(error as { code?: string }).code ?? 'unknown'})`);
          return fail(storage);
        }
        log(method, errorKind(error));
        return fail(new AppError('INTERNAL', 'Something went wrong on our side. Please try again.'));
      }
    },
  };
}

function fail(error: AppError): Result<never> {
  return { ok: false, error: error.toShape() };
}

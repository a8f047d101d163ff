import type { AppErrorShape, Result, SessionRecord } from '../../../preload/contract/index.ts';
import type { Api } from '../../../preload/create-api.ts';

/** Said where a try-out would open one of the person's memories. */
export const TRY_OUT_MEMORY =
  'In a try-out your memories stay sealed. When you run this practice for real, this step offers the gentlest one.';

/** Said on a speak step in a try-out, in place of Record. */
export const TRY_OUT_VOICE = 'In a try-out nothing is recorded. When you run this practice, you can record here.';

/** The apis made for try-outs, so the session screens can tell (a speak step offers no Record in one). */
const tryOutApis = new WeakSet<Api>();

/** Whether a session runs against a try-out's api (nothing it does is recorded). */
export const isTryOut = (api: Api): boolean => tryOutApis.has(api);

/** The id a try-out's session has on the page; no session of the vault is ever this one. */
const TRY_OUT_SESSION = 2 ** 31 - 1;

const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
const refuse = (message: string): Promise<{ ok: false; error: AppErrorShape }> =>
  Promise.resolve({ ok: false, error: { code: 'INVALID_INPUT', message } });

/**
 * The api a practice's try-out runs against (the builder's "Try it"): the same session screens,
 * with nothing recorded. The session, its check-ins and what is written in it stay on the page;
 * memories stay sealed; the person's media, ladder and everything else are read as usual, and
 * Help and Signal work as in any session (they are there for the person, not for the practice).
 */
export function rehearsalApi(api: Api): Api {
  const startedAt = Date.now();
  const record = (): SessionRecord => ({
    id: TRY_OUT_SESSION,
    practiceId: 'own-new',
    practiceTitle: '',
    startedAt,
    endedAt: null,
    outcome: null,
    stepReached: 0,
    stepCount: 0,
    readiness: null,
    moodBefore: null,
    moodAfter: null,
    tears: null,
    relief: null,
    tooMuch: false,
    notes: '',
    checkIns: [],
  });
  const tryOut: Api = {
    ...api,
    sessions: {
      ...api.sessions,
      start: () => ok({ sessionId: TRY_OUT_SESSION }),
      stepReached: () => ok(null),
      checkIn: () => ok(null),
      end: () => ok(null),
      reflect: () => ok(null),
      get: () => ok(record()),
    },
    journal: {
      ...api.journal,
      // What is typed in a writing prompt stays in the try-out.
      create: () => ok({ id: 0 } as never),
      update: () => ok({ id: 0, updatedAt: Date.now() }),
    },
    memories: {
      ...api.memories,
      open: () => refuse(TRY_OUT_MEMORY),
      close: () => refuse(TRY_OUT_MEMORY),
      stop: () => refuse(TRY_OUT_MEMORY),
    },
    media: { ...api.media, recordUse: () => ok({ useId: 1, helped: null as never }) },
    ladder: { ...api.ladder, recordAttempt: () => ok({ justMastered: false } as never) },
    // Nothing is said into the microphone in a try-out (the speak step says so instead of offering Record).
    voice: {
      ...api.voice,
      begin: () => refuse(TRY_OUT_VOICE),
      append: () => refuse(TRY_OUT_VOICE),
      list: () => ok([]),
      delete: () => ok(null),
    },
  };
  tryOutApis.add(tryOut);
  return tryOut;
}

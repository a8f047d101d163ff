/**
 * The memory box for the in-memory fake api (tests/renderer/fake-api.ts). Input is checked
 * with the contract's own schemas (so messages are the real ones); suggestions use the
 * core's own ordering. Extra seals are plain comparisons here, with no pacing of tries.
 */
import { vi } from 'vitest';
import {
  CloseOpeningInput,
  MemoryEdit,
  MemoryId,
  MemoryInput,
  MemoryStatusInput,
  MemorySuggestInput,
  OpeningId,
  OpenMemoryInput,
  RevealInput,
  type AppErrorShape,
  type BoxItem,
  type CloseChoice,
  type MemoryStatus,
  type Opening,
  type OpeningOutcome,
  type Result,
} from '../../preload/contract/index.ts';
import { countAboveMaximum, suggestionOrder } from '../../main/core/memories/suggest.ts';

interface FakeMemory {
  item: BoxItem;
  text: string;
  /** The extra seal's passphrase, when there is one. */
  seal: string | null;
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (code: AppErrorShape['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });
const firstIssue = (e: { issues: { message: string }[] }) => fail('INVALID_INPUT', e.issues[0]?.message ?? 'Invalid input');
const notFound = () => fail('NOT_FOUND', 'That memory could not be found. It may have been removed.');

const CLOSED_AS: Record<CloseChoice, { outcome: OpeningOutcome; status: MemoryStatus }> = {
  reseal: { outcome: 'resealed', status: 'sealed' },
  'keep-open': { outcome: 'kept-open', status: 'open' },
  'at-peace': { outcome: 'at-peace', status: 'at-peace' },
};

export function createMemoriesFake(deps: { now: () => number; needsOpen: () => Result<never> | null }) {
  const memories = new Map<number, FakeMemory>();
  const openings: Opening[] = [];
  let nextMemoryId = 1;
  let nextOpeningId = 1;

  const box = () =>
    [...memories.values()].map((m) => ({ ...m.item })).sort((a, b) => a.intensity - b.intensity || a.createdAt - b.createdAt || a.id - b.id);

  /** The words, or the refusal the service would give. */
  const wordsOf = (m: FakeMemory, passphrase: string | undefined): Result<string> => {
    if (m.seal === null) return ok(m.text);
    if (passphrase === undefined) return fail('INVALID_INPUT', 'This memory has an extra seal. Type its passphrase to open it; it stays sealed until then.');
    if (passphrase !== m.seal) return fail('WRONG_PASSPHRASE', "That passphrase doesn't open this memory, so it stays sealed. Take your time and try again.");
    return ok(m.text);
  };

  const touch = (m: FakeMemory) => {
    const mine = openings.filter((o) => o.memoryId === m.item.id);
    m.item.openings = mine.length;
    m.item.lastOpenedAt = mine.reduce<number | null>((latest, o) => (latest === null || o.openedAt > latest ? o.openedAt : latest), null);
  };

  const api = {
    list: vi.fn(async () => deps.needsOpen() ?? ok(box())),
    get: vi.fn(async (input: unknown) => {
      const closed = deps.needsOpen();
      if (closed) return closed;
      const id = MemoryId.safeParse((input as { id?: unknown } | undefined)?.id);
      if (!id.success) return firstIssue(id.error);
      const m = memories.get(id.data);
      return m ? ok({ ...m.item }) : notFound();
    }),
    add: vi.fn(async (input: unknown) => {
      const closed = deps.needsOpen();
      if (closed) return closed;
      const parsed = MemoryInput.safeParse(input);
      if (!parsed.success) return firstIssue(parsed.error);
      const t = deps.now();
      const { title, text, intensity, passphrase } = parsed.data;
      const item: BoxItem = {
        id: nextMemoryId++,
        title,
        intensity,
        status: 'sealed',
        extraSealed: passphrase !== undefined,
        lastOpenedAt: null,
        openings: 0,
        createdAt: t,
        updatedAt: t,
      };
      memories.set(item.id, { item, text, seal: passphrase ?? null });
      return ok({ ...item });
    }),
    edit: vi.fn(async (input: unknown) => {
      const closed = deps.needsOpen();
      if (closed) return closed;
      const parsed = MemoryEdit.safeParse(input);
      if (!parsed.success) return firstIssue(parsed.error);
      const e = parsed.data;
      const m = memories.get(e.memoryId);
      if (!m) return notFound();
      if (e.text !== undefined || e.newPassphrase !== undefined) {
        if (m.seal !== null && e.passphrase === undefined) {
          return fail('INVALID_INPUT', 'This memory has an extra seal. Type its current passphrase to change its words or its seal.');
        }
        const words = wordsOf(m, e.passphrase);
        if (!words.ok) return words;
        m.text = e.text ?? words.value;
        if (e.newPassphrase !== undefined) m.seal = e.newPassphrase;
        m.item.extraSealed = m.seal !== null;
      }
      m.item.title = e.title ?? m.item.title;
      m.item.intensity = e.intensity ?? m.item.intensity;
      m.item.updatedAt = deps.now();
      return ok({ ...m.item });
    }),
    remove: vi.fn(async (input: unknown) => {
      const closed = deps.needsOpen();
      if (closed) return closed;
      const id = MemoryId.safeParse((input as { id?: unknown } | undefined)?.id);
      if (!id.success) return firstIssue(id.error);
      if (!memories.delete(id.data)) return notFound();
      for (let i = openings.length - 1; i >= 0; i--) if (openings[i]!.memoryId === id.data) openings.splice(i, 1);
      return ok(null);
    }),
    readForEditing: vi.fn(async (input: unknown) => {
      const closed = deps.needsOpen();
      if (closed) return closed;
      const parsed = RevealInput.safeParse(input);
      if (!parsed.success) return firstIssue(parsed.error);
      const m = memories.get(parsed.data.memoryId);
      if (!m) return notFound();
      const words = wordsOf(m, parsed.data.passphrase);
      return words.ok ? ok({ text: words.value }) : words;
    }),
    suggest: vi.fn(async (input: unknown) => {
      const closed = deps.needsOpen();
      if (closed) return closed;
      const parsed = MemorySuggestInput.safeParse(input);
      if (!parsed.success) return firstIssue(parsed.error);
      const all = box();
      return ok({
        memory: suggestionOrder(all, parsed.data)[0] ?? null,
        aboveMaximum: parsed.data.allowAbove ? 0 : countAboveMaximum(all, parsed.data.maxIntensity),
      });
    }),
    open: vi.fn(async (input: unknown) => {
      const closed = deps.needsOpen();
      if (closed) return closed;
      const parsed = OpenMemoryInput.safeParse(input);
      if (!parsed.success) return firstIssue(parsed.error);
      const i = parsed.data;
      const m = memories.get(i.memoryId);
      if (!m) return notFound();
      if (openings.some((o) => o.endedAt === null)) {
        return fail('INVALID_INPUT', 'Another memory is still open. One at a time is enough: close or reseal that one first.');
      }
      const words = wordsOf(m, i.passphrase);
      if (!words.ok) return words;
      const opening: Opening = {
        id: nextOpeningId++,
        memoryId: m.item.id,
        sessionId: i.sessionId ?? null,
        openedAt: deps.now(),
        moodBefore: i.moodBefore,
        moodAfter: null,
        tears: null,
        outcome: null,
        endedAt: null,
      };
      openings.push(opening);
      m.item.status = 'open';
      touch(m);
      return ok({ openingId: opening.id, memory: { ...m.item, text: words.value } });
    }),
    close: vi.fn(async (input: unknown) => {
      const closed = deps.needsOpen();
      if (closed) return closed;
      const parsed = CloseOpeningInput.safeParse(input);
      if (!parsed.success) return firstIssue(parsed.error);
      const c = parsed.data;
      const opening = openings.find((o) => o.id === c.openingId);
      if (!opening) return fail('NOT_FOUND', 'That opening could not be found. Its memory may have been removed.');
      if (opening.endedAt !== null) return fail('INVALID_INPUT', 'This opening has already ended. The memory is where you left it.');
      const { outcome, status } = CLOSED_AS[c.outcome];
      Object.assign(opening, { outcome, endedAt: deps.now(), moodAfter: c.moodAfter ?? null, tears: c.tears ?? null });
      const m = memories.get(opening.memoryId);
      if (m) m.item.status = status;
      return ok({ ...opening });
    }),
    stop: vi.fn(async (input: unknown) => {
      const closed = deps.needsOpen();
      if (closed) return closed;
      const id = OpeningId.safeParse((input as { openingId?: unknown } | undefined)?.openingId);
      if (!id.success) return firstIssue(id.error);
      const opening = openings.find((o) => o.id === id.data);
      if (!opening) return fail('NOT_FOUND', 'That opening could not be found. Its memory may have been removed.');
      if (opening.endedAt === null) {
        Object.assign(opening, { outcome: 'stopped', endedAt: deps.now() });
        const m = memories.get(opening.memoryId);
        if (m) m.item.status = 'sealed';
      }
      return ok({ ...opening });
    }),
    setStatus: vi.fn(async (input: unknown) => {
      const closed = deps.needsOpen();
      if (closed) return closed;
      const parsed = MemoryStatusInput.safeParse(input);
      if (!parsed.success) return firstIssue(parsed.error);
      const m = memories.get(parsed.data.memoryId);
      if (!m) return notFound();
      m.item.status = parsed.data.status;
      return ok({ ...m.item });
    }),
    openings: vi.fn(async (input: unknown) => {
      const closed = deps.needsOpen();
      if (closed) return closed;
      const id = MemoryId.safeParse((input as { memoryId?: unknown } | undefined)?.memoryId);
      if (!id.success) return firstIssue(id.error);
      if (!memories.has(id.data)) return notFound();
      return ok(openings.filter((o) => o.memoryId === id.data).sort((a, b) => b.openedAt - a.openedAt || b.id - a.id).map((o) => ({ ...o })));
    }),
  };

  return {
    api,
    /** What the fake holds, words included, for checking that the UI never shows them. */
    memories,
    openings,
  };
}

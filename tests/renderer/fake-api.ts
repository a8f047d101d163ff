/**
 * An in-memory stand-in for window.saltwater, for renderer tests only. It follows the
 * contract's shapes (Result values, errors with plain messages) closely enough for the
 * UI, without any of the real services' rules beyond what the tests need.
 */
import { vi } from 'vitest';
import type {
  AppErrorShape,
  CheckInQuestion,
  EmotionGranularity,
  Entry,
  EventName,
  EventPayload,
  NamedEmotion,
  MissedOffer,
  Practice,
  QuietHours,
  RestoreAtStart,
  Result,
  Schedule,
  UpcomingOccurrence,
  SessionRecord,
  SearchHit,
  Settings,
  Vocabulary,
  Contact,
  ContactInput,
  SignalHistoryItem,
  SignalStatus,
  VoiceNote,
} from '../../preload/contract/index.ts';
import { Contact as ContactSchema, ContactInput as ContactInputSchema } from '../../preload/contract/signals.ts';
import type { Api } from '../../preload/create-api.ts';
import { createMemoriesFake } from './memories-fake.ts';
import { MediaInput as MediaInputSchema, type MediaItem, type MediaUse } from '../../preload/contract/media.ts';
import { ReflectionInput as ReflectionInputSchema, type SelfReflection } from '../../preload/contract/reflection.ts';
import { summarizeUses } from '../../main/core/media/helped.ts';
import { suggestPracticeOrder } from '../../main/core/reflection/suggest.ts';
import { defaultSettings } from '../../preload/contract/schemas.ts';
import { AddEmotionWordInput as AddEmotionWordInputSchema, PlaceEmotionWordInput as PlaceEmotionWordInputSchema } from '../../preload/contract/schemas.ts';
import { defaultQuietHours, PreviewInput, QuietHours as QuietHoursSchema, ScheduleInput, SchedulePatch } from '../../preload/contract/schedule/schemas.ts';
import { summarizePractice } from '../../preload/contract/breath.ts';
import { Practice as PracticeSchema } from '../../preload/contract/practice.ts';
import { isOwnPracticeId, REMOVED_PRACTICE } from '../../preload/contract/own-practices.ts';
import { createLadderFake } from './ladder-fake.ts';
import { createInsightsFake } from './insights-fake.ts';
import arriveAndBreathe from '../../resources/practices/arrive-and-breathe.json';
import bodyFirst from '../../resources/practices/body-first.json';
import permission from '../../resources/practices/permission.json';

export interface FakeOptions {
  state?: 'new' | 'locked' | 'unlocked';
  passphrase?: string;
  recoveryKey?: string;
  now?: () => number;
  /** The practice library (default: three of the built-in ones). */
  practices?: Practice[];
  /** The vault's recovery key was never confirmed (shown again after unlock until confirmed). */
  keyToConfirm?: boolean;
  /** The unlock found that recent changes did not survive an unclean exit. */
  changesMayBeMissing?: boolean;
  /** A restore cut off when the app closed was settled at start (told after unlock). */
  restoreAtStart?: RestoreAtStart;
}

export const builtInPractices = [arriveAndBreathe, permission, bodyFirst] as unknown as Practice[];

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (code: AppErrorShape['code'], message: string, retryAfterMs?: number): Result<never> => ({
  ok: false,
  error: retryAfterMs === undefined ? { code, message } : { code, message, retryAfterMs },
});

export const FAKE_RECOVERY_KEY =
  '0A1B-2C3D-4E5F-6071-8293-A4B5-C6D7-E8F9-0011-2233-4455-6677-8899-AABB-CCDD-EEFF-1234';

export function createFakeApi(options: FakeOptions = {}) {
  const now = options.now ?? (() => Date.now());
  let state = options.state ?? 'new';
  let passphrase = options.passphrase ?? 'correct horse battery';
  const recoveryKey = options.recoveryKey ?? FAKE_RECOVERY_KEY;
  let wrongTries = 0;
  let keyToConfirm = options.keyToConfirm ?? false;
  const changesMayBeMissing = options.changesMayBeMissing ?? false;
  let settings: Settings = { ...defaultSettings };
  let contacts: Contact[] = [];
  const signalLog: SignalStatus[] = [];
  let webhookOutcome: SignalStatus['outcome'] = 'delivered';
  let nextId = 1;
  const entries = new Map<number, Entry & { deleted: boolean }>();
  const voiceNotes = new Map<number, { note: VoiceNote; pieces: Uint8Array[] }>();
  let nextVoiceId = 1;
  // Naming feelings: the core's shape, small: a family in each corner of the grid,
  // the reserved "not yet" answer last and unplaced, as the core returns it.
  const vocabulary: Required<Vocabulary> = {
    families: [
      { id: 'sadness', name: 'Sadness and grief', description: 'The ache of losing or missing.', words: ['sad', 'lonely', 'hurt'] },
      { id: 'fear', name: 'Fear and worry', description: 'A sense that something could go wrong.', words: ['afraid', 'anxious', 'worried'] },
      { id: 'joy', name: 'Joy and lightness', description: 'Things going well, and the lift that brings.', words: ['glad', 'excited'] },
      { id: 'calm', name: 'Calm and ease', description: 'Settled, safe, nothing pulling.', words: ['calm', 'content'] },
      { id: 'not-yet', name: 'No word yet', description: 'Something is there, but it has no name yet.', words: ["can't name it yet"] },
    ],
    custom: [],
    placements: {
      sad: { pleasantness: -3, energy: -2 },
      lonely: { pleasantness: -3, energy: -2 },
      hurt: { pleasantness: -3, energy: -1 },
      afraid: { pleasantness: -4, energy: 3 },
      anxious: { pleasantness: -3, energy: 3 },
      worried: { pleasantness: -3, energy: 2 },
      glad: { pleasantness: 3, energy: 2 },
      excited: { pleasantness: 4, energy: 4 },
      calm: { pleasantness: 3, energy: -3 },
      content: { pleasantness: 3, energy: -2 },
    },
    notYetWord: "can't name it yet",
  };
  /** Counts the different words in live entries, all as new this month (UTC); the real counting is the core's. */
  const fakeGranularity = (): EmotionGranularity => {
    const words = new Set<string>();
    for (const e of entries.values()) if (!e.deleted) for (const m of e.emotions) if (m.word !== vocabulary.notYetWord) words.add(m.word.toLowerCase());
    const n = words.size;
    const at = new Date(now());
    const months = Array.from({ length: 12 }, (_, i) => {
      const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 11 + i, 1));
      const last = i === 11;
      return { month: d.toISOString().slice(0, 7), newWords: last ? n : 0, distinctSoFar: last ? n : 0 };
    });
    const sentence =
      n === 0 ? 'Whenever you like, any word for a feeling is a good start.' : n === 1 ? 'You have put a word to a feeling. That is a real start.' : `You have put ${n} different words to your feelings so far.`;
    return { distinctWords: n, wordsLast30Days: n, newLast30Days: n, months, sentence };
  };
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const builtIns = options.practices ?? builtInPractices;
  /** The person's own practices (removed ones wait for Undo); the real rules are the core's. */
  const own = new Map<string, { practice: Practice; removed: boolean }>();
  let nextOwn = 1;
  /** Built-in and own, as the catalog lists them. */
  const practicesNow = (): Practice[] => [...builtIns, ...[...own.values()].filter((o) => !o.removed).map((o) => o.practice)];
  /** What the next "import a practice" dialog gives: a file's practice, a refusal, or null (closed). */
  let practiceFile: Result<{ fileName: string; practice: Practice } | null> = ok(null);
  const sessions = new Map<number, SessionRecord>();
  let nextSessionId = 1;
  /** Every session call in order, as "method:args" (for checking what was recorded when). */
  const sessionLog: string[] = [];

  // ---- schedules: the contract's own schemas check the input (so messages are the real ones);
  // the times are a simple stand-in ("<date> <time>", one per interval day), not the real rules.
  const schedules = new Map<number, Schedule>();
  let nextScheduleId = 1;
  let quiet: QuietHours = { ...defaultQuietHours };
  let missed: MissedOffer | null = null;
  const firstIssue = (e: { issues: { message: string }[] }) => fail('INVALID_INPUT', e.issues[0]?.message ?? 'Invalid input');
  const fakeTimes = (r: Schedule['recurrence'], count: number): UpcomingOccurrence[] => {
    const first = r.kind === 'once' ? r.date : r.start;
    const step = r.kind === 'once' ? 0 : r.kind === 'weekly' ? 7 * r.interval : r.kind === 'daily' ? r.interval : 28 * r.interval;
    const n = r.kind === 'once' ? 1 : Math.min(count, r.end.type === 'count' ? r.end.count : count);
    return Array.from({ length: n }, (_, i) => {
      const day = new Date(Date.parse(`${first}T00:00:00Z`) + i * step * 86_400_000).toISOString().slice(0, 10);
      return { occurrence: `${day}T${r.time}`, at: Date.parse(`${day}T${r.time}:00Z`), label: `${day} ${r.time}`, skipped: false };
    });
  };
  const withNext = (s: Omit<Schedule, 'next'>): Schedule => ({ ...s, next: fakeTimes(s.recurrence, 1)[0] ?? null });

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const l of listeners.get(event) ?? []) (l as (p: EventPayload<E>) => void)(payload);
  };

  const needsOpen = () => (state === 'unlocked' ? null : fail('LOCKED', 'Saltwater is locked.'));

  const summary = (e: Entry) => ({
    id: e.id,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    preview: e.body.slice(0, 160),
    emotions: e.emotions.map((m) => m.word),
    tags: e.tags,
    fromSession: e.fromSession,
    ...([...voiceNotes.values()].some((v) => v.note.entryId === e.id)
      ? { voiceNotes: [...voiceNotes.values()].filter((v) => v.note.entryId === e.id).length }
      : {}),
  });

  /** Keychain unlock: off, on a computer whose keychain works (spies may say otherwise). */
  let keychainOn = false;
  const insights = createInsightsFake({ now, needsOpen });
  const api = {
    vault: {
      status: vi.fn(async () =>
        ok({
          state,
          retryAfterMs: 0,
          ...(keyToConfirm && state !== 'new' ? { keyToConfirm: true } : {}),
          ...(changesMayBeMissing && state === 'unlocked' ? { changesMayBeMissing: true } : {}),
          ...(options.restoreAtStart && state === 'unlocked' ? { restoreAtStart: options.restoreAtStart } : {}),
        }),
      ),
      create: vi.fn(async ({ passphrase: p }: { passphrase: string }) => {
        if (state !== 'new') return fail('VAULT_EXISTS', 'A journal already exists here.');
        if (p.length < 8) return fail('WEAK_PASSPHRASE', 'A passphrase needs at least 8 characters.');
        passphrase = p;
        state = 'unlocked';
        return ok({ recoveryKey });
      }),
      unlock: vi.fn(async ({ passphrase: p }: { passphrase: string }) => {
        if (p !== passphrase) {
          wrongTries++;
          const wait = wrongTries >= 5 ? 1000 * 2 ** (wrongTries - 5) : undefined;
          return fail('WRONG_PASSPHRASE', "That passphrase doesn't open this journal.", wait);
        }
        wrongTries = 0;
        state = 'unlocked';
        return ok(null);
      }),
      unlockWithRecoveryKey: vi.fn(async ({ recoveryKey: k, newPassphrase }: { recoveryKey: string; newPassphrase: string }) => {
        const norm = (t: string) => t.replace(/[\s-]/g, '').toUpperCase();
        if (norm(k) !== norm(recoveryKey)) return fail('WRONG_RECOVERY_KEY', "That recovery key doesn't open this journal.");
        passphrase = newPassphrase;
        state = 'unlocked';
        return ok(null);
      }),
      lock: vi.fn(async () => {
        if (state === 'unlocked') {
          state = 'locked';
          emit('vault.locked', { reason: 'manual' });
        }
        return ok(null);
      }),
      changePassphrase: vi.fn(async ({ current, next }: { current: string; next: string }) => {
        if (current !== passphrase) return fail('WRONG_PASSPHRASE', "That isn't your current passphrase.");
        passphrase = next;
        return ok(null);
      }),
      keyToConfirm: vi.fn(async () => (state === 'unlocked' ? ok(keyToConfirm ? { recoveryKey } : null) : fail('LOCKED', 'Saltwater is locked.'))),
      confirmKey: vi.fn(async () => {
        keyToConfirm = false;
        return ok(null);
      }),
      showRecoveryKey: vi.fn(async ({ passphrase: given }: { passphrase: string }) =>
        given === passphrase ? ok({ recoveryKey: Array.from({ length: 17 }, (_, i) => `K${String(i).padStart(3, '0')}`).join('-') }) : fail('WRONG_PASSPHRASE', "That passphrase doesn't match."),
      ),
      unlockWithKeychain: vi.fn(async () => {
        if (!keychainOn) return fail('KEYCHAIN_FAILED', "Unlocking with this computer's keychain isn't turned on. Please use your passphrase.");
        state = 'unlocked';
        return ok(null);
      }),
    },
    keychain: {
      status: vi.fn(async () => ok({ support: 'available' as const, enabled: keychainOn })),
      enable: vi.fn(async () => {
        if (state !== 'unlocked') return fail('LOCKED', 'Saltwater is locked.');
        keychainOn = true;
        return ok({ support: 'available' as const, enabled: true });
      }),
      disable: vi.fn(async () => {
        keychainOn = false;
        return ok({ support: 'available' as const, enabled: false });
      }),
    },
    journal: {
      list: vi.fn(async (input?: { limit?: number; beforeId?: number }) => {
        const closed = needsOpen();
        if (closed) return closed;
        const all = [...entries.values()].filter((e) => !e.deleted).sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
        // Like the service: the cursor may itself be deleted (still in the trash); the page starts after its place.
        const cursor = input?.beforeId === undefined ? undefined : entries.get(input.beforeId);
        const after =
          input?.beforeId === undefined
            ? all
            : cursor
              ? all.filter((e) => e.createdAt < cursor.createdAt || (e.createdAt === cursor.createdAt && e.id < cursor.id))
              : [];
        return ok(after.slice(0, input?.limit ?? 50).map(summary));
      }),
      get: vi.fn(async ({ id }: { id: number }) => {
        const closed = needsOpen();
        if (closed) return closed;
        const e = entries.get(id);
        if (!e || e.deleted) return fail('NOT_FOUND', 'That entry is not here any more.');
        const { deleted: _deleted, ...entry } = e;
        return ok(structuredClone(entry));
      }),
      create: vi.fn(async (fields: { body?: string; emotions?: NamedEmotion[]; tags?: string[]; sessionId?: number }) => {
        const closed = needsOpen();
        if (closed) return closed;
        const t = now();
        const entry = {
          id: nextId++,
          createdAt: t,
          updatedAt: t,
          body: fields.body ?? '',
          emotions: structuredClone(fields.emotions ?? []),
          tags: [...(fields.tags ?? [])],
          sessionId: fields.sessionId ?? null,
          fromSession: fields.sessionId ? { sessionId: fields.sessionId, practice: sessions.get(fields.sessionId)?.practiceTitle ?? 'A practice', startedAt: sessions.get(fields.sessionId)?.startedAt ?? t } : null,
          deleted: false,
        };
        entries.set(entry.id, entry);
        const { deleted: _deleted, ...out } = entry;
        emit('journal.changed', { ids: [entry.id] });
        return ok(structuredClone(out));
      }),
      update: vi.fn(async ({ id, ...patch }: { id: number; body?: string; emotions?: NamedEmotion[]; tags?: string[] }) => {
        const closed = needsOpen();
        if (closed) return closed;
        const e = entries.get(id);
        if (!e || e.deleted) return fail('NOT_FOUND', 'That entry is not here any more.');
        if (patch.body !== undefined) e.body = patch.body;
        if (patch.emotions !== undefined) e.emotions = structuredClone(patch.emotions);
        if (patch.tags !== undefined) e.tags = [...patch.tags];
        e.updatedAt = now();
        emit('journal.changed', { ids: [id] });
        return ok({ id, updatedAt: e.updatedAt });
      }),
      delete: vi.fn(async ({ id }: { id: number }) => {
        const e = entries.get(id);
        if (!e) return fail('NOT_FOUND', 'That entry is not here any more.');
        e.deleted = true;
        emit('journal.changed', { ids: [id] });
        return ok(null);
      }),
      restore: vi.fn(async ({ id }: { id: number }) => {
        const e = entries.get(id);
        if (!e) return fail('NOT_FOUND', 'That entry is not here any more.');
        e.deleted = false;
        emit('journal.changed', { ids: [id] });
        return ok(null);
      }),
      search: vi.fn(async (q: { text?: string; emotion?: string; tag?: string; limit?: number; before?: { createdAt: number; id: number } }) => {
        const closed = needsOpen();
        if (closed) return closed;
        const text = (q.text ?? '').toLowerCase();
        const hits: SearchHit[] = [];
        // Like the service: by when written, newest first, ties by id; a page after the cursor, and the total.
        const written = [...entries.values()].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
        for (const e of written) {
          if (e.deleted) continue;
          if (q.emotion && !e.emotions.some((m) => m.word === q.emotion)) continue;
          if (q.tag && !e.tags.includes(q.tag)) continue;
          const at = text ? e.body.toLowerCase().indexOf(text) : 0;
          if (text && at < 0) continue;
          const snippet = text
            ? [
                { text: e.body.slice(0, at), match: false },
                { text: e.body.slice(at, at + text.length), match: true },
                { text: e.body.slice(at + text.length), match: false },
              ]
            : [{ text: e.body, match: false }];
          hits.push({ ...summary(e), snippet });
        }
        const before = q.before;
        const after = before ? hits.filter((h) => h.createdAt < before.createdAt || (h.createdAt === before.createdAt && h.id < before.id)) : hits;
        const page = after.slice(0, q.limit ?? 50);
        const last = page.at(-1);
        const next = after.length > page.length && last ? { createdAt: last.createdAt, id: last.id } : null;
        return ok({ hits: page, total: hits.length, next });
      }),
      tags: vi.fn(async () => {
        const closed = needsOpen();
        if (closed) return closed;
        const all = new Set<string>();
        for (const e of entries.values()) if (!e.deleted) for (const t of e.tags) all.add(t);
        return ok([...all].sort());
      }),
    },
    // Voice notes: kept in memory, pieces in order, on live entries (voice-fake below).
    voice: {
      begin: vi.fn(async ({ entryId, mimeType, chunk, durationMs }: { entryId: number; mimeType: VoiceNote['mimeType']; chunk: Uint8Array; durationMs: number }) => {
        const closed = needsOpen();
        if (closed) return closed;
        const e = entries.get(entryId);
        if (!e || e.deleted) return fail('NOT_FOUND', 'That entry could not be found. It may have been deleted.');
        const note: VoiceNote = { id: nextVoiceId++, entryId, createdAt: now(), durationMs, bytes: chunk.byteLength, mimeType };
        voiceNotes.set(note.id, { note, pieces: [new Uint8Array(chunk)] });
        emit('journal.changed', { ids: [entryId] });
        return ok({ ...note });
      }),
      append: vi.fn(async ({ id, index, chunk, durationMs }: { id: number; index: number; chunk: Uint8Array; durationMs: number }) => {
        const closed = needsOpen();
        if (closed) return closed;
        const kept = voiceNotes.get(id);
        if (!kept || entries.get(kept.note.entryId)?.deleted) return fail('NOT_FOUND', 'That voice note could not be found. It may have been deleted.');
        if (index !== kept.pieces.length) return fail('INVALID_INPUT', 'A piece of this voice note arrived out of order, so recording stopped there. What came before is kept.');
        kept.pieces.push(new Uint8Array(chunk));
        kept.note = { ...kept.note, durationMs: Math.max(kept.note.durationMs, durationMs), bytes: kept.note.bytes + chunk.byteLength };
        return ok({ ...kept.note });
      }),
      list: vi.fn(async ({ entryId }: { entryId: number }) => {
        const closed = needsOpen();
        if (closed) return closed;
        const e = entries.get(entryId);
        if (!e || e.deleted) return fail('NOT_FOUND', 'That entry could not be found. It may have been deleted.');
        return ok([...voiceNotes.values()].filter((v) => v.note.entryId === entryId).map((v) => ({ ...v.note })));
      }),
      audio: vi.fn(async ({ id }: { id: number }) => {
        const closed = needsOpen();
        if (closed) return closed;
        const kept = voiceNotes.get(id);
        if (!kept) return fail('NOT_FOUND', 'That voice note could not be found. It may have been deleted.');
        const audio = new Uint8Array(kept.note.bytes);
        let at = 0;
        for (const piece of kept.pieces) {
          audio.set(piece, at);
          at += piece.byteLength;
        }
        return ok({ mimeType: kept.note.mimeType, audio });
      }),
      delete: vi.fn(async ({ id }: { id: number }) => {
        const closed = needsOpen();
        if (closed) return closed;
        const kept = voiceNotes.get(id);
        if (!kept) return fail('NOT_FOUND', 'That voice note could not be found. It may have been deleted.');
        voiceNotes.delete(id);
        emit('journal.changed', { ids: [kept.note.entryId] });
        return ok(null);
      }),
    },
    emotions: {
      vocabulary: vi.fn(async () => ok(structuredClone(vocabulary))),
      addWord: vi.fn(async (input: unknown) => {
        // ---- naming feelings: the contract's schema checks the placement (its real message).
        const parsed = AddEmotionWordInputSchema.safeParse(input);
        if (!parsed.success) return firstIssue(parsed.error);
        const { word, family, placement } = parsed.data;
        const f = vocabulary.families.find((x) => x.id === family);
        if (!f || family === 'not-yet') return fail('INVALID_INPUT', 'That feeling family does not exist.');
        const w = word.trim().toLowerCase();
        if (!vocabulary.families.some((x) => x.words.includes(w))) {
          f.words.push(w);
          vocabulary.custom.push({ word: w, family, placement: placement ?? null });
          if (placement) vocabulary.placements[w] = placement;
        }
        return ok(structuredClone(vocabulary));
      }),
      placeWord: vi.fn(async (input: unknown) => {
        const parsed = PlaceEmotionWordInputSchema.safeParse(input);
        if (!parsed.success) return firstIssue(parsed.error);
        const { word, placement } = parsed.data;
        const own = vocabulary.custom.find((c) => c.word === word.trim().toLowerCase());
        if (!own) return fail('NOT_FOUND', 'That word could not be found among the words you added.');
        own.placement = placement;
        if (placement) vocabulary.placements[own.word] = placement;
        else delete vocabulary.placements[own.word];
        return ok(structuredClone(vocabulary));
      }),
      granularity: vi.fn(async () => needsOpen() ?? ok(fakeGranularity())),
    },
    settings: {
      get: vi.fn(async () => ok(settings)),
      update: vi.fn(async (patch: Partial<Settings>) => {
        settings = { ...settings, ...patch };
        return ok(settings);
      }),
    },
    backup: (() => {
      const made: { name: string; at: number; bytes: number }[] = [];
      return {
        now: vi.fn(async () => {
          const at = Date.UTC(2026, 11, 3, 20, 14) + made.length * 60_000;
          const backup = { name: `Saltwater backup ${made.length + 1}.swbackup`, at, bytes: 1_234_567 };
          made.unshift(backup);
          return ok(backup);
        }),
        list: vi.fn(async () => ok({ folder: '/home/me/.config/Saltwater/backups', chosenMissing: false, backups: [...made] })),
      };
    })(),
    practices: {
      list: vi.fn(async () => {
        const closed = needsOpen();
        if (closed) return closed;
        return ok(practicesNow().map((p) => (own.has(p.id) ? { ...summarizePractice(p, settings.breathPattern), own: true as const } : summarizePractice(p, settings.breathPattern))));
      }),
      get: vi.fn(async ({ id }: { id: string }) => {
        const closed = needsOpen();
        if (closed) return closed;
        const p = practicesNow().find((x) => x.id === id);
        if (!p && isOwnPracticeId(id)) return fail('NOT_FOUND', REMOVED_PRACTICE);
        return p ? ok(structuredClone(p)) : fail('NOT_FOUND', 'That practice could not be found.');
      }),
    },
    ownPractices: {
      create: vi.fn(async ({ practice }: { practice: Practice }) => {
        const closed = needsOpen();
        if (closed) return closed;
        const parsed = PracticeSchema.safeParse({ ...practice, id: `own-${nextOwn++}` });
        if (!parsed.success) return firstIssue(parsed.error);
        own.set(parsed.data.id, { practice: parsed.data, removed: false });
        return ok(structuredClone(parsed.data));
      }),
      update: vi.fn(async ({ practice }: { practice: Practice }) => {
        const closed = needsOpen();
        if (closed) return closed;
        const parsed = PracticeSchema.safeParse(practice);
        if (!parsed.success) return firstIssue(parsed.error);
        const was = own.get(practice.id);
        if (!was || was.removed) return fail('NOT_FOUND', REMOVED_PRACTICE);
        own.set(practice.id, { practice: parsed.data, removed: false });
        return ok(structuredClone(parsed.data));
      }),
      remove: vi.fn(async ({ id }: { id: string }) => {
        const was = own.get(id);
        if (!was || was.removed) return fail('NOT_FOUND', REMOVED_PRACTICE);
        was.removed = true;
        return needsOpen() ?? ok(null);
      }),
      restore: vi.fn(async ({ id }: { id: string }) => {
        const was = own.get(id);
        if (!was?.removed) return fail('NOT_FOUND', 'That practice can’t be brought back any more.');
        was.removed = false;
        return needsOpen() ?? ok(null);
      }),
      export: vi.fn(async ({ id }: { id: string }) => {
        const closed = needsOpen();
        if (closed) return closed;
        const was = own.get(id);
        if (!was || was.removed) return fail('NOT_FOUND', REMOVED_PRACTICE);
        return ok<{ outcome: 'saved'; where: string } | { outcome: 'cancelled' }>({ outcome: 'saved', where: `/home/me/${was.practice.title}.json` });
      }),
      chooseImport: vi.fn(async () => needsOpen() ?? practiceFile),
    },
    sessions: {
      start: vi.fn(async (input: { practiceId: string; readiness?: number; moodBefore?: number }) => {
        const closed = needsOpen();
        if (closed) return closed;
        const p = practicesNow().find((x) => x.id === input.practiceId);
        if (!p) return fail('NOT_FOUND', 'That practice could not be found.');
        const id = nextSessionId++;
        sessions.set(id, {
          id,
          practiceId: p.id,
          practiceTitle: p.title,
          startedAt: now(),
          endedAt: null,
          outcome: null,
          stepReached: 0,
          stepCount: p.steps.length,
          readiness: input.readiness ?? null,
          moodBefore: input.moodBefore ?? null,
          moodAfter: null,
          tears: null,
          relief: null,
          notes: '',
          tooMuch: false,
          checkIns: [],
        });
        sessionLog.push(`start:${p.id}`);
        return ok({ sessionId: id });
      }),
      stepReached: vi.fn(async ({ sessionId, stepIndex }: { sessionId: number; stepIndex: number }) => {
        const s = sessions.get(sessionId);
        if (!s || s.outcome !== null) return fail('INVALID_INPUT', 'That session has already ended.');
        s.stepReached = Math.max(s.stepReached, stepIndex);
        sessionLog.push(`step:${stepIndex}`);
        return ok(null);
      }),
      checkIn: vi.fn(async (input: { sessionId: number; stepIndex: number; question: CheckInQuestion; value: number }) => {
        const s = sessions.get(input.sessionId);
        if (!s || s.outcome !== null) return fail('INVALID_INPUT', 'That session has already ended.');
        s.checkIns.push({ stepIndex: input.stepIndex, question: input.question, value: input.value, at: now() });
        sessionLog.push(`checkIn:${input.stepIndex}:${input.question}=${input.value}`);
        return ok(null);
      }),
      end: vi.fn(async (input: { sessionId: number; stepIndex: number; outcome: 'finished' | 'stopped' }) => {
        const s = sessions.get(input.sessionId);
        if (!s || s.outcome !== null) return fail('INVALID_INPUT', 'That session has already ended.');
        s.outcome = input.outcome;
        s.endedAt = now();
        s.stepReached = Math.max(s.stepReached, input.stepIndex);
        sessionLog.push(`end:${input.outcome}@${input.stepIndex}`);
        return ok(null);
      }),
      reflect: vi.fn(async (input: { sessionId: number; moodAfter?: number; tears?: SessionRecord['tears']; relief?: number; notes?: string; tooMuch?: true }) => {
        const s = sessions.get(input.sessionId);
        if (!s) return fail('NOT_FOUND', 'That session could not be found.');
        s.moodAfter = input.moodAfter ?? null;
        s.tears = input.tears ?? null;
        s.relief = input.relief ?? null;
        s.notes = input.notes ?? '';
        s.tooMuch = input.tooMuch === true;
        sessionLog.push('reflect');
        return ok(null);
      }),
      list: vi.fn(async ({ limit, beforeId }: { limit?: number; beforeId?: number } = {}) => {
        const closed = needsOpen();
        if (closed) return closed;
        const all = [...sessions.values()].sort((a, b) => b.startedAt - a.startedAt || b.id - a.id);
        // As the vault does: the sessions older than `beforeId`, none when it is not there.
        const from = beforeId === undefined ? 0 : all.findIndex((s) => s.id === beforeId) + 1 || all.length;
        return ok(structuredClone(all.slice(from, from + (limit ?? 50))));
      }),
      get: vi.fn(async ({ id }: { id: number }) => {
        const s = sessions.get(id);
        return s ? ok(structuredClone(s)) : fail('NOT_FOUND', 'That session could not be found.');
      }),
    },
    schedules: {
      list: vi.fn(async () => {
        const closed = needsOpen();
        if (closed) return closed;
        return ok(structuredClone([...schedules.values()]));
      }),
      create: vi.fn(async (input: unknown) => {
        const closed = needsOpen();
        if (closed) return closed;
        const parsed = ScheduleInput.safeParse(input);
        if (!parsed.success) return firstIssue(parsed.error);
        const t = now();
        const schedule = withNext({ id: nextScheduleId++, ...parsed.data, createdAt: t, updatedAt: t });
        schedules.set(schedule.id, schedule);
        return ok(structuredClone(schedule));
      }),
      update: vi.fn(async ({ id, patch }: { id: number; patch: unknown }) => {
        const closed = needsOpen();
        if (closed) return closed;
        const current = schedules.get(id);
        if (!current) return fail('NOT_FOUND', 'That reminder is not here any more.');
        const parsed = SchedulePatch.safeParse(patch);
        if (!parsed.success) return firstIssue(parsed.error);
        const next = withNext({ ...current, ...parsed.data, updatedAt: now() });
        schedules.set(id, next);
        return ok(structuredClone(next));
      }),
      setPaused: vi.fn(async ({ id, paused }: { id: number; paused: boolean }) => {
        const current = schedules.get(id);
        if (!current) return fail('NOT_FOUND', 'That reminder is not here any more.');
        current.paused = paused;
        return ok(structuredClone(current));
      }),
      delete: vi.fn(async ({ id }: { id: number }) => {
        if (!schedules.delete(id)) return fail('NOT_FOUND', 'That reminder is not here any more.');
        return ok(null);
      }),
      preview: vi.fn(async (input: unknown) => {
        const parsed = PreviewInput.safeParse(input);
        if (!parsed.success) return firstIssue(parsed.error);
        return ok(fakeTimes(parsed.data.recurrence, parsed.data.count));
      }),
      upcoming: vi.fn(async ({ id, count }: { id: number; count?: number }) => {
        const s = schedules.get(id);
        return s ? ok(fakeTimes(s.recurrence, count ?? 5)) : fail('NOT_FOUND', 'That reminder is not here any more.');
      }),
      quietHours: vi.fn(async () => ok({ ...quiet })),
      setQuietHours: vi.fn(async (input: unknown) => {
        const parsed = QuietHoursSchema.safeParse(input);
        if (!parsed.success) return firstIssue(parsed.error);
        quiet = parsed.data;
        return ok({ ...quiet });
      }),
      pendingMissed: vi.fn(async () => {
        const closed = needsOpen();
        if (closed) return closed;
        return ok(missed ? { ...missed } : null);
      }),
      exportIcs: vi.fn(async () => ok({ ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' })),
    },
    reminders: {
      snooze: vi.fn(async ({ minutes }: { scheduleId: number; occurrence: string; minutes: number }) => ok({ until: now() + minutes * 60_000 })),
      skip: vi.fn(async ({ scheduleId, occurrence }: { scheduleId: number; occurrence: string }) => {
        if (missed?.scheduleId === scheduleId && missed.occurrence === occurrence) missed = null;
        return ok(null);
      }),
      started: vi.fn(async ({ scheduleId, occurrence }: { scheduleId: number; occurrence: string }) => {
        const closed = needsOpen();
        if (closed) return closed;
        if (missed?.scheduleId === scheduleId && missed.occurrence === occurrence) missed = null;
        return ok(null);
      }),
    },
    contacts: {
      list: vi.fn(async () => needsOpen() ?? ok(contacts)),
      add: vi.fn(async (input: ContactInput) => {
        const parsed = ContactInputSchema.safeParse(input);
        if (!parsed.success) return fail('INVALID_INPUT', parsed.error.issues[0]!.message);
        const contact = ContactSchema.parse({ ...parsed.data, id: nextId++, createdAt: now(), updatedAt: now() });
        contacts = [...contacts, contact];
        return ok(contact);
      }),
      update: vi.fn(async ({ id, contact }: { id: number; contact: ContactInput }) => {
        const parsed = ContactInputSchema.safeParse(contact);
        if (!parsed.success) return fail('INVALID_INPUT', parsed.error.issues[0]!.message);
        const updated = ContactSchema.parse({ ...parsed.data, id, createdAt: now(), updatedAt: now() });
        contacts = contacts.map((c) => (c.id === id ? updated : c));
        return ok(updated);
      }),
      remove: vi.fn(async ({ id }: { id: number }) => {
        contacts = contacts.filter((c) => c.id !== id);
        return ok(null);
      }),
    },
    signals: {
      /** Messenger: handed off at once. Webhook: queued, then delivered on the next tick (signal.changed). */
      send: vi.fn(async ({ contactId, which }: { contactId: number; which: 'help' | 'ok' | 'test' }) => {
        const contact = contacts.find((c) => c.id === contactId);
        if (!contact) return fail('NOT_FOUND', 'That trusted person could not be found.');
        const channel = contact.channel.type === 'webhook' ? 'webhook' : contact.channel.kind;
        const status: SignalStatus = {
          signalId: signalLog.length + 1,
          contactId,
          contactName: contact.name,
          channel,
          which,
          state: channel === 'webhook' ? 'queued' : 'opened',
          outcome: channel === 'webhook' ? 'pending' : 'handed-off',
          attempts: 0,
          createdAt: now(),
          settledAt: null,
          nextAttemptAt: null,
          givesUpAt: now() + 30 * 60_000,
          lastError: null,
        };
        signalLog.push(status);
        if (channel === 'webhook') {
          setTimeout(() => {
            Object.assign(status, { state: webhookOutcome === 'delivered' ? 'sent' : 'failed', outcome: webhookOutcome, attempts: 1, settledAt: now() });
            emit('signal.changed', { ...status });
          }, 0);
        }
        return ok({ signalId: status.signalId, channel, state: status.state });
      }),
      copy: vi.fn(async () => ok(null)),
      status: vi.fn(async ({ signalId }: { signalId: number }) => ok(signalLog[signalId - 1]!)),
      history: vi.fn(async () =>
        ok<SignalHistoryItem[]>(
          signalLog.map((s) => ({ signalId: s.signalId, at: s.createdAt, contactName: s.contactName, channel: s.channel, which: s.which, outcome: s.outcome })).reverse(),
        ),
      ),
      deleteHistory: vi.fn(async () => ok({ deleted: signalLog.splice(0).length })),
    },
    // ---- memories
    memories: createMemoriesFake({ now, needsOpen }).api,
    // ---- ladder
    ladder: createLadderFake(now),
    // ---- media
    // The contract's own schema checks the input (the real messages); helped summaries are the core's.
    media: (() => {
      let items: MediaItem[] = [];
      let uses: MediaUse[] = [];
      let lastOffered: number | null = null;
      const gone = () => fail('NOT_FOUND', 'That item could not be found. It may have been removed.');
      const listed = (item: MediaItem) => ({ ...item, helped: summarizeUses(uses.filter((u) => u.mediaId === item.id)) });
      const parse = (input: unknown) => MediaInputSchema.safeParse(input);
      return {
        list: vi.fn(async () => needsOpen() ?? ok(items.map(listed))),
        add: vi.fn(async (input: unknown) => {
          const parsed = parse(input);
          if (!parsed.success) return firstIssue(parsed.error);
          const item: MediaItem = { ...parsed.data, id: nextId++, createdAt: now(), updatedAt: now() };
          items = [...items, item];
          return ok(item);
        }),
        update: vi.fn(async ({ id, item }: { id: number; item: unknown }) => {
          const parsed = parse(item);
          if (!parsed.success) return firstIssue(parsed.error);
          const current = items.find((i) => i.id === id);
          if (!current) return gone();
          const next: MediaItem = { ...current, ...parsed.data, updatedAt: now() };
          items = items.map((i) => (i.id === id ? next : i));
          return ok(next);
        }),
        remove: vi.fn(async ({ id }: { id: number }) => {
          if (!items.some((i) => i.id === id)) return gone();
          items = items.filter((i) => i.id !== id);
          uses = uses.filter((u) => u.mediaId !== id);
          return ok(null);
        }),
        offer: vi.fn(async () => {
          const pool = items.length > 1 ? items.filter((i) => i.id !== lastOffered) : items;
          const chosen = pool[0] ?? null;
          lastOffered = chosen?.id ?? null;
          return ok(chosen && listed(chosen));
        }),
        recordUse: vi.fn(async (input: { mediaId: number; sessionId?: number; moodBefore?: number; moodAfter?: number; tears?: MediaUse['tears'] }) => {
          if (!items.some((i) => i.id === input.mediaId)) return gone();
          const use: MediaUse = {
            id: uses.length + 1,
            mediaId: input.mediaId,
            sessionId: input.sessionId ?? null,
            usedAt: now(),
            moodBefore: input.moodBefore ?? null,
            moodAfter: input.moodAfter ?? null,
            tears: input.tears ?? null,
          };
          uses = [use, ...uses];
          return ok({ useId: use.id, helped: summarizeUses(uses.filter((u) => u.mediaId === input.mediaId)) });
        }),
        uses: vi.fn(async ({ id }: { id: number }) => ok(uses.filter((u) => u.mediaId === id))),
        openLink: vi.fn(async ({ id }: { id: number }) => {
          const item = items.find((i) => i.id === id);
          if (!item) return gone();
          return item.link ? ok(null) : fail('INVALID_INPUT', 'This one has no link to open.');
        }),
      };
    })(),
    // ---- reflection
    // Newest first, as the core keeps them; the order suggested is the core's own, over this library.
    reflection: (() => {
      let answers: SelfReflection[] = [];
      return {
        save: vi.fn(async (input: unknown) => {
          const closed = needsOpen();
          if (closed) return closed;
          const parsed = ReflectionInputSchema.safeParse(input);
          if (!parsed.success) return firstIssue(parsed.error);
          const saved: SelfReflection = { id: answers.length + 1, answeredAt: now(), ...parsed.data, talkWithDoctor: parsed.data.barriers.includes('medical') };
          answers = [saved, ...answers];
          return ok(saved);
        }),
        latest: vi.fn(async () => needsOpen() ?? ok(answers[0] ?? null)),
        history: vi.fn(async () => needsOpen() ?? ok([...answers])),
        deleteAll: vi.fn(async () => {
          const deleted = answers.length;
          answers = [];
          return ok({ deleted });
        }),
        suggestOrder: vi.fn(async () => needsOpen() ?? ok(suggestPracticeOrder(practicesNow().map((p) => summarizePractice(p, settings.breathPattern)), answers[0] ?? null))),
      };
    })(),
    // ---- over time: an empty vault's answers until a test sets some (insights-fake.ts)
    insights: insights.api,
    // ---- the therapy summary: saved where the "dialog" says (as main would), or printed
    summary: {
      savePdf: vi.fn(async (input: { understood: true }) => {
        if (input?.understood !== true) return fail('INVALID_INPUT', 'Please confirm you understand the PDF is not encrypted.');
        return needsOpen() ?? ok<{ outcome: 'saved'; where: string } | { outcome: 'cancelled' }>({ outcome: 'saved', where: '/home/me/Saltwater summary.pdf' });
      }),
      print: vi.fn(async () => needsOpen() ?? ok<{ outcome: 'printed' | 'cancelled' }>({ outcome: 'printed' })),
    },
    safety: {
      openWebsite: vi.fn(async () => ok(null)),
      call: vi.fn(async () => ok(null)),
      copyNumber: vi.fn(async () => ok(null)),
      region: vi.fn(async () => ok<string | null>(null)),
    },
    app: {
      activity: vi.fn(async () => ok(null)),
      sessionMode: vi.fn(async () => ok(null)),
      readyToClose: vi.fn(async () => ok(null)),
      formats: vi.fn(async () => ok<{ locale: string | null; hourCycle: 'h12' | 'h23' | null }>({ locale: 'en-GB', hourCycle: null })),
      quickHide: vi.fn(async () => ok(null)),
      quickHideKey: vi.fn(async () => ok(settings.quickHideKey)),
      desktopSupport: vi.fn(async () => ok({ mac: false, contentProtection: true, openAtLogin: true, globalShortcut: true, tray: true })),
    },
    // Sealed notes: kept here while "locked" (never shown), counted as waiting.
    quickNote: (() => {
      const sealed: string[] = [];
      return {
        status: vi.fn(async () => ok({ ready: state !== 'new', waiting: sealed.length })),
        write: vi.fn(async ({ text }: { text: string }) => {
          if (text.trim() === '') return fail('INVALID_INPUT', 'There is nothing in the note yet.');
          sealed.push(text);
          return ok(null);
        }),
      };
    })(),
    on: vi.fn(<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    }),
  };

  return {
    api: api as unknown as Api,
    spies: api,
    entries,
    sessions,
    sessionLog,
    schedules,
    voiceNotes,
    emit,
    /** The missed occurrence schedules.pendingMissed offers (until it is started or skipped). */
    setMissed(offer: MissedOffer | null) {
      missed = offer;
    },
    signalLog,
    /** Over time: set a view's numbers or the care card (insights-fake.ts). */
    insights,
    /** What a webhook signal ends as ('delivered' by default). */
    setWebhookOutcome(outcome: SignalStatus['outcome']) {
      webhookOutcome = outcome;
    },
    /** What the next "import a practice" dialog gives (a file's practice, a refusal, or null). */
    setPracticeFile(next: Result<{ fileName: string; practice: Practice } | null>) {
      practiceFile = next;
    },
    /** Simulates the vault locking itself (idle or system). */
    lockFromMain(reason: 'idle' | 'system' | 'manual') {
      state = 'locked';
      emit('vault.locked', { reason });
    },
    get state() {
      return state;
    },
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;

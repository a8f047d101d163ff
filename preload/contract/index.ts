import { z } from 'zod';
import {
  Entry,
  EntryFields,
  EntryId,
  EntrySummary,
  Passphrase,
  RecoveryKeyText,
  SearchHit,
  SearchQuery,
  Settings,
  Vocabulary,
  VaultStatus,
  EmotionWord,
  limits,
} from './schemas.ts';

import { Practice, PracticeId } from './practice.ts';
import { PracticeSummary, SessionCheckIn, SessionEnd, SessionRecord, SessionReflection, SessionStart, SessionStep } from './sessions.ts';

import {
  MissedOffer,
  OccurrenceRef,
  PreviewInput,
  QuietHours,
  Schedule,
  ScheduleId,
  ScheduleInput,
  SchedulePatch,
  SnoozeInput,
  UpcomingOccurrence,
} from './schedule/schemas.ts';

export * from './schemas.ts';
export * from './practice.ts';
export * from './sessions.ts';
import { WebLink } from './safety.ts';
import { Contact, ContactId, ContactInput, SendResult, SignalHistoryItem, SignalId, SignalStatus, Which } from './signals.ts';

export * from './schedule/schemas.ts';
export * from './signals.ts';
export * from './safety.ts';
export * from './links.ts';
export * from './errors.ts';

const none = z.undefined();
const ok = z.null();

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

/**
 * The whole API the renderer may call. Main registers exactly these on ipcMain,
 * preload exposes exactly these, and the test host serves exactly these.
 */
export const contract = {
  'vault.status': method(none, VaultStatus),
  'vault.create': method(z.object({ passphrase: Passphrase }), z.object({ recoveryKey: z.string() })),
  'vault.unlock': method(z.object({ passphrase: z.string().min(1).max(limits.passphraseMax) }), ok),
  'vault.unlockWithRecoveryKey': method(
    z.object({ recoveryKey: RecoveryKeyText, newPassphrase: Passphrase }),
    ok,
  ),
  'vault.lock': method(none, ok),
  'vault.changePassphrase': method(
    z.object({ current: z.string().min(1).max(limits.passphraseMax), next: Passphrase }),
    ok,
  ),

  'journal.list': method(
    z.object({ limit: z.number().int().min(1).max(limits.listPageMax).default(50), beforeId: EntryId.optional() }),
    z.array(EntrySummary),
  ),
  'journal.get': method(z.object({ id: EntryId }), Entry),
  'journal.create': method(EntryFields.partial().extend({ sessionId: z.number().int().positive().optional() }), Entry),
  'journal.update': method(EntryFields.partial().extend({ id: EntryId }), z.object({ id: EntryId, updatedAt: z.number().int() })),
  'journal.delete': method(z.object({ id: EntryId }), ok),
  'journal.restore': method(z.object({ id: EntryId }), ok),
  'journal.search': method(SearchQuery, z.array(SearchHit)),
  'journal.tags': method(none, z.array(z.string())),

  'emotions.vocabulary': method(none, Vocabulary),
  'emotions.addWord': method(z.object({ word: EmotionWord, family: z.string().min(1).max(40) }), Vocabulary),

  'settings.get': method(none, Settings),
  'settings.update': method(Settings.partial(), Settings),

  'practices.list': method(none, z.array(PracticeSummary)),
  'practices.get': method(z.object({ id: PracticeId }), Practice),

  'sessions.start': method(SessionStart, z.object({ sessionId: z.number().int().positive() })),
  'sessions.stepReached': method(SessionStep, ok),
  'sessions.checkIn': method(SessionCheckIn, ok),
  'sessions.end': method(SessionEnd, ok),
  'sessions.reflect': method(SessionReflection, ok),
  'sessions.list': method(z.object({ limit: z.number().int().min(1).max(limits.listPageMax).default(50) }), z.array(SessionRecord)),
  'sessions.get': method(z.object({ id: z.number().int().positive() }), SessionRecord),

  'schedules.list': method(none, z.array(Schedule)),
  'schedules.create': method(ScheduleInput, Schedule),
  'schedules.update': method(z.object({ id: ScheduleId, patch: SchedulePatch }), Schedule),
  'schedules.setPaused': method(z.object({ id: ScheduleId, paused: z.boolean() }), Schedule),
  'schedules.delete': method(z.object({ id: ScheduleId }), ok),
  /** The next times a rule would give, in plain words, without saving anything. */
  'schedules.preview': method(PreviewInput, z.array(UpcomingOccurrence)),
  'schedules.upcoming': method(z.object({ id: ScheduleId, count: z.number().int().min(1).max(20).default(5) }), z.array(UpcomingOccurrence)),
  'schedules.quietHours': method(none, QuietHours),
  'schedules.setQuietHours': method(QuietHours, QuietHours),
  /** The one missed occurrence on offer, if any ("start now / skip"). */
  'schedules.pendingMissed': method(none, MissedOffer.nullable()),
  'schedules.exportIcs': method(none, z.object({ ics: z.string() })),
  'reminders.snooze': method(SnoozeInput, z.object({ until: z.number() })),
  'reminders.skip': method(OccurrenceRef, ok),
  /** The person started the practice from a reminder or a missed offer. */
  'reminders.started': method(OccurrenceRef, ok),

  'contacts.list': method(none, z.array(Contact)),
  'contacts.add': method(ContactInput, Contact),
  'contacts.update': method(z.object({ id: ContactId, contact: ContactInput }), Contact),
  'contacts.remove': method(z.object({ id: ContactId }), ok),
  /** Sends the agreed message, the "I'm OK" follow-up, or a clearly marked test. Only ever to this contact. */
  'signals.send': method(z.object({ contactId: ContactId, which: Which }), SendResult),
  /** The clipboard fallback: the agreed words, nothing else. */
  'signals.copy': method(z.object({ contactId: ContactId, which: Which }), ok),
  'signals.status': method(z.object({ signalId: SignalId }), SignalStatus),
  'signals.history': method(none, z.array(SignalHistoryItem)),
  'signals.deleteHistory': method(none, z.object({ deleted: z.number().int().min(0) })),

  /** A session is running: full screen, keep the system awake, hold back the app's notifications. */
  'app.sessionMode': method(z.object({ active: z.boolean() }), ok),
  /** The window may close now: what was being written is saved (answer to app.closing). */
  'app.readyToClose': method(none, ok),
  /** Opens a web page (a crisis line's site, the person's own link) in the OS browser; http(s) only. */
  'app.openLink': method(z.object({ url: WebLink }), ok),
  /** The renderer saw the user do something; postpones the idle lock. */
  'app.activity': method(none, ok),
} as const;

/** Events main may push to the renderer. */
const ReminderTarget = z.object({ scheduleId: ScheduleId, occurrence: z.string() });
export const events = {
  'vault.locked': z.object({ reason: z.enum(['manual', 'idle', 'system']) }),
  /** The window is about to close: save what is pending, then call app.readyToClose. */
  'app.closing': z.object({}),
  /** A reminder is due now: the words to show and where "start" leads. */
  'reminder.due': z.object({ title: z.string(), body: z.string(), target: ReminderTarget, at: z.number() }),
  /** The person clicked the OS notification: open that practice's start screen. */
  'reminder.open': ReminderTarget,
  /** A signal's state changed (queued, sending, delivered, not delivered). */
  'signal.changed': SignalStatus,
  /** An occurrence was missed (asleep, closed): offer it once. */
  'reminder.missed': z.object({ scheduleId: ScheduleId, occurrence: z.string(), at: z.number(), label: z.string() }),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type EventName = keyof typeof events;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const methodNames = Object.keys(contract) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

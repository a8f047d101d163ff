import { z } from 'zod';
import {
  Entry,
  EntryFields,
  EntryId,
  EntrySummary,
  Passphrase,
  RecoveryKeyText,
  SearchQuery,
  SearchResults,
  Settings,
  SystemFormats,
  DesktopSupport,
  BackupInfo,
  BackupList,
  BackupSource,
  BackupSummary,
  BackupUnlock,
  Vocabulary,
  VaultStatus,
  AddEmotionWordInput,
  EmotionGranularity,
  PlaceEmotionWordInput,
  limits,
  ListQuery,
  QuickNoteText,
  QuickNoteStatus,
  QuickHideKey,
  KeychainStatus,
} from './schemas.ts';
import { method, none, ok, SessionId, timestamp } from './common.ts';

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
export * from './soundscape.ts';
export * from './sessions.ts';
import { safetyMethods } from './safety.ts';
import { Contact, ContactId, ContactInput, SendResult, SignalHistoryItem, SignalId, SignalStatus, Which } from './signals.ts';

export * from './schedule/schemas.ts';
export * from './signals.ts';
export * from './safety.ts';
export * from './crisis-lines.ts';
export * from './links.ts';
export * from './errors.ts';
import { MediaId, MediaInput, MediaItem, MediaListItem, MediaUse, MediaUseInput, HelpedSummary } from './media.ts';
export * from './media.ts';
import { PracticeSuggestion, ReflectionInput, SelfReflection } from './reflection.ts';
export * from './reflection.ts';
import {
  BoxItem,
  CloseOpeningInput,
  MemoryEdit,
  MemoryId,
  MemoryInput,
  MemoryStatusInput,
  MemorySuggestInput,
  OpenedMemory,
  Opening,
  OpeningId,
  OpenMemoryInput,
  RevealInput,
  Suggestion,
} from './memories.ts';
export * from './memories.ts';
import {
  LadderAttempt,
  LadderAttemptInput,
  LadderAttemptRecorded,
  LadderReorder,
  LadderStep,
  LadderStepChanges,
  LadderStepId,
  LadderSuggestion,
  LadderThreshold,
  LadderTrackChoice,
  LadderView,
  NewLadderStep,
  SuggestedLadderStepsRequest,
  SuggestedLadderStepsResult,
} from './ladder.ts';
export * from './ladder.ts';
import { transferEvents, transferMethods } from './transfer.ts';
export * from './transfer.ts';
import { insightsMethods } from './insights.ts';
export * from './insights.ts';
import { summaryMethods } from './summary.ts';
export * from './summary.ts';
import { ownPracticeMethods } from './own-practices.ts';
export * from './own-practices.ts';
import { voiceMethods } from './voice.ts';
export * from './voice.ts';


/**
 * The whole API the renderer may call. Main registers exactly these on ipcMain,
 * preload exposes exactly these, and the test host serves exactly these.
 */
export const contract = {
  'vault.status': method(none, VaultStatus),
  'vault.create': method(z.object({ passphrase: Passphrase }), z.object({ recoveryKey: z.string() })),
  /** The recovery key shown again, after the passphrase (unlocked only; a wrong passphrase counts). */
  'vault.showRecoveryKey': method(z.object({ passphrase: Passphrase }), z.object({ recoveryKey: z.string() })),
  /** The recovery key of a vault whose key was never confirmed (unlocked only), or null once it was. */
  'vault.keyToConfirm': method(none, z.object({ recoveryKey: z.string() }).nullable()),
  /** The person typed back part of their recovery key: it is not shown unasked again. */
  'vault.confirmKey': method(none, ok),
  'vault.unlock': method(z.object({ passphrase: z.string().min(1).max(limits.passphraseMax) }), ok),
  'vault.unlockWithRecoveryKey': method(
    z.object({ recoveryKey: RecoveryKeyText, newPassphrase: Passphrase }),
    ok,
  ),
  'vault.lock': method(none, ok),
  /** Unlocks with the data key the computer's keychain holds (when turned on); falls back to the passphrase if it fails. */
  'vault.unlockWithKeychain': method(none, ok),
  /** Whether keychain unlock can be used on this computer, and whether it is on for this vault. */
  'keychain.status': method(none, KeychainStatus),
  /** Keeps the data key in the computer's keychain too (unlocked only; refused where it would be plain text). */
  'keychain.enable': method(none, KeychainStatus),
  /** Forgets the keychain's copy: the passphrase alone unlocks again. */
  'keychain.disable': method(none, KeychainStatus),
  /** Seals a note at once (locked or not); it becomes a journal entry at the next unlock, with the time it was written. */
  'quickNote.write': method(z.object({ text: QuickNoteText }), ok),
  /** Whether notes can be sealed, and how many wait for the next unlock. */
  'quickNote.status': method(none, QuickNoteStatus),
  'vault.changePassphrase': method(
    z.object({ current: z.string().min(1).max(limits.passphraseMax), next: Passphrase }),
    ok,
  ),

  'journal.list': method(
    ListQuery.extend({ beforeId: EntryId.optional() }),
    z.array(EntrySummary),
  ),
  'journal.get': method(z.object({ id: EntryId }), Entry),
  'journal.create': method(EntryFields.partial().extend({ sessionId: SessionId.optional() }), Entry),
  'journal.update': method(EntryFields.partial().extend({ id: EntryId }), z.object({ id: EntryId, updatedAt: timestamp })),
  'journal.delete': method(z.object({ id: EntryId }), ok),
  'journal.restore': method(z.object({ id: EntryId }), ok),
  /** A page of matches, newest written first, with the true total; pass `next` back as `before` for more. */
  'journal.search': method(SearchQuery, SearchResults),
  'journal.tags': method(none, z.array(z.string())),
  // ---- voice notes, kept with their entries (voice.ts)
  ...voiceMethods,

  'emotions.vocabulary': method(none, Vocabulary),
  'emotions.addWord': method(AddEmotionWordInput, Vocabulary),
  // ---- naming feelings: move your own word on the grid; how many words so far
  'emotions.placeWord': method(PlaceEmotionWordInput, Vocabulary),
  'emotions.granularity': method(none, EmotionGranularity),

  'settings.get': method(none, Settings),
  'settings.update': method(Settings.partial(), Settings),
  /** Makes an encrypted backup of the whole vault now, checked before it counts. */
  'backup.now': method(none, BackupInfo),
  /** Where backups go and the ones there, newest first. */
  'backup.list': method(none, BackupList),
  /** Asks the person for a folder (the OS dialog) and keeps backups there from now on. */
  'backup.chooseFolder': method(none, BackupList),
  /** Backups go to the folder beside the vault again. */
  'backup.useDefaultFolder': method(none, BackupList),
  /** Asks the person for a backup file (the OS dialog); null when they cancel. */
  'backup.pickFile': method(none, z.object({ name: z.string() }).nullable()),
  /** Unpacks and unlocks a backup beside the vault and says what it holds; changes nothing yet. */
  'backup.open': method(z.object({ source: BackupSource, unlock: BackupUnlock }), BackupSummary),
  /** Puts the opened backup in place of the vault, keeping the old one as a safety copy. */
  'backup.restore': method(z.object({ newPassphrase: Passphrase.nullable() }), z.object({ safetyCopy: z.string().nullable() })),
  /** Gives up the opened backup. */
  'backup.cancelRestore': method(none, ok),
  // ---- export and import (transfer.ts)
  ...transferMethods,

  'practices.list': method(none, z.array(PracticeSummary)),
  'practices.get': method(z.object({ id: PracticeId }), Practice),
  // ---- the person's own practices (own-practices.ts)
  ...ownPracticeMethods,

  'sessions.start': method(SessionStart, z.object({ sessionId: SessionId })),
  'sessions.stepReached': method(SessionStep, ok),
  'sessions.checkIn': method(SessionCheckIn, ok),
  'sessions.end': method(SessionEnd, ok),
  'sessions.reflect': method(SessionReflection, ok),
  /** Newest first; pass the last id of a page as `beforeId` for the next (older) one. */
  'sessions.list': method(ListQuery.extend({ beforeId: SessionId.optional() }), z.array(SessionRecord)),
  'sessions.get': method(z.object({ id: SessionId }), SessionRecord),

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

  // ---- memories
  /** The box, gentlest first: titles, intensity, status, never the words. */
  'memories.list': method(none, z.array(BoxItem)),
  'memories.get': method(z.object({ id: MemoryId }), BoxItem),
  'memories.add': method(MemoryInput, BoxItem),
  'memories.edit': method(MemoryEdit, BoxItem),
  'memories.remove': method(z.object({ id: MemoryId }), ok),
  /** The words, for the edit form only (no opening is logged); an extra seal needs its passphrase. */
  'memories.readForEditing': method(RevealInput, z.object({ text: z.string() })),
  /** The memory "Open one box" offers first, within the person's maximum. */
  'memories.suggest': method(MemorySuggestInput, Suggestion),
  /** Opens one memory (inside a practice) and logs the opening; one at a time. */
  'memories.open': method(OpenMemoryInput, z.object({ openingId: OpeningId, memory: OpenedMemory })),
  /** The person's choice at the end: reseal, keep open, or at peace. */
  'memories.close': method(CloseOpeningInput, Opening),
  /** Stop (Esc) mid-way: resealed and logged as stopped; harmless twice. */
  'memories.stop': method(z.object({ openingId: OpeningId }), Opening),
  'memories.openings': method(z.object({ memoryId: MemoryId }), z.array(Opening)),
  'memories.setStatus': method(MemoryStatusInput, BoxItem),
  // ---- ladder
  'ladder.view': method(none, LadderView),
  /** The track's suggested steps, gentlest first, each marked when the track has it already. */
  'ladder.suggestions': method(z.object({ track: LadderTrackChoice }), z.array(LadderSuggestion)),
  'ladder.addStep': method(NewLadderStep, LadderStep),
  /** Adds the track's suggestions (or only `keys`) in their gentlest-first places; skips any already there. */
  'ladder.addSuggested': method(SuggestedLadderStepsRequest, SuggestedLadderStepsResult),
  'ladder.updateStep': method(z.object({ id: LadderStepId, changes: LadderStepChanges }), LadderStep),
  'ladder.removeStep': method(z.object({ id: LadderStepId }), ok),
  'ladder.reorder': method(LadderReorder, z.array(LadderStep)),
  'ladder.setThreshold': method(z.object({ threshold: LadderThreshold }), z.object({ threshold: LadderThreshold })),
  'ladder.recordAttempt': method(LadderAttemptInput, LadderAttemptRecorded),
  'ladder.attempts': method(z.object({ stepId: LadderStepId }), z.array(LadderAttempt)),
  // ---- media
  'media.list': method(none, z.array(MediaListItem)),
  'media.add': method(MediaInput, MediaItem),
  'media.update': method(z.object({ id: MediaId, item: MediaInput }), MediaItem),
  'media.remove': method(z.object({ id: MediaId }), ok),
  /** One item for "Boost the signal" (a different one next time when there is another), or null. */
  'media.offer': method(none, MediaListItem.nullable()),
  /** The item was used (usually in a session); mood and tears may come from the session's check-in. */
  'media.recordUse': method(MediaUseInput, z.object({ useId: z.number().int().positive(), helped: HelpedSummary })),
  'media.uses': method(z.object({ id: MediaId }), z.array(MediaUse)),
  /** Hands the item's own http(s) link to the OS browser, after checking it again. */
  'media.openLink': method(z.object({ id: MediaId }), ok),
  // ---- reflection
  'reflection.save': method(ReflectionInput, SelfReflection),
  'reflection.latest': method(none, SelfReflection.nullable()),
  'reflection.history': method(none, z.array(SelfReflection)),
  'reflection.deleteAll': method(none, z.object({ deleted: z.number().int().min(0) })),
  /** The practice library in the order to suggest it, shaped by the latest answers. */
  'reflection.suggestOrder': method(none, PracticeSuggestion),
  // ---- over time (insights.ts)
  ...insightsMethods,
  // ---- a summary to bring to therapy (summary.ts)
  ...summaryMethods,

  /** A session is running: full screen, keep the system awake, hold back the app's notifications. */
  'app.sessionMode': method(z.object({ active: z.boolean() }), ok),
  /** The window may close now: what was being written is saved (answer to app.closing). */
  'app.readyToClose': method(none, ok),
  ...safetyMethods,
  /** The renderer saw the user do something; postpones the idle lock. */
  'app.activity': method(none, ok),
  /** How this computer writes dates and times: its regional locale and, where the OS says, 12 or 24 hours. */
  'app.formats': method(none, SystemFormats),
  /** Quick hide: the window goes out of sight at once and the vault locks. */
  'app.quickHide': method(none, ok),
  /** The quick-hide shortcut chosen: the vault's setting, or while locked the copy kept beside it (the lock screen needs it too). */
  'app.quickHideKey': method(none, QuickHideKey),
  /** What this computer's desktop supports (content protection, launch at login, global shortcuts). */
  'app.desktopSupport': method(none, DesktopSupport),
} as const;

/** Events main may push to the renderer. */
const ReminderTarget = z.object({ scheduleId: ScheduleId, occurrence: z.string() });
export const events = {
  /** 'hidden': quick hide (the lock screen then says nothing about why). */
  'vault.locked': z.object({ reason: z.enum(['manual', 'idle', 'system', 'hidden']) }),
  /** The window is about to close: save what is pending, then call app.readyToClose. */
  'app.closing': z.object({}),
  /** The tray's "Quick note…": show the quick note (on the lock screen, or a new entry when unlocked). */
  'app.quickNote': z.object({}),
  /** The tray's "Lock": save what is being written, then lock (main locks anyway after a moment). */
  'app.lockRequested': z.object({}),
  /** A reminder is due now: the words to show and where "start" leads. */
  'reminder.due': z.object({ title: z.string(), body: z.string(), target: ReminderTarget, at: z.number() }),
  /** The person clicked the OS notification: open that practice's start screen. */
  'reminder.open': ReminderTarget,
  /**
   * An entry was written, changed, deleted or restored, from any screen (a practice's prompt too).
   * `ids`: the entries concerned, so a list can fetch just those again; absent when many changed at
   * once or which is not known (an import, a restored backup): then everything is read again.
   */
  'journal.changed': z.object({ ids: z.array(EntryId).optional() }),
  /** A signal's state changed (queued, sending, delivered, not delivered). */
  'signal.changed': SignalStatus,
  /** An occurrence was missed (asleep, closed): offer it once. */
  'reminder.missed': z.object({ scheduleId: ScheduleId, occurrence: z.string(), at: z.number(), label: z.string() }),
  ...transferEvents,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type EventName = keyof typeof events;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export { eventNames, isEventName, isMethodName, methodNames } from './names.ts';

import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import {
  AppError,
  defaultSettings,
  desktopSettingKeys,
  type BackupSource,
  type DesktopSettings,
  type DesktopSupport,
  type Settings,
  type EventName,
  type EventPayload,
  type RestoreAtStart,
  type SystemFormats,
  type VaultStatus,
} from '../../preload/contract/index.ts';
import { AutoBackup } from './backup/auto-backup.ts';
import { timeFromName } from './backup/backup-file.ts';
import { BackupService } from './backup/backups.ts';
import { RestoreService } from './backup/restore.ts';
import { settleInterruptedRestore } from './backup/interrupted-restore.ts';
import { AutoLock } from './vault/auto-lock.ts';
import { Journal } from './journal/journal.ts';
import { VocabularyService } from './journal/vocabulary.ts';
import { VoiceNotes } from './journal/voice-notes.ts';
import { voiceHandlers } from './journal/voice-handlers.ts';
import { MainOnlySetting, SettingsService } from './settings/settings.ts';
import { DesktopPrefs } from './settings/desktop-prefs.ts';
import { PracticeLibrary } from './practices/library.ts';
import { OwnPractices } from './practices/own-practices.ts';
import { PracticeCatalog } from './practices/catalog.ts';
import { ownPracticeHandlers } from './practices/handlers.ts';
import { SessionsService } from './sessions/sessions.ts';
import { Scheduler, type Reminder } from './scheduler/scheduler.ts';
import { SealedLog } from './scheduler/sealed-log.ts';
import { Vault, type KdfParams } from './vault/vault.ts';
import { Keychain, type KeyProtector } from './vault/keychain.ts';
import { vaultErrors } from './vault/vault-errors.ts';
import { DESKTOP_PREFS_FILE_NAME } from './vault/vault-files.ts';
import { SignalService } from './signal/signal-service.ts';
import { safetyHandlers } from './safety/handlers.ts';
import { createNodeHttpPost } from './signal/node-http-post.ts';
import { MediaService } from './media/media-service.ts';
import { MemoriesService } from './memories/memories-service.ts';
import { LadderService } from './ladder/ladder-service.ts';
import { ReflectionService } from './reflection/reflection-service.ts';
import { InsightsService } from './insights/insights-service.ts';
import { insightsHandlers } from './insights/handlers.ts';
import { createTransfer } from './transfer/transfer-handlers.ts';
import { summaryHandlers } from './summary/summary-handlers.ts';
import { QuickNotes, type TakenIn } from './quick-notes/quick-notes.ts';
import type { Clipboard, HttpPost, OpenExternal } from './signal/ports.ts';
import { createRouter, type Handlers, type Router } from './router.ts';
import { errorKind, logProblem } from './log.ts';
import { systemClock, systemTimers, systemZone, type Clock, type PagePrinter, type Timers } from './ports.ts';

export interface CoreOptions {
  /** Folder that holds the vault files. */
  dataDir: string;
  clock?: Clock;
  timers?: Timers;
  /** Pushes an event to the renderer. */
  emit?: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  kdf?: Partial<KdfParams>;
  nativeBinding?: string;
  /** Overrides the idle-lock setting (tests and the test host only). */
  idleLockMsOverride?: number;
  /** Folder with the built-in practices (resources/ in a checkout, inside the app when packaged). */
  resourcesDir: string;
  /** Full screen and keeping the system awake while a session runs (Electron); absent elsewhere. */
  sessionMode?: (active: boolean) => void;
  /** Shows an OS notification for a due reminder (Electron); the renderer is told in any case. */
  notify?: (reminder: Reminder) => void;
  /** The computer's IANA time zone now. */
  zone?: () => string;
  /** The renderer has saved what was pending and the window may close (Electron). */
  readyToClose?: () => void;
  /** Hands a mailto:, sms: or web link to the OS (Electron: shell.openExternal). */
  openExternal?: OpenExternal;
  clipboard?: Clipboard;
  /** The computer's region as the OS has it (Electron: app.getLocaleCountryCode()), for crisis lines. */
  region?: () => string | null;
  /** How the computer writes dates and times (Electron: app.getSystemLocale(), and on macOS its 24-hour setting). */
  formats?: () => SystemFormats;
  /** Sends a webhook signal (default: Node's https, from main, never the renderer). */
  httpPost?: HttpPost;
  /** The OS's own file dialogs (Electron); the test host answers them only when a test says how. Missing ones say they are not available. */
  dialogs?: Partial<Dialogs>;
  /** Quick hide: takes the window out of sight at once (Electron: hidden on macOS, minimised elsewhere). */
  hideWindow?: () => void;
  /**
   * The privacy settings that act on the window and the OS (content protection, the global
   * shortcut, launch at login, the tray icon), given after each unlock and each change. They live in
   * the vault; at start main is given the copy kept beside it (settings/desktop-prefs.ts), or nothing
   * (the safe defaults hold) before the first unlock.
   */
  applyDesktop?: (settings: DesktopSettings) => void;
  /** What this computer's desktop supports; absent (the browser preview) means none of it. */
  desktopSupport?: () => DesktopSupport;
  /**
   * The computer's keychain (Electron: safeStorage), for the optional "unlock with this computer's
   * keychain"; absent means it is not available here.
   */
  keyProtector?: KeyProtector;
  /** Prints the app's window to a PDF or a printer (Electron); absent (the browser preview) says it needs the desktop app. */
  printer?: PagePrinter;
}

/** Only the settings that act outside the page. */
export function desktopSettings(settings: Settings): DesktopSettings {
  return Object.fromEntries(desktopSettingKeys.map((key) => [key, settings[key]])) as DesktopSettings;
}

export interface Dialogs {
  /** A folder for backups, or null when the person cancels. */
  chooseFolder(): Promise<string | null>;
  /** A .swbackup file to restore, or null when the person cancels. */
  chooseBackupFile(): Promise<string | null>;
  /** The folder to make an export's folder in. */
  chooseExportFolder(): Promise<string | null>;
  /** Where to save an export's .zip (a save dialog: it asks before replacing a file). */
  chooseExportZip(suggestedName: string): Promise<string | null>;
  /** A file to import (Day One .zip or .json, jrnl .json, Daylio .csv, a Saltwater export). */
  chooseImportFile(): Promise<string | null>;
  /** A folder of Markdown or text files (or a Saltwater export's folder) to import. */
  chooseImportFolder(): Promise<string | null>;
  /** Where to save the therapy summary's PDF (a save dialog: it asks before replacing a file). */
  chooseSummaryPdf(suggestedName: string): Promise<string | null>;
  /** A practice file (.json) to import, from a friend or a therapist. */
  choosePracticeFile(): Promise<string | null>;
  /** Where to save a practice to share (a save dialog: it asks before replacing a file). */
  choosePracticeSaveAs(suggestedName: string): Promise<string | null>;
}

export interface Core {
  router: Router;
  vault: Vault;
  /** Locks because the OS is going to sleep or the screen was locked. */
  lockForSystem(): void;
  /** Locks because the person asked from outside the page (the tray's Lock). */
  lockNow(): void;
  /** Quick hide from outside the page (the global shortcut): out of sight at once, then locked. */
  quickHide(): void;
  /** True while a session runs: the app sends no notifications then. */
  inSession(): boolean;
  /** The wall clock jumped, the zone changed, or the computer woke: plan reminders again. */
  recomputeSchedule(): void;
  /** The page that ran the session went away (reload, crash): leave session mode. */
  endSessionMode(): void;
  close(): void;
}

function unavailable(what: string) {
  return (): never => {
    throw new Error(`${what} is not available here`);
  };
}

/** Composition root of the Electron-free services: the same in Electron and in the test host. */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const timers = options.timers ?? systemTimers;
  const emit = options.emit ?? (() => {});
  const zone = options.zone ?? systemZone;
  const report = (where: string, error: unknown) => logProblem(where, errorKind(error));
  // Before anything opens the vault: a restore cut off by a crash is finished or undone, and
  // the person hears which after the next unlock (see vault.status).
  let restoreToTell: RestoreAtStart | null = null;
  try {
    restoreToTell = settleInterruptedRestore(options.dataDir);
  } catch (error) {
    report('restore', error);
  }
  /** Said while the vault stays open after that first unlock; forgotten when it locks. */
  let restoreTold: RestoreAtStart | null = null;
  /** Quick notes written while locked, taken in at the last unlock: said while it stays open. */
  let quickNotesTold: Omit<TakenIn, 'ids'> | null = null;
  const quickNotes = new QuickNotes(options.dataDir, clock);
  const vault = new Vault({
    dir: options.dataDir,
    clock,
    kdf: options.kdf,
    nativeBinding: options.nativeBinding,
  });
  const db = () => vault.db();
  const journal = new Journal(db, clock);
  const voiceNotes = new VoiceNotes(db, clock);
  // Granularity counts calendar months in the same zone the Scheduler uses.
  const vocabulary = new VocabularyService(db, clock, zone);
  const settings = new SettingsService(db);
  // The window and the OS get last time's privacy choices from the start, before any unlock.
  const desktopPrefs = new DesktopPrefs(join(options.dataDir, DESKTOP_PREFS_FILE_NAME));
  const remembered = desktopPrefs.read();
  if (remembered && options.applyDesktop) {
    try {
      options.applyDesktop(remembered);
    } catch (error) {
      report('desktop', error);
    }
  }
  // Encrypted backups: in the folder the person chose, or a `backups` folder beside the vault's own.
  const backupFolder = new MainOnlySetting(db, 'backup.folder', z.string());
  const backups = new BackupService({
    vault,
    clock,
    defaultFolder: join(dirname(options.dataDir), 'backups'),
    chosenFolder: () => (vault.isUnlocked() ? backupFolder.get() : null),
    policy: () => settings.get().backupKeep,
  });
  const autoBackup = new AutoBackup({
    vault,
    backups,
    clock,
    timers,
    enabled: () => settings.get().autoBackup,
    report: (error) => report('backup', error),
  });
  const restore = new RestoreService({ vault, clock, nativeBinding: options.nativeBinding });
  const keychain = new Keychain({ vault, protector: options.keyProtector });
  const dialogs: Dialogs = {
    chooseFolder: unavailable('Choosing a folder'),
    chooseBackupFile: unavailable('Choosing a file'),
    chooseExportFolder: unavailable('Choosing a folder'),
    chooseExportZip: unavailable('Choosing where to save'),
    chooseImportFile: unavailable('Choosing a file'),
    chooseImportFolder: unavailable('Choosing a folder'),
    chooseSummaryPdf: unavailable('Choosing where to save'),
    choosePracticeFile: unavailable('Choosing a file'),
    choosePracticeSaveAs: unavailable('Choosing where to save'),
    ...options.dialogs,
  };
  /** The backup file the person picked in the dialog; the page only ever knows its name. */
  let pickedBackup: string | null = null;
  /** The last unlock failed because the vault is damaged: a backup may then replace it while locked. */
  let foundDamaged = false;
  // Built-in practices and the person's own (issue 15): one catalog for everything that looks one up.
  const ownPractices = new OwnPractices(db, clock);
  const library = new PracticeCatalog(new PracticeLibrary(options.resourcesDir), ownPractices, () => vault.isUnlocked());
  const sessions = new SessionsService(db, clock, library);
  let sessionActive = false;
  const setSessionMode = (active: boolean) => {
    if (sessionActive === active) return;
    sessionActive = active;
    options.sessionMode?.(active);
    // A quiet practice is not idleness: the vault stays open for the session, and the idle
    // clock starts afresh when it ends. Sleep and screen lock still lock at once.
    if (active) autoLock.stop();
    else if (vault.isUnlocked()) autoLock.start();
    // Reminders held back during the session may be due now.
    if (!active) scheduler.recompute();
  };

  const openExternal = options.openExternal ?? unavailable('Handing links to the computer');
  const clipboard = options.clipboard ?? { writeText: unavailable('The clipboard') };
  const signals = new SignalService({
    db,
    clock,
    timers,
    httpPost: options.httpPost ?? createNodeHttpPost(),
    openExternal,
    clipboard,
    onChange: (status) => emit('signal.changed', status),
    report: (error) => report('signals', error),
    lockedLog: new SealedLog(join(options.dataDir, 'signals.sealed')),
  });

  // The practice tools (issue 6). Extra seals on memories cost what the vault's own
  // passphrase costs (cheaper only in tests).
  const memories = new MemoriesService({ db, clock, kdf: options.kdf });
  const ladder = new LadderService({ db, clock });
  const media = new MediaService({ db, clock, openExternal });
  const reflection = new ReflectionService({ db, clock });
  // Over time (issue 14): local weeks in the same zone granularity and the scheduler use.
  const insights = new InsightsService({ db, clock, zone, vocabulary: () => vocabulary.get() });
  // Export to plain files and import from other apps (issue 11); the paths chosen stay in main.
  const transfer = createTransfer({
    db,
    clock,
    zone,
    memories,
    dialogs,
    emit,
    imported: () => {
      emit('journal.changed', {});
      // A Saltwater export may bring planned sessions.
      try {
        scheduler.recompute();
      } catch (error) {
        report('scheduler', error);
      }
    },
  });

  const scheduler = new Scheduler({
    db,
    clock,
    timers,
    zone,
    notify: (reminder) => {
      options.notify?.(reminder);
      emit('reminder.due', reminder);
    },
    onMissed: (missed) => emit('reminder.missed', missed),
    inSession: () => sessionActive,
    practiceTitle: (id) => library.find(id)?.title,
    lockedLog: new SealedLog(join(options.dataDir, 'scheduler.sealed')),
  });

  const autoLock = new AutoLock({
    clock,
    timers,
    idleMs: () => options.idleLockMsOverride ?? settings.get().idleLockMinutes * 60_000,
    onIdle: () => lock('idle'),
  });

  /** Locks whatever else fails on the way: tidying up must never keep the vault open. */
  function lock(reason: EventPayload<'vault.locked'>['reason']): void {
    if (!vault.isUnlocked()) return;
    try {
      // First and on its own: signals on their way must keep going whatever else fails here.
      signals.holdWhileLocked();
    } catch (error) {
      report('signals', error);
    }
    try {
      // An export running now stops and leaves no files: locking means nothing more comes out.
      transfer.stop();
      setSessionMode(false);
      journal.purgeDeleted();
      ownPractices.purgeRemoved();
    } catch (error) {
      report('lock', error);
    }
    // The lock screen shows now; the backup of what changed is made before the vault closes.
    emit('vault.locked', { reason });
    try {
      // Going to sleep, the key goes at once: that backup waits for the next unlock.
      autoBackup.closing(reason === 'system' ? 'later' : 'now');
    } finally {
      vault.lock();
      autoLock.stop();
      restoreTold = null;
      quickNotesTold = null;
    }
  }

  /**
   * After any unlock, and after a new vault is made (which has nothing to purge, and must
   * never fail before its recovery key is shown). Planning reminders may fail (it is
   * reported), but never fails the unlock.
   */
  const unlocked = (how: 'unlocked' | 'created') => {
    // What an earlier unlock took in is not this vault's news (a restore replaced it).
    quickNotesTold = null;
    // Entries deleted before the last lock go for good (a failure here does fail the unlock).
    if (how === 'unlocked') journal.purgeDeleted();
    autoLock.start();
    // A new vault is not the journal the restore was about.
    restoreTold = how === 'unlocked' ? restoreToTell : null;
    restoreToTell = null;
    try {
      scheduler.recompute();
    } catch (error) {
      report('scheduler', error);
    }
    try {
      signals.resume();
    } catch (error) {
      report('signals', error);
    }
    // An opening left mid-way when the app closed or locked: logged as stopped, memory resealed.
    try {
      memories.settleUnfinished();
    } catch (error) {
      report('memories', error);
    }
    // The window and the OS follow this vault's privacy settings (locked, main keeps the last ones).
    tellDesktop();
    // What the steps above wrote is the app's own tidying, not a change to back up.
    autoBackup.opened();
    // Quick notes written while locked are the person's words: a change like any other.
    takeInQuickNotes();
  };

  /**
   * Never fails the unlock: a note not taken in stays sealed in its log for the next one. What an
   * unlock took in is said once after it; a note written while unlocked (the tray) needs no telling.
   */
  function takeInQuickNotes(tell = true): void {
    try {
      const result = quickNotes.takeIn(vault.db());
      const taken = tell ? result.taken : 0;
      // Notes kept aside are always said, whenever they are found.
      if (taken > 0 || result.keptAside > 0) {
        quickNotesTold = { taken: (quickNotesTold?.taken ?? 0) + taken, keptAside: (quickNotesTold?.keptAside ?? 0) + result.keptAside };
      }
      if (result.taken > 0) emit('journal.changed', { ids: result.ids });
    } catch (error) {
      report('quick notes', error);
    }
  }

  function tellDesktop(): void {
    if (!options.applyDesktop) return;
    try {
      const chosen = desktopSettings(settings.get());
      options.applyDesktop(chosen);
      desktopPrefs.write(chosen);
    } catch (error) {
      report('desktop', error);
    }
  }

  /** The window goes first, so nothing shows a moment longer; then the vault locks (saves were made by the page before). */
  function quickHide(): void {
    try {
      options.hideWindow?.();
    } finally {
      lock('hidden');
    }
  }

  /**
   * Every screen that lists entries hears of a change made anywhere (a practice's prompt writes too),
   * with the entry's id, so a list fetches just that entry again instead of every page it holds.
   */
  const journalChanged = <T>(id: number, value: T): T => {
    emit('journal.changed', { ids: [id] });
    return value;
  };

  /** The person's breathing pattern for practice lengths; the default while locked (the library is not private). */
  const breathPattern = () => (vault.isUnlocked() ? settings.get().breathPattern : defaultSettings.breathPattern);

  const handlers: Handlers = {
    'vault.status': () => vaultStatus(),
    'vault.create': async ({ passphrase }) => {
      const result = await vault.create(passphrase);
      // A keychain item left from an earlier vault here never opens this one.
      keychain.forget();
      unlocked('created');
      return result;
    },
    'vault.unlock': async ({ passphrase }) => {
      await noticeDamage(() => vault.unlock(passphrase));
      unlocked('unlocked');
    },
    'vault.unlockWithRecoveryKey': async ({ recoveryKey, newPassphrase }) => {
      await noticeDamage(() => vault.unlockWithRecoveryKey(recoveryKey, newPassphrase));
      unlocked('unlocked');
    },
    'vault.lock': () => lock('manual'),
    // The same way in as the passphrase, once the keychain's key has proved to be this vault's.
    'vault.unlockWithKeychain': async () => {
      await noticeDamage(() => keychain.unlock());
      unlocked('unlocked');
    },
    'keychain.status': () => keychain.status(),
    'keychain.enable': () => keychain.enable(),
    'keychain.disable': () => keychain.disable(),
    'vault.changePassphrase': ({ current, next }) => vault.changePassphrase(current, next),
    'vault.showRecoveryKey': ({ passphrase }) => vault.showRecoveryKey(passphrase),
    'vault.keyToConfirm': () => vault.recoveryKeyToConfirm(),
    'vault.confirmKey': () => vault.confirmRecoveryKey(),
    'journal.list': (q) => journal.list(q),
    'journal.get': ({ id }) => journal.get(id),
    'journal.create': (fields) => {
      const entry = journal.create(fields);
      return journalChanged(entry.id, entry);
    },
    'journal.update': ({ id, ...patch }) => journalChanged(id, journal.update(id, patch)),
    'journal.delete': ({ id }) => journalChanged(id, journal.delete(id)),
    'journal.restore': ({ id }) => journalChanged(id, journal.restore(id)),
    'journal.search': (q) => journal.search(q),
    'journal.tags': () => journal.tags(),
    ...voiceHandlers(voiceNotes, {
      changed: (entryId) => emit('journal.changed', { ids: [entryId] }),
      // Speaking is using the app: a long note must not be cut short by the idle lock.
      active: () => autoLock.touch(),
    }),
    'emotions.vocabulary': () => vocabulary.get(),
    'emotions.addWord': ({ word, family, placement }) => vocabulary.addWord(word, family, placement ?? null),
    // ---- naming feelings
    'emotions.placeWord': ({ word, placement }) => vocabulary.placeWord(word, placement),
    'emotions.granularity': () => vocabulary.granularity(),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => {
      const next = settings.update(patch);
      autoLock.touch();
      tellDesktop();
      return next;
    },
    'practices.list': () => library.list(breathPattern()),
    'practices.get': ({ id }) => library.get(id),
    ...ownPracticeHandlers({ own: ownPractices, dialogs, changed: () => scheduler.recompute() }),
    'sessions.start': (input) => sessions.start(input),
    'sessions.stepReached': (input) => sessions.stepReached(input),
    'sessions.checkIn': (input) => sessions.checkIn(input),
    'sessions.end': (input) => sessions.end(input),
    'sessions.reflect': (input) => sessions.reflect(input),
    'sessions.list': ({ limit, beforeId }) => sessions.list(limit, beforeId),
    'sessions.get': ({ id }) => sessions.get(id),
    'schedules.list': () => scheduler.list(),
    'schedules.create': (input) => scheduler.create(input),
    'schedules.update': ({ id, patch }) => scheduler.update(id, patch),
    'schedules.setPaused': ({ id, paused }) => scheduler.setPaused(id, paused),
    'schedules.delete': ({ id }) => scheduler.delete(id),
    'schedules.preview': (input) => scheduler.preview(input),
    'schedules.upcoming': ({ id, count }) => scheduler.upcoming(id, count),
    'schedules.quietHours': () => scheduler.quietHours(),
    'schedules.setQuietHours': (input) => scheduler.setQuietHours(input),
    'schedules.pendingMissed': () => scheduler.pendingMissed(),
    'schedules.exportIcs': () => ({ ics: scheduler.exportIcs() }),
    'reminders.snooze': (input) => scheduler.snooze(input),
    'reminders.skip': (input) => scheduler.skip(input),
    'reminders.started': (input) => scheduler.started(input),
    'contacts.list': () => signals.listContacts(),
    'contacts.add': (input) => signals.addContact(input),
    'contacts.update': ({ id, contact }) => signals.updateContact(id, contact),
    'contacts.remove': ({ id }) => signals.removeContact(id),
    'signals.send': ({ contactId, which }) => signals.send(contactId, which),
    'signals.copy': ({ contactId, which }) => signals.copyMessage(contactId, which),
    'signals.status': ({ signalId }) => signals.status(signalId),
    'signals.history': () => signals.history(),
    'signals.deleteHistory': () => signals.deleteHistory(),
    // ---- memories
    'memories.list': () => memories.list(),
    'memories.get': ({ id }) => memories.get(id),
    'memories.add': (input) => memories.add(input),
    'memories.edit': (input) => memories.edit(input),
    'memories.remove': ({ id }) => memories.remove(id),
    'memories.readForEditing': (input) => memories.readForEditing(input),
    'memories.suggest': (input) => memories.suggest(input),
    'memories.open': (input) => memories.openMemory(input),
    'memories.close': (input) => memories.closeOpening(input),
    'memories.stop': ({ openingId }) => memories.stopOpening(openingId),
    'memories.openings': ({ memoryId }) => memories.openings(memoryId),
    'memories.setStatus': (input) => memories.setStatus(input),
    // ---- ladder
    'ladder.view': () => ladder.listLadder(),
    'ladder.suggestions': ({ track }) => ladder.suggestions(track),
    'ladder.addStep': (input) => ladder.addStep(input),
    'ladder.addSuggested': (input) => ladder.addSuggestedSteps(input),
    'ladder.updateStep': ({ id, changes }) => ladder.updateStep(id, changes),
    'ladder.removeStep': ({ id }) => ladder.removeStep(id),
    'ladder.reorder': (input) => ladder.reorder(input),
    'ladder.setThreshold': ({ threshold }) => ladder.setThreshold(threshold),
    'ladder.recordAttempt': (input) => ladder.recordAttempt(input),
    'ladder.attempts': ({ stepId }) => ladder.attempts(stepId),
    // ---- media
    'media.list': () => media.list(),
    'media.add': (input) => media.add(input),
    'media.update': ({ id, item }) => media.update(id, item),
    'media.remove': ({ id }) => media.remove(id),
    'media.offer': () => media.offerOne(),
    'media.recordUse': (input) => media.recordUse(input),
    'media.uses': ({ id }) => media.uses(id),
    'media.openLink': ({ id }) => media.openLink(id),
    // ---- reflection
    'reflection.save': (input) => reflection.save(input),
    'reflection.latest': () => reflection.latest(),
    'reflection.history': () => reflection.history(),
    'reflection.deleteAll': () => reflection.deleteAll(),
    'reflection.suggestOrder': () => reflection.suggest(library.list(breathPattern())),
    ...insightsHandlers(insights),
    ...summaryHandlers({ db, clock, printer: options.printer, dialogs, region: options.region ?? (() => null) }),
    'app.sessionMode': ({ active }) => {
      // Only an unlocked vault may hold the screen; a locked one never enters session mode.
      if (active) vault.db();
      setSessionMode(active);
    },
    'app.readyToClose': () => options.readyToClose?.(),
    ...safetyHandlers({ openExternal, clipboard, ownEntries: () => settings.get().safetyEntries, region: options.region ?? (() => null) }),
    'app.activity': () => autoLock.touch(),
    'backup.now': () => {
      const made = backups.create();
      autoBackup.made();
      return made;
    },
    'backup.list': () => backupList(),
    'backup.chooseFolder': async () => {
      vault.db();
      const chosen = await dialogs.chooseFolder();
      if (chosen !== null) backupFolder.set(chosen);
      return backupList();
    },
    'backup.useDefaultFolder': () => {
      backupFolder.set(null);
      return backupList();
    },
    'backup.pickFile': async () => {
      assertMayRestore();
      pickedBackup = await dialogs.chooseBackupFile();
      return pickedBackup === null ? null : { name: basename(pickedBackup) };
    },
    'backup.open': ({ source, unlock }) => {
      assertMayRestore();
      return restore.open(backupFile(source), unlock);
    },
    'backup.restore': async ({ newPassphrase }) => {
      assertMayRestore();
      const wasUnlocked = vault.isUnlocked();
      try {
        const result = await restore.restore(newPassphrase, closeForRestore);
        // The keychain held the key of the vault now set aside: it opens neither that copy nor this one.
        keychain.forget();
        if (result.safetyCopy !== null) keychain.forget(result.safetyCopy);
        foundDamaged = false;
        // This restore's own note says what happened; an older one is past.
        restoreToTell = null;
        unlocked('unlocked');
        emit('journal.changed', {});
        return result;
      } catch (error) {
        // The old vault is whole and in place, but closed: the person unlocks it again.
        if (wasUnlocked && vault.status().state === 'locked') emit('vault.locked', { reason: 'manual' });
        throw error;
      }
    },
    'backup.cancelRestore': () => restore.cancel(),
    ...transfer.handlers,
    'app.formats': () => options.formats?.() ?? { locale: null, hourCycle: null },
    'app.quickHide': () => quickHide(),
    'app.quickHideKey': () => (vault.isUnlocked() ? settings.get() : (desktopPrefs.read() ?? defaultSettings)).quickHideKey,
    'quickNote.write': ({ text }) => {
      quickNotes.write(text);
      // Unlocked (the tray's note while the journal is open), it goes in at once.
      if (vault.isUnlocked()) takeInQuickNotes(false);
    },
    'quickNote.status': () => quickNotes.status(),
    'app.desktopSupport': () => options.desktopSupport?.() ?? { mac: false, contentProtection: false, openAtLogin: false, globalShortcut: false, tray: false },
  };

  function vaultStatus(): VaultStatus {
    const status = vault.status();
    if (status.state !== 'unlocked') return status;
    return {
      ...status,
      ...(restoreTold && { restoreAtStart: restoreTold }),
      ...(quickNotesTold?.taken && { quickNotesTaken: quickNotesTold.taken }),
      ...(quickNotesTold?.keptAside && { quickNotesKeptAside: quickNotesTold.keptAside }),
    };
  }

  function backupList() {
    assertMayRestore();
    const { folder, chosenMissing } = backups.folder();
    return {
      folder,
      // Locked (a damaged vault, or none yet) the folder chosen inside it is unknown: only the one beside it.
      chosenFolder: vault.isUnlocked() ? backupFolder.get() : null,
      chosenMissing,
      backups: backups.list().map(({ name, at, bytes }) => ({ name, at, bytes })),
      lastProblem: autoBackup.lastProblem(),
    };
  }

  /**
   * A restore starts a new computer (no vault yet) or replaces an unlocked vault; a locked one
   * only once unlocking it has said it is damaged (it can't be opened to replace it in the usual
   * way). It is kept whole as the safety copy either way.
   */
  function assertMayRestore(): void {
    if (vault.status().state === 'locked' && !foundDamaged) throw vaultErrors.locked();
  }

  /** Runs an unlock, remembering whether it failed because the vault is damaged (see assertMayRestore). */
  async function noticeDamage(attempt: () => Promise<void>): Promise<void> {
    try {
      await attempt();
      foundDamaged = false;
    } catch (error) {
      if (error instanceof AppError && error.code === 'VAULT_DAMAGED') foundDamaged = true;
      throw error;
    }
  }

  function backupFile(source: z.infer<typeof BackupSource>): string {
    if (source.kind === 'picked') {
      if (pickedBackup === null) throw new AppError('NOT_FOUND', 'Please choose the backup file again.');
      return pickedBackup;
    }
    // Only a name the backup list could show, so a page can't point at any other file.
    const found = timeFromName(source.name) !== null ? backups.list().find((b) => b.name === source.name) : undefined;
    if (!found) throw new AppError('NOT_FOUND', "That backup isn't in the backups folder any more.");
    return found.file;
  }

  /** Closes the current vault for a restore: like a lock, but no lock screen and no backup of it (it is kept whole). */
  function closeForRestore(): void {
    if (!vault.isUnlocked()) return;
    try {
      signals.holdWhileLocked();
      setSessionMode(false);
    } catch (error) {
      report('restore', error);
    } finally {
      vault.lock();
      autoLock.stop();
    }
  }

  scheduler.start();

  return {
    router: createRouter(handlers),
    vault,
    lockForSystem: () => lock('system'),
    lockNow: () => lock('manual'),
    quickHide,
    inSession: () => sessionActive,
    recomputeSchedule: () => scheduler.recompute(),
    endSessionMode: () => setSessionMode(false),
    close: () => {
      transfer.stop();
      scheduler.stop();
      signals.stop();
      setSessionMode(false);
      autoLock.stop();
      // A quit waits for this backup: it is part of closing, and the window is already gone.
      if (vault.isUnlocked()) autoBackup.closing();
      if (vault.isUnlocked()) vault.lock();
    },
  };
}

import { z } from 'zod';
import { Settings } from '../../../preload/contract/index.ts';

/**
 * Saltwater's own export file, version 1: everything a person wrote and recorded, as plain
 * JSON. The same schema checks what export writes and what import reads, and
 * scripts/export-schema.ts generates resources/export-schema.v1.json from it for anyone
 * else who wants to read the file. Rows carry their vault ids so a file can point from
 * one record to another (an entry to its session); times are milliseconds since
 * 1970-01-01 UTC, as stored. No transforms or defaults, so what is validated is what is
 * written and the JSON Schema says exactly the same.
 *
 * Left out on purpose (see json-export.ts): entries in the bin, the search index (rebuilt
 * from the entries), the key pair for notes written while locked, signals still waiting to
 * be sent, and the words of memories under an extra seal unless their passphrase was given.
 */

export const EXPORT_FORMAT = 'saltwater-export';
export const EXPORT_VERSION = 1;

const Id = z.number().int().positive();
const Time = z.number().int().meta({ description: 'Milliseconds since 1970-01-01 UTC.' });
const Mood = z.number().int().min(1).max(5);
const Tears = z.enum(['none', 'welled', 'tear', 'cried', 'deep']);
const Percent = z.number().int().min(0).max(100);

export const ExportFeeling = z.object({
  word: z.string().min(1).max(60),
  intensity: z.number().int().min(1).max(10),
  bodyLocation: z.string().max(200),
});

export const ExportEntry = z.object({
  id: Id,
  createdAt: Time,
  updatedAt: Time,
  body: z.string(),
  sessionId: Id.nullable().meta({ description: 'The practice session this entry was written about, if any.' }),
  feelings: z.array(ExportFeeling),
  tags: z.array(z.string().min(1).max(60)),
  importedFrom: z
    .array(z.object({ sourceKey: z.string().min(1).max(200), importedAt: Time }))
    .meta({ description: 'Where an entry brought in from another app came from, so importing that file again adds nothing.' }),
});
export type ExportEntry = z.infer<typeof ExportEntry>;

export const ExportEmotionWord = z.object({
  word: z.string().min(1).max(60),
  family: z.string().min(1).max(60),
  createdAt: Time,
  pleasantness: z.number().int().min(-5).max(5).nullable(),
  energy: z.number().int().min(-5).max(5).nullable(),
});

export const ExportCheckIn = z.object({
  id: Id,
  stepIndex: z.number().int(),
  question: z.enum(['distress', 'mood', 'tears']),
  value: z.number().int(),
  at: Time,
});

export const ExportSession = z.object({
  id: Id,
  practiceId: z.string().min(1),
  practiceTitle: z.string(),
  stepCount: z.number().int(),
  startedAt: Time,
  endedAt: Time.nullable(),
  outcome: z.enum(['finished', 'stopped']).nullable(),
  stepReached: z.number().int(),
  readiness: z.number().int().min(1).max(5).nullable(),
  moodBefore: Mood.nullable(),
  moodAfter: Mood.nullable(),
  tears: Tears.nullable(),
  relief: z.number().int().min(0).max(10).nullable(),
  notes: z.string(),
  // Only a "yes" is written, as the vault keeps it: files from before it, and files without it, stay as they were.
  // A false (a file edited by hand, or another tool's) is read as not said, rather than refusing the whole file.
  tooMuch: z
    .boolean()
    .optional()
    .meta({ description: 'true: the person said some of this session felt like too much. Written only when they did; absent (or false) means not said, which is not a "no".' }),
  checkIns: z.array(ExportCheckIn),
});

export const ExportOccurrence = z.object({
  occurrence: z.string().min(1),
  state: z.enum(['fired', 'snoozed', 'skipped', 'missed', 'offered', 'started']),
  snoozedUntil: Time.nullable(),
  at: Time,
});

export const ExportSchedule = z.object({
  id: Id,
  practiceId: z.string().min(1),
  private: z.boolean(),
  notificationText: z.string().min(1).max(120),
  dtstart: z.string().regex(/^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d$/),
  tzid: z.string().nullable(),
  rrule: z.string().regex(/^FREQ=/).nullable(),
  leadMinutes: z.union([z.literal(0), z.literal(5), z.literal(15), z.literal(30)]),
  paused: z.boolean(),
  settledThrough: z.string(),
  createdAt: Time,
  updatedAt: Time,
  occurrences: z.array(ExportOccurrence),
});

export const ExportQuietHours = z.object({
  enabled: z.boolean(),
  start: z.string().regex(/^[0-2]\d:[0-5]\d$/),
  end: z.string().regex(/^[0-2]\d:[0-5]\d$/),
  policy: z.enum(['move', 'skip']),
});

export const ExportTrustedPerson = z.object({
  id: Id,
  name: z.string().min(1).max(60),
  channel: z.enum(['email', 'sms', 'webhook']),
  address: z.string().min(1).max(254).nullable(),
  url: z.string().min(1).max(2048).nullable().meta({ description: 'A webhook address. It may hold a secret token.' }),
  format: z.enum(['text', 'json']).nullable(),
  jsonTemplate: z.string().min(1).max(4000).nullable(),
  headerName: z.string().min(1).max(64).nullable(),
  headerValue: z.string().min(1).max(1024).nullable().meta({ description: 'A webhook header value, often a secret key.' }),
  message: z.string().min(1).max(280),
  followUp: z.string().min(1).max(280),
  createdAt: Time,
  updatedAt: Time,
});

/** A signal that was sent (or tried): the history only; the request itself is never kept. */
export const ExportSignal = z.object({
  id: Id,
  contactId: Id.nullable(),
  contactName: z.string(),
  channel: z.enum(['email', 'sms', 'webhook']),
  which: z.enum(['help', 'ok', 'test']),
  idempotencyKey: z.string().min(16).max(64),
  createdAt: Time,
  state: z.enum(['sent', 'failed', 'expired', 'opened']),
  attempts: z.number().int().nonnegative(),
  settledAt: Time,
  lastError: z.string().max(32).regex(/^[a-z0-9_]*$/).nullable(),
});

export const ExportOpening = z.object({
  id: Id,
  sessionId: Id.nullable(),
  openedAt: Time,
  moodBefore: Mood,
  moodAfter: Mood.nullable(),
  tears: Tears.nullable(),
  outcome: z.enum(['resealed', 'kept-open', 'at-peace', 'stopped']).nullable(),
  endedAt: Time.nullable(),
});

export const ExportMemory = z.object({
  id: Id,
  title: z.string().min(1).max(80),
  intensity: z.number().int().min(1).max(10),
  status: z.enum(['sealed', 'open', 'at-peace']),
  extraSeal: z.boolean().meta({ description: 'The memory had its own passphrase in the vault.' }),
  text: z
    .string()
    .max(4000)
    .nullable()
    .meta({ description: 'The words; null when they are under an extra seal and its passphrase was not given.' }),
  createdAt: Time,
  updatedAt: Time,
  openings: z.array(ExportOpening),
});

export const ExportLadderAttempt = z.object({
  id: Id,
  sessionId: Id.nullable(),
  startedAt: Time,
  endedAt: Time,
  distressBefore: Percent,
  distressPeak: Percent,
  distressAfter: Percent,
  tears: z.number().int().min(0).max(3),
  breathedBefore: z.boolean(),
  breathedAfter: z.boolean(),
});

export const ExportLadderStep = z.object({
  id: Id,
  track: z.enum(['letting-come', 'staying-with']),
  position: z.number().int().nonnegative(),
  text: z.string().min(1).max(200),
  expectedDistress: Percent,
  suggestionKey: z.string().min(1).max(40).nullable(),
  createdAt: Time,
  updatedAt: Time,
  attempts: z.array(ExportLadderAttempt),
});

export const ExportMediaUse = z.object({
  id: Id,
  sessionId: Id.nullable(),
  usedAt: Time,
  moodBefore: Mood.nullable(),
  moodAfter: Mood.nullable(),
  tears: Tears.nullable(),
});

export const ExportMediaItem = z.object({
  id: Id,
  title: z.string().min(1).max(120),
  kind: z.enum(['film', 'song', 'book', 'video', 'other']),
  note: z.string().max(280),
  link: z.string().max(2048).regex(/^https?:\/\/./).nullable(),
  createdAt: Time,
  updatedAt: Time,
  lastOffered: z.boolean(),
  uses: z.array(ExportMediaUse),
});

export const ExportReflection = z.object({
  id: Id,
  answeredAt: Time,
  style: Percent.nullable(),
  note: z.string().max(280),
  barriers: z.array(
    z.enum(['taught-not-to', 'others-think', 'wont-stop', 'numb', 'past-hurt', 'medical', 'no-private-space', 'tears-too-soon']),
  ),
});

export const ExportOwnPractice = z.object({
  practice: z
    .looseObject({ id: z.string().regex(/^own-[a-z0-9-]+$/).max(64), version: z.literal(1), title: z.string().min(1).max(80) })
    .meta({
      description:
        'A practice as preload/contract/practice.ts defines it: the same JSON as a built-in one in resources/practices/ (title, summary, suits, intensity, caution, steps). Import checks it with that schema.',
    }),
  createdAt: Time,
  updatedAt: Time,
});

export const ExportContents = z.enum(['everything', 'journal']);
export type ExportContents = z.infer<typeof ExportContents>;

export const SaltwaterExport = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.iso.datetime({ offset: true }),
    contents: ExportContents.meta({ description: "'journal' files hold only the journal; the other lists are then empty." }),
    entryRange: z.object({ from: Time.nullable(), to: Time.nullable() }).meta({
      description: 'Entries written from `from` (inclusive) until `to` (exclusive); null means no limit.',
    }),
    journal: z.object({ entries: z.array(ExportEntry), customEmotionWords: z.array(ExportEmotionWord) }),
    sessions: z.array(ExportSession),
    schedules: z.array(ExportSchedule),
    quietHours: ExportQuietHours.nullable(),
    trustedPeople: z.array(ExportTrustedPerson),
    signals: z.array(ExportSignal),
    memories: z.array(ExportMemory),
    ladder: z.object({ threshold: z.number().int().min(1).max(100).nullable(), steps: z.array(ExportLadderStep) }),
    media: z.array(ExportMediaItem),
    reflections: z.array(ExportReflection),
    /** Absent in files from before own practices (issue 15). */
    ownPractices: z.array(ExportOwnPractice).optional().meta({ description: 'The practices the person built or imported. Absent in older files.' }),
    settings: Settings.partial(),
  })
  .meta({ title: 'Saltwater export, version 1' });
export type SaltwaterExport = z.infer<typeof SaltwaterExport>;

/** The JSON Schema for version 1 (draft 2020-12), as written to resources/export-schema.v1.json. */
export function exportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SaltwaterExport, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

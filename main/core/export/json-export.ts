import { Settings } from '../../../preload/contract/index.ts';
import type { Db } from '../vault/database.ts';
import type { SessionLabel } from './front-matter.ts';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportContents,
  type ExportEntry,
  type SaltwaterExport,
} from './export-schema.ts';

/**
 * Reads the vault into the export's shape (export-schema.ts). Plain synchronous reads: the
 * caller runs this inside one read transaction so every list is from the same moment.
 *
 * What stays out, and why:
 * - entries in the bin (deleted_at set): the person deleted them; they are purged at the next lock;
 * - the search index: it is rebuilt from the entries;
 * - schedule_settings' key pair: it belongs to this installation (it opens notes the locked
 *   app wrote here) and is a secret; a vault that imports makes its own;
 * - signals still queued or being sent: they hold the request to send, and importing one
 *   must never send a signal again; settled ones keep only their history anyway;
 * - memories' failed passphrase tries: pacing state, not something the person wrote;
 * - the words of a memory under an extra seal, unless its passphrase was given (`unsealed`).
 */

export interface EntryRange {
  /** Inclusive, ms since the epoch. */
  from?: number | null | undefined;
  /** Exclusive, ms since the epoch. */
  to?: number | null | undefined;
}

export interface ReadOptions {
  contents: ExportContents;
  range: EntryRange;
  /** Words of extra-sealed memories, opened with the passphrases the person gave, by memory id. */
  unsealed: ReadonlyMap<number, string>;
  exportedAt: Date;
}

export function readExport(db: Db, o: ReadOptions): SaltwaterExport {
  const everything = o.contents === 'everything';
  const from = o.range.from ?? null;
  const to = o.range.to ?? null;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: o.exportedAt.toISOString(),
    contents: o.contents,
    entryRange: { from, to },
    journal: { entries: readEntries(db, from, to), customEmotionWords: readEmotionWords(db) },
    sessions: everything ? readSessions(db) : [],
    schedules: everything ? readSchedules(db) : [],
    quietHours: everything ? readQuietHours(db) : null,
    trustedPeople: everything ? readTrustedPeople(db) : [],
    signals: everything ? readSignals(db) : [],
    memories: everything ? readMemories(db, o.unsealed) : [],
    ladder: everything ? readLadder(db) : { threshold: null, steps: [] },
    media: everything ? readMedia(db) : [],
    reflections: everything ? readReflections(db) : [],
    ownPractices: everything ? readOwnPractices(db) : [],
    settings: everything ? readSettings(db) : {},
  };
}

/** Children grouped by their parent's id, in the order the query gave them. */
function groupBy<T extends { parent: number }>(rows: T[]): Map<number, Omit<T, 'parent'>[]> {
  const groups = new Map<number, Omit<T, 'parent'>[]>();
  for (const { parent, ...rest } of rows) {
    const list = groups.get(parent);
    if (list) list.push(rest);
    else groups.set(parent, [rest]);
  }
  return groups;
}

const bool = (v: number): boolean => v === 1;

export function readEntries(db: Db, from: number | null, to: number | null): ExportEntry[] {
  const live = `deleted_at IS NULL AND (? IS NULL OR created_at >= ?) AND (? IS NULL OR created_at < ?)`;
  const args = [from, from, to, to];
  const entries = db
    .prepare(
      `SELECT id, created_at AS createdAt, updated_at AS updatedAt, body, session_id AS sessionId FROM entries WHERE ${live} ORDER BY id`,
    )
    .all(...args) as Omit<ExportEntry, 'feelings' | 'tags' | 'importedFrom'>[];
  const feelings = groupBy(
    db
      .prepare(
        `SELECT entry_id AS parent, word, intensity, body_location AS bodyLocation FROM entry_emotions
         WHERE entry_id IN (SELECT id FROM entries WHERE ${live}) ORDER BY entry_id, position`,
      )
      .all(...args) as { parent: number; word: string; intensity: number; bodyLocation: string }[],
  );
  // Tag order is insertion order (rowid), as the journal shows them.
  const tags = groupBy(
    db
      .prepare(`SELECT entry_id AS parent, tag FROM entry_tags WHERE entry_id IN (SELECT id FROM entries WHERE ${live}) ORDER BY rowid`)
      .all(...args) as { parent: number; tag: string }[],
  );
  const imports = groupBy(
    db
      .prepare(
        `SELECT entry_id AS parent, source_key AS sourceKey, imported_at AS importedAt FROM imported_entries
         WHERE entry_id IN (SELECT id FROM entries WHERE ${live}) ORDER BY entry_id, source_key`,
      )
      .all(...args) as { parent: number; sourceKey: string; importedAt: number }[],
  );
  return entries.map((e) => ({
    ...e,
    feelings: feelings.get(e.id) ?? [],
    tags: (tags.get(e.id) ?? []).map((t) => t.tag),
    importedFrom: imports.get(e.id) ?? [],
  }));
}

function readEmotionWords(db: Db): SaltwaterExport['journal']['customEmotionWords'] {
  return db
    .prepare(`SELECT word, family, created_at AS createdAt, pleasantness, energy FROM custom_emotion_words ORDER BY created_at, word`)
    .all() as SaltwaterExport['journal']['customEmotionWords'];
}

function readSessions(db: Db): SaltwaterExport['sessions'] {
  const checkIns = groupBy(
    db
      .prepare(`SELECT session_id AS parent, id, step_index AS stepIndex, question, value, at FROM session_check_ins ORDER BY id`)
      .all() as ({ parent: number } & SaltwaterExport['sessions'][number]['checkIns'][number])[],
  );
  const sessions = db
    .prepare(
      `SELECT id, practice_id AS practiceId, practice_title AS practiceTitle, step_count AS stepCount, started_at AS startedAt,
         ended_at AS endedAt, outcome, step_reached AS stepReached, readiness, mood_before AS moodBefore, mood_after AS moodAfter,
         tears, relief, notes, too_much AS tooMuch FROM sessions ORDER BY id`,
    )
    .all() as (Omit<SaltwaterExport['sessions'][number], 'checkIns' | 'tooMuch'> & { tooMuch: 1 | null })[];
  // too_much is 1 or NULL: written as `"tooMuch": true`, or not at all.
  return sessions.map(({ tooMuch, ...s }) => ({ ...s, ...(tooMuch === 1 ? { tooMuch: true as const } : {}), checkIns: checkIns.get(s.id) ?? [] }));
}

function readSchedules(db: Db): SaltwaterExport['schedules'] {
  const occurrences = groupBy(
    db
      .prepare(
        `SELECT schedule_id AS parent, occurrence, state, snoozed_until AS snoozedUntil, at FROM schedule_occurrences
         ORDER BY schedule_id, occurrence`,
      )
      .all() as ({ parent: number } & SaltwaterExport['schedules'][number]['occurrences'][number])[],
  );
  const rows = db
    .prepare(
      `SELECT id, practice_id AS practiceId, private, notification_text AS notificationText, dtstart, tzid, rrule,
         lead_minutes AS leadMinutes, paused, settled_through AS settledThrough, created_at AS createdAt, updated_at AS updatedAt
       FROM schedules ORDER BY id`,
    )
    .all() as (Omit<SaltwaterExport['schedules'][number], 'private' | 'paused' | 'occurrences'> & { private: number; paused: number })[];
  return rows.map((s) => ({
    ...s,
    private: bool(s.private),
    paused: bool(s.paused),
    occurrences: occurrences.get(s.id) ?? [],
  }));
}

function readQuietHours(db: Db): SaltwaterExport['quietHours'] {
  const row = db
    .prepare(`SELECT quiet_enabled AS enabled, quiet_start AS start, quiet_end AS "end", quiet_policy AS policy FROM schedule_settings WHERE id = 1`)
    .get() as (Omit<NonNullable<SaltwaterExport['quietHours']>, 'enabled'> & { enabled: number }) | undefined;
  return row ? { ...row, enabled: bool(row.enabled) } : null;
}

function readTrustedPeople(db: Db): SaltwaterExport['trustedPeople'] {
  return db
    .prepare(
      `SELECT id, name, channel, address, url, format, json_template AS jsonTemplate, header_name AS headerName,
         header_value AS headerValue, message, follow_up AS followUp, created_at AS createdAt, updated_at AS updatedAt
       FROM signal_contacts ORDER BY id`,
    )
    .all() as SaltwaterExport['trustedPeople'];
}

function readSignals(db: Db): SaltwaterExport['signals'] {
  return db
    .prepare(
      `SELECT id, contact_id AS contactId, contact_name AS contactName, channel, which, idempotency_key AS idempotencyKey,
         created_at AS createdAt, state, attempts, settled_at AS settledAt, last_error AS lastError
       FROM signals WHERE state NOT IN ('queued', 'sending') ORDER BY id`,
    )
    .all() as SaltwaterExport['signals'];
}

function readMemories(db: Db, unsealed: ReadonlyMap<number, string>): SaltwaterExport['memories'] {
  const openings = groupBy(
    db
      .prepare(
        `SELECT memory_id AS parent, id, session_id AS sessionId, opened_at AS openedAt, mood_before AS moodBefore,
           mood_after AS moodAfter, tears, outcome, ended_at AS endedAt FROM memory_openings ORDER BY id`,
      )
      .all() as ({ parent: number } & SaltwaterExport['memories'][number]['openings'][number])[],
  );
  // The sealed bytes are never read here: a plain file must not carry them either, as
  // outside the vault they would be open to guessing the passphrase without any pacing.
  const rows = db
    .prepare(
      `SELECT id, title, intensity, status, seal_data IS NOT NULL AS extraSeal, text, created_at AS createdAt, updated_at AS updatedAt
       FROM memories ORDER BY id`,
    )
    .all() as (Omit<SaltwaterExport['memories'][number], 'extraSeal' | 'openings'> & { extraSeal: number })[];
  return rows.map((m) => ({
    id: m.id,
    title: m.title,
    intensity: m.intensity,
    status: m.status,
    extraSeal: bool(m.extraSeal),
    text: m.extraSeal ? (unsealed.get(m.id) ?? null) : m.text,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    openings: openings.get(m.id) ?? [],
  }));
}

function readLadder(db: Db): SaltwaterExport['ladder'] {
  type Attempt = SaltwaterExport['ladder']['steps'][number]['attempts'][number];
  const attempts = groupBy(
    (
      db
        .prepare(
          `SELECT step_id AS parent, id, session_id AS sessionId, started_at AS startedAt, ended_at AS endedAt,
             distress_before AS distressBefore, distress_peak AS distressPeak, distress_after AS distressAfter, tears,
             breathed_before AS breathedBefore, breathed_after AS breathedAfter FROM ladder_attempts ORDER BY id`,
        )
        .all() as ({ parent: number; breathedBefore: number; breathedAfter: number } & Omit<Attempt, 'breathedBefore' | 'breathedAfter'>)[]
    ).map((a) => ({ ...a, breathedBefore: bool(a.breathedBefore), breathedAfter: bool(a.breathedAfter) })),
  );
  const steps = db
    .prepare(
      `SELECT id, track, position, text, expected_distress AS expectedDistress, suggestion_key AS suggestionKey,
         created_at AS createdAt, updated_at AS updatedAt FROM ladder_steps ORDER BY id`,
    )
    .all() as Omit<SaltwaterExport['ladder']['steps'][number], 'attempts'>[];
  const threshold = db.prepare(`SELECT threshold FROM ladder_settings WHERE id = 1`).pluck().get() as number | undefined;
  return { threshold: threshold ?? null, steps: steps.map((s) => ({ ...s, attempts: attempts.get(s.id) ?? [] })) };
}

function readMedia(db: Db): SaltwaterExport['media'] {
  const uses = groupBy(
    db
      .prepare(
        `SELECT media_id AS parent, id, session_id AS sessionId, used_at AS usedAt, mood_before AS moodBefore,
           mood_after AS moodAfter, tears FROM media_uses ORDER BY id`,
      )
      .all() as ({ parent: number } & SaltwaterExport['media'][number]['uses'][number])[],
  );
  const items = db
    .prepare(
      `SELECT id, title, kind, note, link, created_at AS createdAt, updated_at AS updatedAt, last_offered AS lastOffered
       FROM media_items ORDER BY id`,
    )
    .all() as (Omit<SaltwaterExport['media'][number], 'lastOffered' | 'uses'> & { lastOffered: number })[];
  return items.map((m) => ({ ...m, lastOffered: bool(m.lastOffered), uses: uses.get(m.id) ?? [] }));
}

function readReflections(db: Db): SaltwaterExport['reflections'] {
  const barriers = groupBy(
    db
      .prepare(`SELECT reflection_id AS parent, barrier FROM self_reflection_barriers ORDER BY reflection_id, barrier`)
      .all() as { parent: number; barrier: SaltwaterExport['reflections'][number]['barriers'][number] }[],
  );
  const rows = db
    .prepare(`SELECT id, answered_at AS answeredAt, style, note FROM self_reflections ORDER BY id`)
    .all() as Omit<SaltwaterExport['reflections'][number], 'barriers'>[];
  return rows.map((r) => ({ ...r, barriers: (barriers.get(r.id) ?? []).map((b) => b.barrier) }));
}

/** The person's own practices (not those removed, which wait only for an Undo), as stored: each passed the practice schema. */
function readOwnPractices(db: Db): NonNullable<SaltwaterExport['ownPractices']> {
  const rows = db
    .prepare(`SELECT practice, created_at AS createdAt, updated_at AS updatedAt FROM own_practices WHERE removed_at IS NULL ORDER BY created_at, rowid`)
    .all() as { practice: string; createdAt: number; updatedAt: number }[];
  return rows.map((r) => ({ practice: JSON.parse(r.practice) as NonNullable<SaltwaterExport['ownPractices']>[number]['practice'], createdAt: r.createdAt, updatedAt: r.updatedAt }));
}

/**
 * Only settings that are in effect: a key this version does not know, or a value it would
 * not accept, reads as its default in the app, so it is left out here too.
 */
function readSettings(db: Db): SaltwaterExport['settings'] {
  const shape = Settings.partial().shape;
  const out: Record<string, unknown> = {};
  for (const { key, value } of db.prepare(`SELECT key, value FROM settings ORDER BY key`).all() as { key: string; value: string }[]) {
    if (!Object.hasOwn(shape, key)) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      continue;
    }
    const checked = shape[key as keyof typeof shape].safeParse(parsed);
    if (checked.success && checked.data !== undefined) out[key] = checked.data;
  }
  return out as SaltwaterExport['settings'];
}

/** What each entry's Markdown front matter says about its session, for every session an entry links to. */
export function readSessionLabels(db: Db): Map<number, SessionLabel> {
  const rows = db
    .prepare(
      `SELECT id, practice_title AS practice, started_at AS startedAt FROM sessions
       WHERE id IN (SELECT session_id FROM entries WHERE deleted_at IS NULL)`,
    )
    .all() as SessionLabel[];
  return new Map(rows.map((r) => [r.id, r]));
}

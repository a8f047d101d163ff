import { z } from 'zod';
import { AppError, OWN_PRACTICES_MAX, Practice } from '../../../preload/contract/index.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, SaltwaterExport } from '../export/export-schema.ts';
import type { Db } from '../vault/database.ts';
import { statement } from '../vault/statements.ts';

/**
 * Import of Saltwater's own JSON export (export-schema.ts): checked whole before anything
 * is written, then written in one transaction, so a bad file or a failure half-way changes
 * nothing.
 *
 * Already there? Ids are not trusted across vaults (every vault has an entry 1), so a
 * record counts as already present when the vault holds one with the same natural key:
 * the time it was made plus what it is (below, per kind). Such a record and everything
 * under it (an entry's feelings, a session's check-ins …) is skipped; records that point
 * to it (an entry to its session) point to the one already there. Importing the same file
 * twice therefore adds nothing the second time, and importing a file made by another
 * vault never mistakes its entry 1 for this vault's.
 *
 * New records keep their id from the file when it is free here, so a fresh, empty vault
 * ends up with exactly the rows of the one that exported; otherwise they get a new id and
 * the records pointing to them follow. The search index follows the entries through the
 * triggers of migration 001, so it is rebuilt as they are written.
 *
 * Settings, quiet hours and the ladder's threshold come from the file only where this
 * vault still has its defaults: an import never overrides a choice made here.
 */

export const importKinds = [
  'entries',
  'customEmotionWords',
  'sessions',
  'schedules',
  'trustedPeople',
  'signals',
  'memories',
  'ladderSteps',
  'media',
  'reflections',
  'ownPractices',
  'settings',
] as const;
export type ImportKind = (typeof importKinds)[number];

export interface ImportSummary {
  /** Per kind of record: how many are (or would be) added, and how many were already here. */
  counts: Record<ImportKind, { added: number; skipped: number }>;
  /** Plain sentences about anything that did not come in as it was. */
  notes: string[];
  /** When the first and last of the entries added (not those already here) were written; null when none are. */
  addedEntries: { firstAt: number | null; lastAt: number | null };
}

/** Reads and checks an export file's text; throws AppError('INVALID_INPUT') saying what is wrong. */
export function parseSaltwaterExport(text: string | Uint8Array): SaltwaterExport {
  const source = (typeof text === 'string' ? text : Buffer.from(text).toString('utf8')).replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch {
    throw badFile('It is not readable as JSON; it may have been cut short or changed by another program.');
  }
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(json);
  if (!head.success || head.data.format !== EXPORT_FORMAT) throw badFile('It is not a Saltwater export file.');
  if (head.data.version > EXPORT_VERSION) {
    throw badFile(`It was made by a newer Saltwater (export version ${head.data.version}). Update Saltwater, then import it again.`);
  }
  const parsed = SaltwaterExport.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${pathText(issue.path)}` : '';
    throw badFile(`Something in it is not as Saltwater writes it${where}: ${issue?.message ?? 'unknown problem'}.`);
  }
  return parsed.data;
}

/** What importing would add and skip, without changing anything (the import runs and is rolled back). */
export function previewSaltwaterJson(db: Db, text: string | Uint8Array): ImportSummary {
  const doc = parseSaltwaterExport(text);
  try {
    db.transaction(() => {
      throw new DryRun(writeImport(db, doc));
    }).immediate();
  } catch (error) {
    if (error instanceof DryRun) return error.summary;
    throw asImportError(error);
  }
  throw new Error('unreachable: a dry run always rolls back');
}

/** Imports the file in one transaction; returns what was added and skipped. */
export function importSaltwaterJson(db: Db, text: string | Uint8Array): ImportSummary {
  const doc = parseSaltwaterExport(text);
  try {
    return db.transaction(() => writeImport(db, doc)).immediate();
  } catch (error) {
    throw asImportError(error);
  }
}

// ---- errors -------------------------------------------------------------------------

class DryRun extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

function badFile(reason: string): AppError {
  return new AppError('INVALID_INPUT', `This file could not be imported, and nothing was changed. ${reason}`);
}

/** journal.entries[3].feelings[0].intensity */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** A row the database refuses (a check the schema cannot express) means the file is wrong, not the vault. */
function asImportError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return badFile(`Some of its records do not fit together (${(error as Error).message}).`);
  }
  return error;
}

// ---- writing ------------------------------------------------------------------------

type Row = Record<string, unknown>;

function emptyCounts(): ImportSummary['counts'] {
  return Object.fromEntries(importKinds.map((k) => [k, { added: 0, skipped: 0 }])) as ImportSummary['counts'];
}

/** Inserts one row; returns its id. `id` null lets SQLite choose. */
function insert(db: Db, table: string, row: Row, orIgnore = false): { id: number; added: boolean } {
  const columns = Object.keys(row);
  const result = statement(
    db,
    `INSERT ${orIgnore ? 'OR IGNORE ' : ''}INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  ).run(...Object.values(row));
  return { id: Number(result.lastInsertRowid), added: result.changes === 1 };
}

/** The file's id when no row here has it, else null (a new one is chosen). */
function freeId(db: Db, table: string, id: number): number | null {
  return statement(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) ? null : id;
}

const existingId = (db: Db, sql: string, ...args: unknown[]): number | undefined => statement(db, sql).pluck().get(...args) as number | undefined;

const flag = (b: boolean): number => (b ? 1 : 0);

function writeImport(db: Db, doc: SaltwaterExport): ImportSummary {
  const counts = emptyCounts();
  const notes: string[] = [];
  const count = (kind: ImportKind, added: boolean) => counts[kind][added ? 'added' : 'skipped']++;
  const addedEntries: ImportSummary['addedEntries'] = { firstAt: null, lastAt: null };
  // The file's ids → this vault's, for records other records point to.
  const sessionIds = new Map<number, number>();
  const contactIds = new Map<number, number>();
  const session = (id: number | null) => (id === null ? null : (sessionIds.get(id) ?? null));

  // Custom feeling words: the word itself is the key (the vault compares it without case).
  for (const w of doc.journal.customEmotionWords) {
    const here = existingId(db, 'SELECT 1 FROM custom_emotion_words WHERE word = ?', w.word);
    if (!here) insert(db, 'custom_emotion_words', { word: w.word, family: w.family, created_at: w.createdAt, pleasantness: w.pleasantness, energy: w.energy });
    count('customEmotionWords', !here);
  }

  // Sessions: when it started and which practice.
  for (const s of doc.sessions) {
    const here = existingId(db, 'SELECT id FROM sessions WHERE started_at = ? AND practice_id = ? ORDER BY id LIMIT 1', s.startedAt, s.practiceId);
    count('sessions', here === undefined);
    if (here !== undefined) {
      sessionIds.set(s.id, here);
      continue;
    }
    const { id } = insert(db, 'sessions', {
      id: freeId(db, 'sessions', s.id),
      practice_id: s.practiceId,
      practice_title: s.practiceTitle,
      step_count: s.stepCount,
      started_at: s.startedAt,
      ended_at: s.endedAt,
      outcome: s.outcome,
      step_reached: s.stepReached,
      readiness: s.readiness,
      mood_before: s.moodBefore,
      mood_after: s.moodAfter,
      tears: s.tears,
      relief: s.relief,
      notes: s.notes,
      too_much: s.tooMuch ? 1 : null,
    });
    sessionIds.set(s.id, id);
    for (const c of s.checkIns) {
      insert(db, 'session_check_ins', {
        id: freeId(db, 'session_check_ins', c.id),
        session_id: id,
        step_index: c.stepIndex,
        question: c.question,
        value: c.value,
        at: c.at,
      });
    }
  }

  // Entries: the time it was written, and the same id or the same words (an entry edited
  // since the export, imported back into its own vault, is still recognised by its id).
  for (const e of doc.journal.entries) {
    const here = existingId(
      db,
      'SELECT id FROM entries WHERE created_at = ? AND deleted_at IS NULL AND (id = ? OR body = ?) LIMIT 1',
      e.createdAt,
      e.id,
      e.body,
    );
    count('entries', here === undefined);
    if (here !== undefined) continue;
    if (addedEntries.firstAt === null || e.createdAt < addedEntries.firstAt) addedEntries.firstAt = e.createdAt;
    if (addedEntries.lastAt === null || e.createdAt > addedEntries.lastAt) addedEntries.lastAt = e.createdAt;
    const { id } = insert(db, 'entries', {
      id: freeId(db, 'entries', e.id),
      created_at: e.createdAt,
      updated_at: e.updatedAt,
      body: e.body,
      session_id: session(e.sessionId),
    });
    // Stored as the journal stores them: feelings and tags in lower case, in the file's order.
    e.feelings.forEach((f, position) =>
      insert(db, 'entry_emotions', { entry_id: id, position, word: f.word.toLowerCase(), intensity: f.intensity, body_location: f.bodyLocation }, true),
    );
    for (const tag of e.tags) insert(db, 'entry_tags', { entry_id: id, tag: tag.trim().toLowerCase() }, true);
    // OR IGNORE: an entry this vault already brought in from that other app keeps its record.
    for (const i of e.importedFrom) insert(db, 'imported_entries', { source_key: i.sourceKey, entry_id: id, imported_at: i.importedAt }, true);
  }

  // Schedules: when made, for which practice, from which start.
  for (const s of doc.schedules) {
    const here = existingId(db, 'SELECT id FROM schedules WHERE created_at = ? AND practice_id = ? AND dtstart = ?', s.createdAt, s.practiceId, s.dtstart);
    count('schedules', here === undefined);
    if (here !== undefined) continue;
    const { id } = insert(db, 'schedules', {
      id: freeId(db, 'schedules', s.id),
      practice_id: s.practiceId,
      private: flag(s.private),
      notification_text: s.notificationText,
      dtstart: s.dtstart,
      tzid: s.tzid,
      rrule: s.rrule,
      lead_minutes: s.leadMinutes,
      paused: flag(s.paused),
      settled_through: s.settledThrough,
      created_at: s.createdAt,
      updated_at: s.updatedAt,
    });
    // OR IGNORE: only one reminder may be on offer at a time in a vault.
    for (const o of s.occurrences) {
      insert(db, 'schedule_occurrences', { schedule_id: id, occurrence: o.occurrence, state: o.state, snoozed_until: o.snoozedUntil, at: o.at }, true);
    }
  }

  // Trusted people: when added, and their name.
  for (const p of doc.trustedPeople) {
    const here = existingId(db, 'SELECT id FROM signal_contacts WHERE created_at = ? AND name = ?', p.createdAt, p.name);
    count('trustedPeople', here === undefined);
    const id =
      here ??
      insert(db, 'signal_contacts', {
        id: freeId(db, 'signal_contacts', p.id),
        name: p.name,
        channel: p.channel,
        address: p.address,
        url: p.url,
        format: p.format,
        json_template: p.jsonTemplate,
        header_name: p.headerName,
        header_value: p.headerValue,
        message: p.message,
        follow_up: p.followUp,
        created_at: p.createdAt,
        updated_at: p.updatedAt,
      }).id;
    contactIds.set(p.id, id);
  }

  // Signal history: each signal's random idempotency key is unique to it.
  for (const s of doc.signals) {
    const here = existingId(db, 'SELECT id FROM signals WHERE idempotency_key = ?', s.idempotencyKey);
    count('signals', here === undefined);
    if (here !== undefined) continue;
    insert(db, 'signals', {
      id: freeId(db, 'signals', s.id),
      contact_id: s.contactId === null ? null : (contactIds.get(s.contactId) ?? null),
      contact_name: s.contactName,
      channel: s.channel,
      which: s.which,
      idempotency_key: s.idempotencyKey,
      created_at: s.createdAt,
      state: s.state,
      attempts: s.attempts,
      settled_at: s.settledAt,
      last_error: s.lastError,
    });
  }

  // Memories: when put away, and the title.
  let sealedLeftOut = 0;
  let sealRemoved = 0;
  for (const m of doc.memories) {
    const here = existingId(db, 'SELECT id FROM memories WHERE created_at = ? AND title = ?', m.createdAt, m.title);
    if (here === undefined && m.text === null) {
      // Its words are not in the file, and a memory cannot be kept without words.
      sealedLeftOut++;
      count('memories', false);
      continue;
    }
    count('memories', here === undefined);
    if (here !== undefined || m.text === null) continue;
    if (m.extraSeal) sealRemoved++;
    const { id } = insert(db, 'memories', {
      id: freeId(db, 'memories', m.id),
      title: m.title,
      intensity: m.intensity,
      status: m.status,
      text: m.text,
      created_at: m.createdAt,
      updated_at: m.updatedAt,
    });
    // OR IGNORE: only one opening may be unfinished at a time in a vault.
    for (const o of m.openings) {
      insert(
        db,
        'memory_openings',
        {
          id: freeId(db, 'memory_openings', o.id),
          memory_id: id,
          session_id: session(o.sessionId),
          opened_at: o.openedAt,
          mood_before: o.moodBefore,
          mood_after: o.moodAfter,
          tears: o.tears,
          outcome: o.outcome,
          ended_at: o.endedAt,
        },
        true,
      );
    }
  }
  if (sealedLeftOut > 0) {
    notes.push(
      sealedLeftOut === 1
        ? 'One memory was exported without its words (they were under an extra seal), so it was not imported.'
        : `${sealedLeftOut} memories were exported without their words (they were under an extra seal), so they were not imported.`,
    );
  }
  if (sealRemoved > 0) {
    notes.push(
      sealRemoved === 1
        ? 'One memory had an extra seal; it came in without it. You can seal it again in the memory box.'
        : `${sealRemoved} memories had an extra seal; they came in without it. You can seal them again in the memory box.`,
    );
  }

  // Ladder steps: when made, on which track, with which words; a suggested step is the
  // same step when its suggestion is already on that track.
  for (const s of doc.ladder.steps) {
    const here =
      existingId(db, 'SELECT id FROM ladder_steps WHERE created_at = ? AND track = ? AND text = ?', s.createdAt, s.track, s.text) ??
      (s.suggestionKey === null ? undefined : existingId(db, 'SELECT id FROM ladder_steps WHERE track = ? AND suggestion_key = ?', s.track, s.suggestionKey));
    count('ladderSteps', here === undefined);
    if (here !== undefined) continue;
    // Its place on the track, or after the last step when that place is taken here.
    const taken = existingId(db, 'SELECT 1 FROM ladder_steps WHERE track = ? AND position = ?', s.track, s.position);
    const position = taken
      ? (statement(db, 'SELECT coalesce(max(position), -1) + 1 FROM ladder_steps WHERE track = ?').pluck().get(s.track) as number)
      : s.position;
    const { id } = insert(db, 'ladder_steps', {
      id: freeId(db, 'ladder_steps', s.id),
      track: s.track,
      position,
      text: s.text,
      expected_distress: s.expectedDistress,
      suggestion_key: s.suggestionKey,
      created_at: s.createdAt,
      updated_at: s.updatedAt,
    });
    for (const a of s.attempts) {
      insert(db, 'ladder_attempts', {
        id: freeId(db, 'ladder_attempts', a.id),
        step_id: id,
        session_id: session(a.sessionId),
        started_at: a.startedAt,
        ended_at: a.endedAt,
        distress_before: a.distressBefore,
        distress_peak: a.distressPeak,
        distress_after: a.distressAfter,
        tears: a.tears,
        breathed_before: flag(a.breathedBefore),
        breathed_after: flag(a.breathedAfter),
      });
    }
  }

  // Moving media: when added, and the title.
  for (const m of doc.media) {
    const here = existingId(db, 'SELECT id FROM media_items WHERE created_at = ? AND title = ?', m.createdAt, m.title);
    count('media', here === undefined);
    if (here !== undefined) continue;
    // Only one item can be "offered last"; this vault's own stays so.
    const offered = m.lastOffered && !existingId(db, 'SELECT 1 FROM media_items WHERE last_offered = 1');
    const { id } = insert(db, 'media_items', {
      id: freeId(db, 'media_items', m.id),
      title: m.title,
      kind: m.kind,
      note: m.note,
      link: m.link,
      created_at: m.createdAt,
      updated_at: m.updatedAt,
      last_offered: flag(offered),
    });
    for (const u of m.uses) {
      insert(
        db,
        'media_uses',
        {
          id: freeId(db, 'media_uses', u.id),
          media_id: id,
          session_id: session(u.sessionId),
          used_at: u.usedAt,
          mood_before: u.moodBefore,
          mood_after: u.moodAfter,
          tears: u.tears,
        },
        true,
      );
    }
  }

  // Self-reflections: when answered, and the note.
  for (const r of doc.reflections) {
    const here = existingId(db, 'SELECT id FROM self_reflections WHERE answered_at = ? AND note = ?', r.answeredAt, r.note);
    count('reflections', here === undefined);
    if (here !== undefined) continue;
    const { id } = insert(db, 'self_reflections', { id: freeId(db, 'self_reflections', r.id), answered_at: r.answeredAt, style: r.style, note: r.note });
    for (const barrier of r.barriers) insert(db, 'self_reflection_barriers', { reflection_id: id, barrier }, true);
  }

  // The person's own practices: by id (a random one, the same in every vault the practice came to,
  // so sessions and reminders that name it find it). Each must pass the practice schema as saved here.
  let ownOverLimit = 0;
  for (const [i, own] of (doc.ownPractices ?? []).entries()) {
    const checked = Practice.safeParse(own.practice);
    if (!checked.success) throw badFile(`Something in it is not as Saltwater writes it at ownPractices[${i}].practice: ${checked.error.issues[0]?.message ?? 'unknown problem'}.`);
    const here = existingId(db, 'SELECT 1 FROM own_practices WHERE id = ? AND removed_at IS NULL', checked.data.id);
    if (here !== undefined) {
      count('ownPractices', false);
      continue;
    }
    const practice = JSON.stringify(checked.data);
    // Removed here but not yet gone for good (that happens at the lock): the file's copy brings it back.
    const restored = statement(db, 'UPDATE own_practices SET practice = ?, updated_at = ?, removed_at = NULL WHERE id = ? AND removed_at IS NOT NULL').run(
      practice,
      own.updatedAt,
      checked.data.id,
    ).changes;
    const kept = statement(db, 'SELECT count(*) FROM own_practices WHERE removed_at IS NULL').pluck().get() as number;
    const added = restored > 0 || kept < OWN_PRACTICES_MAX;
    count('ownPractices', added);
    if (!added) ownOverLimit++;
    if (restored > 0 || !added) continue;
    insert(db, 'own_practices', { id: checked.data.id, practice, created_at: own.createdAt, updated_at: own.updatedAt });
  }
  if (ownOverLimit > 0) {
    notes.push(
      `${ownOverLimit === 1 ? 'One practice of your own was' : `${ownOverLimit} practices of your own were`} not brought in: Saltwater keeps up to ${OWN_PRACTICES_MAX}. Remove some you no longer use and import the file again; nothing else is brought in twice.`,
    );
  }

  writeSettings(db, doc, (added) => count('settings', added));
  return { counts, notes, addedEntries };
}

const defaultQuietHours = { enabled: 0, start: '22:00', end: '08:00', policy: 'move' };
const defaultLadderThreshold = 50;

/** Settings, quiet hours and the ladder threshold, each only where this vault still has its default. */
function writeSettings(db: Db, doc: SaltwaterExport, count: (added: boolean) => void): void {
  for (const [key, value] of Object.entries(doc.settings)) {
    if (value === undefined) continue;
    const here = existingId(db, 'SELECT 1 FROM settings WHERE key = ?', key);
    if (!here) insert(db, 'settings', { key, value: JSON.stringify(value) });
    count(!here);
  }

  if (doc.quietHours) {
    const q = doc.quietHours;
    const row = statement(db, 'SELECT quiet_enabled AS enabled, quiet_start AS start, quiet_end AS "end", quiet_policy AS policy FROM schedule_settings WHERE id = 1').get() as
      | typeof defaultQuietHours
      | undefined;
    const wanted = { enabled: flag(q.enabled), start: q.start, end: q.end, policy: q.policy };
    const isDefault = !row || sameValues(row, defaultQuietHours);
    const change = isDefault && !sameValues(wanted, defaultQuietHours);
    if (change) {
      statement(
        db,
        `INSERT INTO schedule_settings (id, quiet_enabled, quiet_start, quiet_end, quiet_policy) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET quiet_enabled = excluded.quiet_enabled, quiet_start = excluded.quiet_start,
           quiet_end = excluded.quiet_end, quiet_policy = excluded.quiet_policy`,
      ).run(wanted.enabled, wanted.start, wanted.end, wanted.policy);
    }
    count(change);
  }

  const threshold = doc.ladder.threshold;
  if (threshold !== null) {
    const current = statement(db, 'SELECT threshold FROM ladder_settings WHERE id = 1').pluck().get() as number | undefined;
    const change = (current === undefined || current === defaultLadderThreshold) && threshold !== defaultLadderThreshold;
    if (change) {
      statement(db, 'INSERT INTO ladder_settings (id, threshold) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET threshold = excluded.threshold').run(threshold);
    }
    count(change);
  }
}

function sameValues(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return Object.keys(b).every((k) => a[k] === b[k]);
}

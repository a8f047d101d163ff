import { z } from 'zod';
import { checked, multiLine, oneLine } from './text.ts';
import { maxLinkLength, webLinkProblem } from './links.ts';
import { TearOutcome } from './sessions.ts';
import { Mood, SessionId, timestamp } from './common.ts';

/**
 * Moving media: films, songs, books and videos that once moved the person, offered as
 * "boost the signal" material. The shapes and checks main and the renderer share.
 */

export const mediaLimits = {
  items: 200,
  /** Characters (Unicode code points), the same way SQLite's length() counts them. */
  title: 120,
  note: 280,
  link: maxLinkLength,
} as const;

export const MEDIA_KINDS = ['film', 'song', 'book', 'video', 'other'] as const;
export const MediaKind = z.enum(MEDIA_KINDS, { error: 'Please choose what it is: a film, a song, a book, a video or something else.' });
export type MediaKind = z.output<typeof MediaKind>;

/** How each kind reads in the app. */
export const MEDIA_KIND_LABELS: Readonly<Record<MediaKind, string>> = {
  film: 'A film',
  song: 'A song',
  book: 'A book',
  video: 'A video',
  other: 'Something else',
};

/**
 * Why this link cannot be kept, in plain words; undefined when it is fine. Only web links
 * (https:// or http://, any site) pass, with no name or password in them: the OS hands
 * them to the browser, so anything else (javascript:, file:, data:, an app's own scheme)
 * could run or open something on this computer. The shared web-link rule, plus room for
 * the form it is kept in (see normaliseLink).
 */
export function linkProblem(raw: string): string | undefined {
  const problem = webLinkProblem(raw);
  if (problem !== undefined) return problem;
  if (normaliseLink(raw).length > mediaLimits.link) return `That web address is too long (at most ${mediaLimits.link} characters).`;
  return undefined;
}

/**
 * The form a link is kept and opened in: the parser's own spelling (lower-case scheme and
 * server, odd characters escaped), so what is opened is exactly what was checked.
 * Call only with a link webLinkProblem() found nothing wrong with (it parses).
 */
export function normaliseLink(raw: string): string {
  return new URL(raw).href;
}

const Title = oneLine({
  notText: 'Please give it a title.',
  missing: 'Please give it a title.',
  max: mediaLimits.title,
  tooLong: `A title has at most ${mediaLimits.title} characters.`,
  control: 'A title cannot contain line breaks or control characters.',
});

const Note = multiLine({
  notText: 'The note should be text.',
  max: mediaLimits.note,
  tooLong: `Keep the note to ${mediaLimits.note} characters.`,
  control: 'The note contains a character that cannot be kept.',
});

/** An empty field means "no link"; anything else must be a web link, kept in its normal form. */
const Link = z
  .string({ error: 'The link should be a web address.' })
  .transform((s) => s.trim())
  .pipe(checked((value) => (value === '' ? undefined : linkProblem(value))))
  .transform((value) => (value === '' ? null : normaliseLink(value)));

/** What the person fills in. Note and link may be left out. */
export const MediaInput = z.object({
  title: Title,
  kind: MediaKind,
  note: Note.default(''),
  link: Link.nullable()
    .optional()
    .transform((value) => value ?? null),
});
export type MediaInput = z.input<typeof MediaInput>;
export type MediaFields = z.output<typeof MediaInput>;

export const MediaId = z.number({ error: 'That item could not be found.' }).int().positive();

const scale5 = z.number({ error: 'A mood answer is a number from 1 to 5.' }).int().min(1, 'A mood answer is from 1 to 5.').max(5, 'A mood answer is from 1 to 5.');

/**
 * One use of an item, usually inside a session. Mood and tears may be given here, or left
 * to the session's own check-in (read when the summary is made). Recording the same item
 * for the same session again updates that one use instead of counting it twice.
 */
export const MediaUseInput = z.object({
  mediaId: MediaId,
  sessionId: z.number({ error: 'That session could not be found.' }).int().positive().optional(),
  moodBefore: scale5.optional(),
  moodAfter: scale5.optional(),
  tears: TearOutcome.optional(),
});
export type MediaUseInput = z.input<typeof MediaUseInput>;

/** Whether an item has helped, over all its uses. No score: counts the person can read. */
export const HelpedSummary = z.object({
  uses: z.number().int().nonnegative(),
  /** Uses where tears came: eyes welled or more. */
  withTears: z.number().int().nonnegative(),
  /** Average of mood after minus mood before (−4 to +4), over uses where both are known; null when none. */
  moodChange: z.number().nullable(),
  lastUsedAt: timestamp.nullable(),
});
export type HelpedSummary = z.output<typeof HelpedSummary>;

export const MediaItem = z.object({
  id: MediaId,
  title: z.string(),
  kind: MediaKind,
  note: z.string(),
  link: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type MediaItem = z.output<typeof MediaItem>;

export const MediaListItem = MediaItem.extend({ helped: HelpedSummary });
export type MediaListItem = z.output<typeof MediaListItem>;

export const MediaUse = z.object({
  id: z.number().int().positive(),
  mediaId: MediaId,
  sessionId: SessionId.nullable(),
  usedAt: timestamp,
  /** The values that count: the ones given when recording, else the session's own. */
  moodBefore: Mood.nullable(),
  moodAfter: Mood.nullable(),
  tears: TearOutcome.nullable(),
});
export type MediaUse = z.output<typeof MediaUse>;

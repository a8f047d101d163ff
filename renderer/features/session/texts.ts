import { z } from 'zod';
import raw from '../../../resources/session-texts.json';
import type { TearOutcome } from '../../../preload/contract/sessions.ts';

/** The shape of resources/session-texts.json: static, kind copy for sessions. Checked once, when first imported. */
const line = z.string().trim().min(1);
const SessionTexts = z.object({
  kindMessages: z.object({
    none: z.array(line).min(1),
    welled: z.array(line).min(1),
    tear: z.array(line).min(1),
    cried: z.array(line).min(1),
    deep: z.array(line).min(1),
  }),
  stopped: z.object({ title: line, message: line, groundingBreaths: line }),
  aftercare: z.array(line).min(1),
  readiness: z.object({ question: line, labels: z.array(line).length(5), lowForDeeper: line }),
  moodLabels: z.array(line).length(5),
  distressHigh: line,
});
export type SessionTexts = z.infer<typeof SessionTexts>;

export const texts: SessionTexts = SessionTexts.parse(raw);

/** Tear outcomes in plain words, in the contract's order (tears 0–4 in check-ins). */
export const tearOutcomes: ReadonlyArray<{ value: TearOutcome; label: string }> = [
  { value: 'none', label: 'No tears' },
  { value: 'welled', label: 'My eyes welled up' },
  { value: 'tear', label: 'A tear' },
  { value: 'cried', label: 'I cried' },
  { value: 'deep', label: 'A deep cry' },
];

/** Short forms for the history list. */
export const tearWords: Record<TearOutcome, string> = {
  none: 'No tears',
  welled: 'Eyes welled up',
  tear: 'A tear',
  cried: 'Cried',
  deep: 'A deep cry',
};

/** The readiness answers that count as "shaky" (1–2). */
export const LOW_READINESS = 2;
/** A distress answer at or above this offers a pause, a few breaths, or stopping (the care card counts the same). */
export { HIGH_DISTRESS } from '../../../preload/contract/sessions.ts';

/** A kind message for the outcome; stable for a session (picked by its id, not at random on each render). */
export function kindMessage(outcome: TearOutcome | null, seed: number): string {
  if (outcome === null) return 'Thank you for making this time for yourself. However it went, it counts.';
  const list = texts.kindMessages[outcome];
  return list[Math.abs(Math.trunc(seed)) % list.length]!;
}

/** A few aftercare ideas, varied from one session to the next. */
export function aftercareIdeas(seed: number, count = 4): string[] {
  const all = texts.aftercare;
  const start = Math.abs(Math.trunc(seed)) % all.length;
  return Array.from({ length: Math.min(count, all.length) }, (_, i) => all[(start + i) % all.length]!);
}

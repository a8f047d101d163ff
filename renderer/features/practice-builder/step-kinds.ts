import type { Component } from 'svelte';
import { SPEAK_TEXT, type StepKind } from '../../../preload/contract/index.ts';
import type { StepDraft } from './builder.svelte.ts';
import type { StepEditorProps } from './steps/editor-props.ts';
import ArriveEditor from './steps/ArriveEditor.svelte';
import BreatheEditor from './steps/BreatheEditor.svelte';
import CheckInEditor from './steps/CheckInEditor.svelte';
import CloseEditor from './steps/CloseEditor.svelte';
import LadderChooseEditor from './steps/LadderChooseEditor.svelte';
import PermissionEditor from './steps/PermissionEditor.svelte';
import SilenceEditor from './steps/SilenceEditor.svelte';
import TimedWordsEditor from './steps/TimedWordsEditor.svelte';
import WordsEditor from './steps/WordsEditor.svelte';

export interface StepKindEntry {
  /** Its name in the builder ("Breathe"). */
  label: string;
  /** One line on what it does when the practice runs. */
  description: string;
  /** A new step of this kind, with gentle defaults. */
  blank: () => StepDraft;
  /** Its fields (the title every step may have is the builder's own). */
  editor: Component<StepEditorProps>;
}

/**
 * Every step kind the practice schema has, for the builder: one entry each, so a kind added to the
 * schema (preload/contract/practice.ts) is one entry here (the type asks for it). The order is the
 * "Add a step" list's. Steps that use the person's own things (a memory, a film, a ladder step) name
 * none of them: they choose among the person's own when the practice runs, so a shared practice
 * carries nothing of anyone's.
 */
export const stepKindTable: { readonly [K in StepKind]: StepKindEntry } = {
  arrive: {
    label: 'Arrive',
    description: 'A few quiet moments to settle and land where you are.',
    blank: () => ({ kind: 'arrive', text: '', seconds: 60 }),
    editor: ArriveEditor,
  },
  breathe: {
    label: 'Breathe',
    description: 'A number of breaths with the breathing guide, in any pattern.',
    blank: () => ({ kind: 'breathe', cycles: 6 }),
    editor: BreatheEditor,
  },
  prompt: {
    label: 'A question or invitation',
    description: 'Words to sit with, for a while or until Next; with a place to write if you like.',
    blank: () => ({ kind: 'prompt', text: '', writing: false }),
    editor: TimedWordsEditor,
  },
  silence: {
    label: 'Silence or the body',
    description: 'Quiet time, or time to notice the body.',
    blank: () => ({ kind: 'silence', text: '', focus: 'silence', seconds: 60 }),
    editor: SilenceEditor,
  },
  permission: {
    label: 'Permission',
    description: 'A kind statement to yourself, a hand on the heart if you like.',
    blank: () => ({ kind: 'permission', statement: '', handOnHeart: false, seconds: 45 }),
    editor: PermissionEditor,
  },
  'media-offer': {
    label: 'Something that moves you',
    description: 'Offers one film, song or book from your moving media, chosen when the practice runs.',
    blank: () => ({ kind: 'media-offer', text: '' }),
    editor: WordsEditor,
  },
  'memory-open': {
    label: 'Open a memory',
    description: 'Offers the gentlest sealed memory from your memory box when the practice runs. A “Put the memory away” step follows later.',
    blank: () => ({ kind: 'memory-open', text: '' }),
    editor: WordsEditor,
  },
  'memory-close': {
    label: 'Put the memory away',
    description: 'Reseal the memory, keep it open, or be at peace with it.',
    blank: () => ({ kind: 'memory-close', text: '' }),
    editor: WordsEditor,
  },
  'ladder-choose': {
    label: 'Choose a ladder step',
    description: 'The next step on your ladder, or one you choose when the practice runs. “How the ladder step went” follows later.',
    blank: () => ({ kind: 'ladder-choose', text: '' }),
    editor: LadderChooseEditor,
  },
  'ladder-record': {
    label: 'How the ladder step went',
    description: 'The highest distress, the distress after, and tears, kept on your ladder.',
    blank: () => ({ kind: 'ladder-record', text: '' }),
    editor: WordsEditor,
  },
  speak: {
    label: 'Say it aloud',
    description: 'A place to speak what is here and record it, if you want to. Only you hear it; it is kept with the session in your journal.',
    blank: () => ({ kind: 'speak', text: SPEAK_TEXT }),
    editor: TimedWordsEditor,
  },
  'check-in': {
    label: 'Check-in',
    description: 'One question on a scale: distress, mood or tears. A high distress answer offers a pause.',
    blank: () => ({ kind: 'check-in', question: 'distress', text: '' }),
    editor: CheckInEditor,
  },
  close: {
    label: 'Close',
    description: 'A kind goodbye with aftercare ideas. Every practice ends with one.',
    blank: () => ({ kind: 'close', text: '' }),
    editor: CloseEditor,
  },
};

export const stepKindOrder = Object.keys(stepKindTable) as StepKind[];

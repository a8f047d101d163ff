import type { StepDraft } from '../builder.svelte.ts';

/** A field of the step being edited: its element id, and the schema's message for it (once shown). */
export interface FieldState {
  id: string;
  problem: string | null;
}

/** What every step editor is given. */
export interface StepEditorProps {
  /** The step itself, changed in place as the person types. */
  step: StepDraft;
  field: (name: string) => FieldState;
}

import { history, historyKeymap, insertNewline, standardKeymap } from '@codemirror/commands';
import { Annotation, EditorState, Transaction, type TransactionSpec } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText } from '@codemirror/view';
import type { HowAdded } from '../../lib/length-limit.ts';
import { adoptCodeMirrorStyles } from './adopted-styles.ts';

// CodeMirror's base styles in an adopted sheet, not a <style> element the CSP refuses (see there).
adoptCodeMirrorStyles();

/**
 * The editor for very long entries (CodeMirror 6), loaded only when one is opened or typed
 * (see EntryBody.svelte). A textarea lays out all of its text again on every key: at 200,000
 * characters that is 100–300 ms a keystroke in Chromium whatever the CSS. CodeMirror draws
 * only what is on screen, and only part of an overlong line, so typing stays quick.
 *
 * It behaves like the textarea it stands in for: plain text, Enter is a new line, Tab leaves
 * the field, undo and redo, the same label, description, placeholder and dir="auto", and text
 * beyond the length limit is cut off as a textarea's maxlength does (and `onlimit` says so).
 */

export interface LongTextOptions {
  parent: HTMLElement;
  doc: string;
  /** Where the caret starts (and whether the field takes the focus). */
  caret?: number;
  focus?: boolean;
  maxLength: number;
  labelledBy: string;
  describedBy: string;
  placeholder: string;
  onchange: (text: string) => void;
  /** Typing or pasting met the limit: `notAdded` characters were left out; 0 once text fits again. */
  onlimit?: (how: HowAdded, notAdded: number) => void;
}

export interface LongTextEditor {
  /** Replaces the text (when it changed from outside, e.g. after the entry was reloaded). */
  setText(text: string): void;
  focus(): void;
  destroy(): void;
}

/** On a transaction whose insertion `withinLength` cut: how much was left out, and how it came. */
export const cutAtLimit = Annotation.define<{ how: HowAdded; notAdded: number }>();

const howAdded = (tr: Transaction): HowAdded => (tr.isUserEvent('input.paste') ? 'pasted' : tr.isUserEvent('input.drop') ? 'dropped' : 'typed');

/**
 * Keeps the text within `maxLength` characters the way a textarea's maxlength does: what is
 * typed or pasted past the limit is cut off (the end of the insertion first), never the text
 * already there. The cut transaction carries `cutAtLimit`, so the editor can say what was left out.
 */
export function withinLength(maxLength: number) {
  return EditorState.transactionFilter.of((tr: Transaction): TransactionSpec | readonly TransactionSpec[] => {
    if (!tr.docChanged || tr.newDoc.length <= maxLength) return tr;
    const notAdded = tr.newDoc.length - maxLength;
    let over = notAdded;
    const pieces: { from: number; to: number; insert: string }[] = [];
    tr.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
      pieces.push({ from: fromA, to: toA, insert: inserted.toString() });
    });
    for (let i = pieces.length - 1; i >= 0 && over > 0; i--) {
      const piece = pieces[i]!;
      const cut = Math.min(over, piece.insert.length);
      piece.insert = piece.insert.slice(0, piece.insert.length - cut);
      over -= cut;
    }
    // Deletions never make text longer, so something is left over only if nothing could be cut.
    if (over > 0) return [];
    const last = pieces.at(-1)!;
    const changes = tr.startState.changes(pieces);
    return {
      changes,
      selection: { anchor: changes.mapPos(last.to, 1) },
      userEvent: tr.annotation(Transaction.userEvent) ?? 'input',
      annotations: cutAtLimit.of({ how: howAdded(tr), notAdded }),
    };
  });
}

export function createLongTextEditor(options: LongTextOptions): LongTextEditor {
  let applyingOutside = false;
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.doc,
      selection: { anchor: Math.min(options.caret ?? 0, options.doc.length) },
      extensions: [
        history(),
        keymap.of([{ key: 'Enter', run: insertNewline }, ...standardKeymap, ...historyKeymap]),
        EditorView.lineWrapping,
        EditorView.perLineTextDirection.of(true),
        placeholderText(options.placeholder),
        withinLength(options.maxLength),
        EditorView.contentAttributes.of({
          'aria-labelledby': options.labelledBy,
          'aria-describedby': options.describedBy,
          dir: 'auto',
          spellcheck: 'true',
          // Focusable as a textarea is (and so its scrolling area counts as reachable by keyboard).
          tabindex: '0',
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !applyingOutside) options.onchange(update.state.doc.toString());
          if (applyingOutside || !update.transactions.some((tr) => tr.docChanged || tr.annotation(cutAtLimit))) return;
          const cut = update.transactions.map((tr) => tr.annotation(cutAtLimit)).findLast(Boolean);
          options.onlimit?.(cut?.how ?? 'typed', cut?.notAdded ?? 0);
        }),
      ],
    }),
  });
  if (options.focus) {
    view.focus();
    view.dispatch({ scrollIntoView: true });
  }
  return {
    setText(text) {
      if (text === view.state.doc.toString()) return;
      applyingOutside = true;
      try {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      } finally {
        applyingOutside = false;
      }
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}

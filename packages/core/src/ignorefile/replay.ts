// Replaying a user's edits onto a newer version of an ignore file (somebody changed it on disk while
// the user edited): each edit finds its lines by content, so lines added or changed elsewhere stay,
// and the user's own lines are added again. Where an edit's line is gone or cannot be told apart,
// the replay stops and says which line: merging a guess could drop somebody's line.
import type { IgnoreDocument } from './edit.js';
import { applyLineEdit, type EditStep, type LineAnchor, type LineEdit, type Unlocated } from './line-edits.js';

/** Why an edit could not be replayed, and on which line. */
export interface ReplayConflict {
  /** 0-based position of the edit in the list. */
  readonly index: number;
  readonly edit: LineEdit;
  /** The text of the line the edit needs. */
  readonly line: string | undefined;
  readonly reason: Unlocated;
  /** One sentence naming the edit and the line, e.g. `you switched off "node_modules", which was changed or removed on disk`. */
  readonly message: string;
}

/**
 * The outcome of a replay: the merged document, the edits named against it (to replay again after
 * another reload) and the steps as index-based edits (for an editor keeping its own per-line state),
 * or the first conflict.
 */
export type ReplayResult =
  | { readonly ok: true; readonly doc: IgnoreDocument; readonly edits: readonly LineEdit[]; readonly steps: readonly EditStep[] }
  | { readonly ok: false; readonly conflict: ReplayConflict };

function describeEdit(edit: LineEdit): string {
  switch (edit.kind) {
    case 'insert':
      return `you added ${JSON.stringify(edit.text)}`;
    case 'remove':
      return `you deleted ${JSON.stringify(edit.line.text)}`;
    case 'replace':
      return `you changed ${JSON.stringify(edit.line.text)} to ${JSON.stringify(edit.text)}`;
    case 'toggle':
      return `you switched ${JSON.stringify(edit.line.text)} to ${JSON.stringify(edit.text)}`;
    case 'move':
      return `you moved ${JSON.stringify(edit.line.text)}`;
  }
}

function describeConflict(edit: LineEdit, anchor: LineAnchor | undefined, reason: Unlocated): string {
  const line = JSON.stringify(anchor?.text ?? '');
  // An insert or a move may fail on the line it goes next to rather than on its own line.
  const own = edit.kind === 'insert' ? undefined : edit.line;
  const where = anchor !== own ? ` next to ${line}` : '';
  const why = reason === 'missing' ? `${line} was changed or removed on disk` : `${line} now appears more than once on disk and its neighbours do not tell which one was meant`;
  return `${describeEdit(edit)}${where}, but ${why}`;
}

/**
 * Replays edits, in order, onto a document. A line the edits delete that was deleted there too
 * counts as deleted; any other edit whose line cannot be found (changed, or not told apart from
 * equal lines) stops the replay.
 * @returns the merged document and the edits named against it, or the first conflict (the input document is untouched)
 */
export function replayEdits(doc: IgnoreDocument, edits: readonly LineEdit[]): ReplayResult {
  let current = doc;
  const steps: EditStep[] = [];
  for (const [index, edit] of edits.entries()) {
    const outcome = applyLineEdit(current, edit);
    if ('unlocated' in outcome) {
      const message = describeConflict(edit, outcome.anchor, outcome.unlocated);
      return { ok: false, conflict: { index, edit, line: outcome.anchor?.text, reason: outcome.unlocated, message } };
    }
    current = outcome.doc;
    if (outcome.step !== undefined) steps.push(outcome.step);
  }
  return { ok: true, doc: current, edits: steps.map((s) => s.edit), steps };
}

// Edits of an ignore file as operations that name lines by their content, not their index, so they
// can be replayed onto another version of the file (one somebody changed on disk meanwhile). An
// index says nothing once lines were added above it; the text of the line and its neighbours do.
import type { IgnoreDocument } from './edit.js';
import { insertLine, lineText, moveLine, removeLine, replaceLine } from './edit.js';

/** A line named by what it says: its text, which of the equal lines it was, and its neighbours. */
export interface LineAnchor {
  readonly text: string;
  /** 0-based rank among the lines with this text when the edit was made. */
  readonly occurrence: number;
  /** How many lines had this text then. */
  readonly count: number;
  /** The text of the line above (undefined: it was the first line). */
  readonly above: string | undefined;
  /** The text of the line below (undefined: it was the last line). */
  readonly below: string | undefined;
}

/** Where a line goes: the start or end of the file, or next to a named line. */
export type LinePlace =
  | { readonly kind: 'start' }
  | { readonly kind: 'end' }
  | { readonly kind: 'after'; readonly line: LineAnchor }
  | { readonly kind: 'before'; readonly line: LineAnchor };

/** One edit. `toggle` is a replace that switches a rule off (comments it out) or back on. */
export type LineEdit =
  | { readonly kind: 'insert'; readonly text: string; readonly place: LinePlace }
  | { readonly kind: 'remove'; readonly line: LineAnchor }
  | { readonly kind: 'replace'; readonly line: LineAnchor; readonly text: string }
  | { readonly kind: 'toggle'; readonly line: LineAnchor; readonly text: string }
  | { readonly kind: 'move'; readonly line: LineAnchor; readonly place: LinePlace };

/**
 * Names the line at a 0-based index by its content.
 * @returns the anchor
 */
export function anchorAt(doc: IgnoreDocument, index: number): LineAnchor {
  const texts = doc.lines.map(lineText);
  const text = texts[index]!;
  let occurrence = 0;
  let count = 0;
  texts.forEach((t, i) => {
    if (t !== text) return;
    if (i < index) occurrence++;
    count++;
  });
  return { text, occurrence, count, above: texts[index - 1], below: texts[index + 1] };
}

/**
 * The edit that inserts a line at a 0-based position (the end by default).
 * @returns the edit
 */
export function insertEdit(doc: IgnoreDocument, text: string, at = doc.lines.length): LineEdit {
  // At the end (where a rule wins over every earlier one) and at the start stay there on replay.
  if (at >= doc.lines.length) return { kind: 'insert', text, place: { kind: 'end' } };
  if (at === 0) return { kind: 'insert', text, place: { kind: 'start' } };
  return { kind: 'insert', text, place: { kind: 'after', line: anchorAt(doc, at - 1) } };
}

/**
 * The edit that moves the line at `from` to the 0-based position `to`, named by the line it lands next to.
 * @returns the edit
 */
export function moveEdit(doc: IgnoreDocument, from: number, to: number): LineEdit {
  const line = anchorAt(doc, from);
  // The place is named in the file without the moving line, as replaying looks for it there.
  const rest = removeLine(doc, from);
  if (to === 0) return { kind: 'move', line, place: { kind: 'start' } };
  if (to >= rest.lines.length) return { kind: 'move', line, place: { kind: 'end' } };
  // Moving down, the line lands after the one now at `to`; moving up, before it.
  return { kind: 'move', line, place: to > from ? { kind: 'after', line: anchorAt(rest, to - 1) } : { kind: 'before', line: anchorAt(rest, to) } };
}

/** Why an anchor names no single line. */
export type Unlocated = 'missing' | 'ambiguous';

function neighboursFit(texts: readonly string[], i: number, a: LineAnchor, both: boolean): boolean {
  const above = texts[i - 1] === a.above;
  const below = texts[i + 1] === a.below;
  return both ? above && below : above || below;
}

/**
 * Finds the line an anchor names: the same rank among equal lines while their number is unchanged,
 * else the one whose neighbours are the same.
 * @returns its 0-based index, or why there is none
 */
export function locateLine(doc: IgnoreDocument, a: LineAnchor): number | Unlocated {
  const texts = doc.lines.map(lineText);
  const hits = texts.flatMap((t, i) => (t === a.text ? [i] : []));
  if (hits.length === 0) return 'missing';
  if (hits.length === a.count) return hits[a.occurrence]!;
  for (const both of [true, false]) {
    const fit = hits.filter((i) => neighboursFit(texts, i, a, both));
    if (fit.length === 1) return fit[0]!;
    if (fit.length > 1) break;
  }
  // Equal lines were added or removed and the neighbours do not tell which one was meant.
  return 'ambiguous';
}

/**
 * The 0-based position a place names in a document.
 * @returns the insertion index, or why there is none
 */
export function locatePlace(doc: IgnoreDocument, place: LinePlace): number | Unlocated {
  if (place.kind === 'start') return 0;
  if (place.kind === 'end') return doc.lines.length;
  const at = locateLine(doc, place.line);
  if (typeof at !== 'number') return at;
  return place.kind === 'after' ? at + 1 : at;
}

/** Where an edit acted, as an index-based editor would do it: the edit named against the document it was applied to. */
export interface EditStep {
  readonly edit: LineEdit;
  /** 0-based index of the line acted on (for an insert: where the line went; for a move: where it came from). */
  readonly at: number;
  /** For a move: the 0-based index the line went to (as moveLine takes it); else `at`. */
  readonly to: number;
}

/** An edit applied: the new document and the step taken (undefined: nothing to do), or which line was not found. */
export type AppliedEdit = { readonly doc: IgnoreDocument; readonly step: EditStep | undefined } | { readonly unlocated: Unlocated; readonly anchor: LineAnchor | undefined };

/**
 * Applies one edit, finding its lines by content. A line to remove that is gone already, its
 * neighbours now next to each other, is done; one changed meanwhile is a conflict.
 * @returns the new document with the edit re-anchored against the input (undefined: nothing to do), or which line was not found
 */
export function applyLineEdit(doc: IgnoreDocument, edit: LineEdit): AppliedEdit {
  if (edit.kind === 'insert') {
    const at = locatePlace(doc, edit.place);
    if (typeof at !== 'number') return { unlocated: at, anchor: placeAnchor(edit.place) };
    return { doc: insertLine(doc, edit.text, at), step: { edit: insertEdit(doc, edit.text, at), at, to: at } };
  }
  const index = locateLine(doc, edit.line);
  if (index === 'missing' && edit.kind === 'remove' && deletedHere(doc, edit.line)) return { doc, step: undefined };
  if (typeof index !== 'number') return { unlocated: index, anchor: edit.line };
  const line = anchorAt(doc, index);
  switch (edit.kind) {
    case 'remove':
      return { doc: removeLine(doc, index), step: { edit: { kind: 'remove', line }, at: index, to: index } };
    case 'replace':
    case 'toggle':
      return { doc: replaceLine(doc, index, edit.text), step: { edit: { ...edit, line }, at: index, to: index } };
    case 'move': {
      // The place is looked for without the moving line, which may be its own neighbour's anchor.
      const at = locatePlace(removeLine(doc, index), edit.place);
      if (typeof at !== 'number') return { unlocated: at, anchor: placeAnchor(edit.place) };
      return { doc: moveLine(doc, index, at), step: { edit: moveEdit(doc, index, at), at: index, to: at } };
    }
  }
}

/** Whether a line is gone with nothing in its place: its neighbours now touch (it was deleted on both sides, not changed). */
function deletedHere(doc: IgnoreDocument, a: LineAnchor): boolean {
  const texts = doc.lines.map(lineText);
  if (a.above === undefined) return texts[0] === a.below;
  return texts.some((t, i) => t === a.above && texts[i + 1] === a.below);
}

function placeAnchor(place: LinePlace): LineAnchor | undefined {
  return place.kind === 'after' || place.kind === 'before' ? place.line : undefined;
}

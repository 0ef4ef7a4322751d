// The ignore file as the TUI edits it: the lossless core document is the source of truth, so
// saving writes exactly what is shown. Switching a rule off comments it out (`# ` in front) and
// remembers the original line, so switching it back on restores the line as it was. Every edit is
// also recorded as a core LineEdit (lines named by content), so the edits can be replayed onto the
// file if somebody changes it on disk meanwhile (rules-replay.ts).
import { anchorAt, type DocumentLine, type IgnoreDocument, insertEdit, insertLine, type LineEdit, lineText, moveEdit, moveLine, parseDocument, removeLine, replaceLine, serializeDocument } from '@ctxlens/core';
import { readAllPattern } from '@ctxlens/core/internal';
import { diffDocument } from './line-diff.js';

/** The document plus which of its lines are rules ctxlens switched off, and the edits made since `base`. */
export interface RulesModel {
  readonly doc: IgnoreDocument;
  /** Per document line: the line before ctxlens commented it out, or undefined. */
  readonly disabled: readonly (DocumentLine | undefined)[];
  /** The file's bytes the edits start from (undefined: no file). */
  readonly base: Buffer | undefined;
  /**
   * The user's edits since `base`, in order: `doc` is `base` with them applied. Undefined for an
   * undo step from before a save, whose edits are then read off a diff when needed (editsOf).
   */
  readonly edits: readonly LineEdit[] | undefined;
}

/** One rule as the rules pane lists it. */
export interface RuleRow {
  /** 0-based document line. */
  readonly line: number;
  /** The rule as written (for a switched-off rule: as it was before). */
  readonly text: string;
  readonly enabled: boolean;
}

/**
 * The model's edits since its base, read off a line diff when they were not recorded.
 * @returns the edits
 */
export function editsOf(model: RulesModel): readonly LineEdit[] {
  if (model.edits !== undefined) return model.edits;
  let work = parseDocument(model.base);
  let at = 0;
  const edits: LineEdit[] = [];
  for (const line of diffDocument(model.base, model.doc)) {
    if (line.op === 'same') at++;
    else if (line.op === 'remove') {
      edits.push({ kind: 'remove', line: anchorAt(work, at) });
      work = removeLine(work, at);
    } else {
      edits.push(insertEdit(work, line.text, at));
      work = insertLine(work, line.text, at++);
    }
  }
  return edits;
}

/** Prefix that switches a rule off: Docker reads a line starting with `#` as a comment. */
export const DISABLED_PREFIX = '# ';

/**
 * Starts editing an ignore file's bytes (none for a file that does not exist yet).
 * @returns the model
 */
export function rulesFromBytes(bytes: Buffer | undefined): RulesModel {
  return { doc: parseDocument(bytes), disabled: [], base: bytes, edits: [] };
}

/**
 * The document's lines as text: what evaluation reads (switched-off rules are comments).
 * @returns one string per line
 */
export function documentLines(model: RulesModel): string[] {
  return model.doc.lines.map(lineText);
}

/**
 * The rules, enabled or switched off, in file order.
 * @returns one row per rule
 */
export function ruleRows(model: RulesModel): RuleRow[] {
  const rows: RuleRow[] = [];
  model.doc.lines.forEach((line, i) => {
    const saved = model.disabled[i];
    if (saved !== undefined) rows.push({ line: i, text: lineText(saved), enabled: false });
    else if (readAllPattern(lineText(line)) !== undefined) rows.push({ line: i, text: lineText(line), enabled: true });
  });
  return rows;
}

/**
 * Switches the rule on a line off (comments it out) or back on (restores it).
 * @returns the new model
 */
export function toggleRule(model: RulesModel, line: number): RulesModel {
  const saved = model.disabled[line];
  const current = model.doc.lines[line];
  if (current === undefined) return model;
  return setLine(model, line, saved !== undefined ? lineText(saved) : DISABLED_PREFIX + lineText(current));
}

/**
 * Sets a line's text: switching a rule on (its text before it was switched off), off (`# ` and
 * its text), or replacing it.
 * @returns the new model
 */
export function setLine(model: RulesModel, line: number, text: string): RulesModel {
  const current = model.doc.lines[line];
  if (current === undefined) return model;
  const disabled = [...model.disabled];
  const saved = disabled[line];
  const on = saved !== undefined && lineText(saved) === text;
  const off = !on && text === DISABLED_PREFIX + lineText(current);
  disabled[line] = off ? current : undefined;
  const edit: LineEdit = { kind: on || off ? 'toggle' : 'replace', line: anchorAt(model.doc, line), text };
  return { ...model, doc: replaceLine(model.doc, line, text), disabled, edits: [...editsOf(model), edit] };
}

/**
 * Removes a rule's line.
 * @returns the new model
 */
export function deleteRule(model: RulesModel, line: number): RulesModel {
  const disabled = [...model.disabled];
  disabled.splice(line, 1);
  return { ...model, doc: removeLine(model.doc, line), disabled, edits: [...editsOf(model), { kind: 'remove', line: anchorAt(model.doc, line) }] };
}

/**
 * Moves a rule's line to another line position (order decides: the last match wins).
 * @returns the new model
 */
export function moveRule(model: RulesModel, from: number, to: number): RulesModel {
  const disabled = [...model.disabled];
  while (disabled.length < model.doc.lines.length) disabled.push(undefined);
  const [moved] = disabled.splice(from, 1);
  disabled.splice(to, 0, moved);
  return { ...model, doc: moveLine(model.doc, from, to), disabled, edits: [...editsOf(model), moveEdit(model.doc, from, to)] };
}

/**
 * Appends a line at the end of the file, where it wins over every earlier rule.
 * @returns the new model and the new line's index
 */
export function appendRule(model: RulesModel, text: string): { model: RulesModel; line: number } {
  const line = model.doc.lines.length;
  return { model: insertRule(model, text, line), line };
}

/**
 * Inserts a line at a 0-based position.
 * @returns the new model
 */
export function insertRule(model: RulesModel, text: string, at: number): RulesModel {
  const disabled = [...model.disabled];
  if (at < disabled.length) disabled.splice(at, 0, undefined);
  return { ...model, doc: insertLine(model.doc, text, at), disabled, edits: [...editsOf(model), insertEdit(model.doc, text, at)] };
}

/**
 * Whether the document differs from the bytes on disk.
 * @returns true when saving would write something
 */
export function isDirty(model: RulesModel, original: Buffer | undefined): boolean {
  return !serializeDocument(model.doc).equals(original ?? Buffer.alloc(0));
}

// The ignore file as the TUI edits it: the lossless core document is the source of truth, so
// saving writes exactly what is shown. Switching a rule off comments it out (`# ` in front) and
// remembers the original line, so switching it back on restores the line as it was.
import { type DocumentLine, type IgnoreDocument, insertLine, lineText, moveLine, parseDocument, removeLine, replaceLine, serializeDocument } from '@ctxlens/core';
import { readAllPattern } from '@ctxlens/core/internal';

/** The document plus which of its lines are rules ctxlens switched off. */
export interface RulesModel {
  readonly doc: IgnoreDocument;
  /** Per document line: the line before ctxlens commented it out, or undefined. */
  readonly disabled: readonly (DocumentLine | undefined)[];
}

/** One rule as the rules pane lists it. */
export interface RuleRow {
  /** 0-based document line. */
  readonly line: number;
  /** The rule as written (for a switched-off rule: as it was before). */
  readonly text: string;
  readonly enabled: boolean;
}

/** Prefix that switches a rule off: Docker reads a line starting with `#` as a comment. */
export const DISABLED_PREFIX = '# ';

/**
 * Starts editing an ignore file's bytes (none for a file that does not exist yet).
 * @returns the model
 */
export function rulesFromBytes(bytes: Buffer | undefined): RulesModel {
  return { doc: parseDocument(bytes), disabled: [] };
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
  const disabled = [...model.disabled];
  const saved = disabled[line];
  if (saved !== undefined) {
    disabled[line] = undefined;
    return { doc: replaceLine(model.doc, line, lineText(saved)), disabled };
  }
  const current = model.doc.lines[line];
  if (current === undefined) return model;
  disabled[line] = current;
  return { doc: replaceLine(model.doc, line, DISABLED_PREFIX + lineText(current)), disabled };
}

/**
 * Removes a rule's line.
 * @returns the new model
 */
export function deleteRule(model: RulesModel, line: number): RulesModel {
  const disabled = [...model.disabled];
  disabled.splice(line, 1);
  return { doc: removeLine(model.doc, line), disabled };
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
  return { doc: moveLine(model.doc, from, to), disabled };
}

/**
 * Appends a line at the end of the file, where it wins over every earlier rule.
 * @returns the new model and the new line's index
 */
export function appendRule(model: RulesModel, text: string): { model: RulesModel; line: number } {
  const line = model.doc.lines.length;
  return { model: { doc: insertLine(model.doc, text, line), disabled: [...model.disabled] }, line };
}

/**
 * Whether the document differs from the bytes on disk.
 * @returns true when saving would write something
 */
export function isDirty(model: RulesModel, original: Buffer | undefined): boolean {
  return !serializeDocument(model.doc).equals(original ?? Buffer.alloc(0));
}

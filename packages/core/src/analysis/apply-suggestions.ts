// Applying suggest's proposals to an ignore file, in one place: the CLI's `suggest --write`, an
// editor extension and the real-BuildKit tests must write the same file, or "suggest never breaks a
// build" would be measured on a file nobody writes.
import { type IgnoreDocument, insertLine, replaceLine } from '../ignorefile/edit.js';
import type { Suggestion } from './suggest.js';

/**
 * Applies suggestIgnoreLines' proposals: each fix replaces its line in place (an end-of-line comment
 * moves to its own line above it), every other byte is kept, and the added lines go at the end.
 * @returns the new document
 */
export function applySuggestions(doc: IgnoreDocument, suggestions: readonly Suggestion[]): IgnoreDocument {
  // Bottom-up, so a fix that becomes two lines does not shift the lines still to fix.
  const fixes = suggestions.filter((s) => s.replaces !== undefined).sort((a, b) => b.replaces!.line - a.replaces!.line);
  for (const { replaces } of fixes) {
    const at = replaces!.line - 1;
    const above = replaces!.lines.slice(0, -1);
    doc = replaceLine(doc, at, replaces!.lines.at(-1)!);
    above.forEach((line, k) => (doc = insertLine(doc, line, at + k)));
  }
  for (const s of suggestions) if (s.replaces === undefined) doc = insertLine(doc, s.line);
  return doc;
}

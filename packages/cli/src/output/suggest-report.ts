// `suggest` output: each line with what it saves and why, then the total.
import type { BuildContext, Suggestion, SuggestionSource } from '@ctxlens/core';
import type { Colors } from './color.js';
import { formatCount, formatSize, plural } from './numbers.js';
import { displayPath } from './paths.js';
import { alignColumns } from './table.js';

function sourceText(s: SuggestionSource, cwd: string): string {
  return s.kind === 'category' ? s.category : `${displayPath(s.file, cwd)}:${s.line} (${s.text.trim()})`;
}

/**
 * Why a line is suggested, in words.
 * @returns the sources joined
 */
export function sourcesText(sources: readonly SuggestionSource[], cwd: string): string {
  return [...new Set(sources.map((s) => sourceText(s, cwd)))].join('; ');
}

/**
 * The text report.
 * @param target the ignore file the lines go to
 * @returns lines without newlines
 */
export function suggestLines(suggestions: readonly Suggestion[], before: BuildContext, after: BuildContext, c: Colors, cwd: string, target: string, written: boolean): string[] {
  if (suggestions.length === 0) return [c.green(`Nothing to suggest: no dependencies, VCS data, test output, logs, caches, secrets or git-ignored files are sent.`)];
  const rows = [['', 'saves', '', 'why'], ...suggestions.map((s) => [s.line, formatSize(s.bytes), plural(s.files, 'file'), sourcesText(s.sources, cwd)])];
  const lines = [c.bold(written ? `Added to ${target}:` : `Lines to add to ${target}:`)];
  lines.push(...alignColumns(rows, ['left', 'right', 'right', 'left'], (cell, r, col) => (r === 0 ? c.dim(cell) : col === 0 ? c.cyan(cell) : col === 3 ? c.dim(cell) : cell)).map((l) => `  ${l}`));
  const files = before.sizes.files - after.sizes.files;
  lines.push('', `Together: ${formatCount(files)} fewer files, upload ${before.sizes.dockerSize} → ${after.sizes.dockerSize}.`);
  if (!written) lines.push(c.dim('Run `ctxlens suggest --write` to append them (existing lines, comments and line endings are kept).'));
  return lines;
}

/**
 * The JSON body of `suggest`.
 * @returns a plain object (schemaVersion is added by toJson)
 */
export function suggestJson(suggestions: readonly Suggestion[], before: BuildContext, after: BuildContext, target: string, written: boolean): Record<string, unknown> {
  const sizes = (x: BuildContext) => ({ files: x.sizes.files, bytes: x.sizes.bytes, tarBytes: x.sizes.tarBytes, dockerSize: x.sizes.dockerSize });
  return {
    target,
    written,
    suggestions: suggestions.map((s) => ({ line: s.line, files: s.files, bytes: s.bytes, tarBytes: s.tarBytes, sources: s.sources })),
    before: sizes(before),
    after: sizes(after),
  };
}

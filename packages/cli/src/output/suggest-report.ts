// `suggest` output: each line with what it saves and why, then the total.
import { type AllowlistResult, type BuildContext, FIGURES, type Suggestion, type SuggestionSource } from '@ctxlens/core';
import type { Colors } from './color.js';
import { formatSize, plural } from './numbers.js';
import { displayPath } from './paths.js';
import { alignColumns } from './table.js';

function sourceText(s: SuggestionSource, cwd: string): string {
  if (s.kind === 'lint') return `fixes ${s.codes.join(', ')}`;
  return s.kind === 'category' ? s.category : `${displayPath(s.file, cwd)}:${s.line} (${s.text.trim()})`;
}

/** A fix's first column: the line it replaces and what replaces it. */
function fixCell(s: Suggestion): string {
  const r = s.replaces!;
  return `${r.line}: ${r.text.trim()} → ${r.lines.join(' + ')}`;
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
  const fixes = suggestions.filter((s) => s.replaces !== undefined);
  const added = suggestions.filter((s) => s.replaces === undefined);
  const lines: string[] = [];
  const table = (title: string, list: readonly Suggestion[], first: (s: Suggestion) => string): void => {
    if (list.length === 0) return;
    // A fix can send more than the broken line did (an exception that now reaches deeper): "saves" may be negative.
    // "saves" names the figures, so the two columns are never read as upload bytes or entries.
    const rows = [['', `saves ${FIGURES.bytes.label}`, FIGURES.files.label, 'why'], ...list.map((s) => [first(s), `${s.bytes < 0 ? '-' : ''}${formatSize(Math.abs(s.bytes))}`, `${s.files < 0 ? '-' : ''}${plural(Math.abs(s.files), 'file')}`, sourcesText(s.sources, cwd)])];
    lines.push(c.bold(title), ...alignColumns(rows, ['left', 'right', 'right', 'left'], (cell, r, col) => (r === 0 ? c.dim(cell) : col === 0 ? c.cyan(cell) : col === 3 ? c.dim(cell) : cell)).map((l) => `  ${l}`));
  };
  table(written ? `Fixed in ${target}:` : `Lines to fix in ${target}, as lint says:`, fixes, fixCell);
  if (fixes.length > 0 && added.length > 0) lines.push('');
  table(written ? `Added to ${target}:` : `Lines to add to ${target}:`, added, (s) => s.line);
  const files = before.sizes.files - after.sizes.files;
  lines.push('', `Together: ${plural(files, `fewer ${FIGURES.files.label.replace(/s$/, '')}`)}, ${FIGURES.tarBytes.label} ${before.sizes.dockerSize} → ${after.sizes.dockerSize}.`);
  if (!written) lines.push(c.dim(`Run \`ctxlens suggest --write\` to ${fixes.length > 0 ? 'fix and ' : ''}append them (every other line, comment and line ending is kept).`));
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
    suggestions: suggestions.map((s) => ({ line: s.line, files: s.files, bytes: s.bytes, tarBytes: s.tarBytes, sources: s.sources, replaces: s.replaces ?? null })),
    before: sizes(before),
    after: sizes(after),
  };
}

/**
 * The text report of `suggest --allowlist`.
 * @param target the ignore file the allowlist goes to
 * @returns lines without newlines
 */
export function allowlistLines(result: AllowlistResult, buildkit: BuildContext, c: Colors, target: string, written: boolean): string[] {
  if (result.text === undefined) return [c.yellow(`No allowlist: ${result.reason ?? 'nothing to allow'}.`)];
  const s = result.saved;
  const lines = [c.bold(written ? `Allowlist written at the top of ${target} (your lines are kept below it):` : `Allowlist for ${target} (above your own lines, which are kept):`)];
  lines.push(...result.lines.map((l) => `  ${c.cyan(l)}`));
  lines.push('', `Saves ${plural(s.eligibleFiles, 'eligible file')}, ${formatSize(s.eligibleBytes)}: the legacy builder's upload shrinks by ${formatSize(s.legacyTarBytes)}; BuildKit sends ${formatSize(s.sentBytes)} less (${formatSize(buildkit.sizes.bytes)} → ${formatSize(buildkit.sizes.bytes - s.sentBytes)}).`);
  if (!written) lines.push(c.dim('Run `ctxlens suggest --allowlist --write` to write it (existing lines, comments and line endings are kept).'));
  return lines;
}

/**
 * The JSON body of `suggest --allowlist`.
 * @returns a plain object (schemaVersion is added by toJson)
 */
export function allowlistJson(result: AllowlistResult, buildkit: BuildContext, target: string, written: boolean): Record<string, unknown> {
  return { target, written, allowlist: result.text === undefined ? null : { lines: result.lines, text: result.text }, reason: result.reason ?? null, saved: result.saved, sentBefore: buildkit.sizes.bytes };
}

// `diff` output: the paths only one builder sends, grouped by builder, each explained under both.
import type { BuilderDiff, BuilderDifference, Explanation } from '@ctxlens/core';
import { LEGACY_FORCED_RULES } from '@ctxlens/core/internal';
import * as nodePath from 'node:path';
import type { Colors } from './color.js';
import { builderName, explanationJson, refText, requestText } from './explain-report.js';
import { plural } from './numbers.js';
import { displayPath } from './paths.js';

function why(e: Explanation, cwd: string): string {
  const verdict = e.included ? 'sent' : 'not sent';
  // BuildKit: the ignore file lets it through, but the Dockerfile decides (unless it reads everything).
  if (e.request !== undefined && e.request.kind !== 'whole' && e.eligible === true) return e.included && e.request.instructions.length > 0 ? `${verdict} (${requestText(e.request)})` : `${verdict} (${e.request.reason})`;
  if (e.rule === undefined) return `${verdict} (no rule matches it)`;
  if (e.prunedAt !== undefined) return `${verdict} (parent directory "${e.prunedAt}" is excluded by ${refText(e.rule, cwd)} and never entered)`;
  const forced = e.rule.origin.file === LEGACY_FORCED_RULES ? ': the legacy client always sends the Dockerfile and .dockerignore' : '';
  return `${verdict} (${refText(e.rule, cwd)}${forced})`;
}

function label(b: string): string {
  return b === 'buildkit' ? 'BuildKit' : 'legacy';
}

function ignoreFileOf(ctx: BuilderDiff['primary'], cwd: string): string {
  const f = ctx.inputs.ignoreFile;
  return f === undefined ? 'no ignore file' : displayPath(f, cwd);
}

/**
 * The text report.
 * @returns lines without newlines
 */
export function diffLines(diff: BuilderDiff, c: Colors, cwd: string): string[] {
  const lines: string[] = [];
  const a = diff.primary;
  const b = diff.other;
  const fa = ignoreFileOf(a, cwd);
  const fb = ignoreFileOf(b, cwd);
  if (fa !== fb) lines.push(c.yellow(`${builderName(a)} reads ${fa}; ${builderName(b)} reads ${fb}.`));
  if (diff.differences.length === 0) {
    // The figures of context/figures.ts: `files` are regular files, as in `size` and the JSON.
    lines.push(c.green(`BuildKit and the legacy builder send the same ${plural(a.sizes.files, 'file')} (${plural(a.sizes.entries, 'entry', 'entries')} in all).`));
    return lines;
  }
  for (const side of [a, b]) {
    const only = diff.differences.filter((d) => d.sentBy === side.builder);
    if (only.length === 0) continue;
    const capital = builderName(side).replace(/^the/, 'The');
    lines.push(c.bold(`${capital} alone sends ${plural(only.length, 'path')}:`));
    for (const d of only) lines.push(...differenceLines(d, c, cwd));
  }
  return lines;
}

function differenceLines(d: BuilderDifference, c: Colors, cwd: string): string[] {
  return [`  ${d.path}${d.kind === 'symlink' ? ' (symlink)' : ''}`, c.dim(`      ${label(d.primary.builder)}: ${why(d.primary, cwd)}`), c.dim(`      ${label(d.other.builder)}: ${why(d.other, cwd)}`)];
}

/**
 * The JSON body of `diff`.
 * @returns a plain object (schemaVersion is added by toJson)
 */
export function diffJson(diff: BuilderDiff, cwd: string): Record<string, unknown> {
  const side = (ctx: BuilderDiff['primary']) => ({ builder: ctx.builder, ignoreFile: ctx.inputs.ignoreFile === undefined ? null : nodePath.resolve(ctx.inputs.ignoreFile), files: ctx.sizes.files, tarBytes: ctx.sizes.tarBytes, transferBytes: ctx.builder === 'buildkit' ? (ctx.sizes.transferBytes ?? null) : null });
  return {
    same: diff.differences.length === 0,
    builders: [side(diff.primary), side(diff.other)],
    differences: diff.differences.map((d) => ({
      path: d.path,
      type: d.kind,
      bytes: d.bytes,
      sentBy: d.sentBy,
      [d.primary.builder]: explanationJson(d.primary, cwd),
      [d.other.builder]: explanationJson(d.other, cwd),
    })),
  };
}

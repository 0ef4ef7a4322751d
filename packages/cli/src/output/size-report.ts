// The size comparison shared by `size` and the default summary. Under the legacy builder: the tar
// upload against the same directory without the ignore file. Under BuildKit: what it sends (the
// paths the Dockerfile reads, with its `transferring context` figure) against what the ignore file
// lets through ("eligible") and the directory without the ignore file.
import { type BuildContext, type ContextSizes, FIGURES, type SizeComparison } from '@ctxlens/core';
import * as nodePath from 'node:path';
import type { Colors } from './color.js';
import { contextJson, type RequestArgs } from './context-json.js';
import { formatCount, formatPercent, formatSize, plural } from './numbers.js';
import { alignColumns } from './table.js';

/** Size figures in JSON. */
export interface SizeJson {
  /** Regular files (a hardlinked file counts once per name). */
  readonly files: number;
  readonly dirs: number;
  readonly symlinks: number;
  /** Every entry sent, directories included. */
  readonly entries: number;
  /** Sum of file sizes, hardlinked content counted once. */
  readonly bytes: number;
  /** Exact size of the legacy builder's tar upload of these entries. */
  readonly tarBytes: number;
  /** `tarBytes` as Docker prints it. */
  readonly dockerSize: string;
  /** BuildKit's `transferring context` figure for a first build, in bytes (0: no load step); null under the legacy builder or when not known. */
  readonly transferBytes: number | null;
  /** `transferBytes` as BuildKit prints it (`684.99kB`; '' for 0); null as transferBytes. */
  readonly transferSize: string | null;
}

function sizeFigures(s: ContextSizes, buildkit: boolean): SizeJson {
  const transfer = buildkit && s.transferBytes !== undefined;
  return {
    files: s.files,
    dirs: s.dirs,
    symlinks: s.symlinks,
    entries: s.entries,
    bytes: s.bytes,
    tarBytes: s.tarBytes,
    dockerSize: s.dockerSize,
    transferBytes: transfer ? s.transferBytes! : null,
    transferSize: transfer ? (s.transferSize ?? '') : null,
  };
}

/**
 * The `size` JSON body (without schemaVersion).
 * @returns the context's figures, the eligible ones, the same without the ignore file, and where they came from
 */
export function sizeJson(both: SizeComparison, args: RequestArgs = {}): Record<string, unknown> {
  const ctx = both.context;
  const buildkit = ctx.builder === 'buildkit';
  return {
    ...contextJson(ctx, args),
    ...sizeFigures(ctx.sizes, buildkit),
    eligible: sizeFigures(ctx.eligibleSizes, buildkit),
    withoutIgnoreFile: sizeFigures(both.unfilteredSizes, false),
    diagnostics: ctx.diagnostics,
  };
}

/** The ignore file's name for labels: `.dockerignore`, or the basename of the one in use. */
export function ignoreFileLabel(context: BuildContext): string | undefined {
  const file = context.inputs.ignoreFile;
  return file === undefined ? undefined : nodePath.basename(file);
}

/**
 * The size table of the builder in use.
 * @returns lines without newlines
 */
export function sizeTable(both: SizeComparison, c: Colors): string[] {
  return both.context.builder === 'buildkit' ? buildkitTable(both, c) : legacyTable(both, c);
}

/** Legacy: the tar upload, without the ignore file, and what the ignore file saves. */
function legacyTable(both: SizeComparison, c: Colors): string[] {
  const now = both.context.sizes;
  const all = both.unfilteredSizes;
  const label = ignoreFileLabel(both.context);
  const header = ['', FIGURES.files.label, FIGURES.bytes.label, FIGURES.tarBytes.label];
  const row = (name: string, s: ContextSizes): string[] => [name, formatCount(s.files), formatSize(s.bytes), s.dockerSize];
  const rows = [header, row(`context (${both.context.builder})`, now)];
  if (label !== undefined) {
    rows.push(row(`without ${label}`, all));
    rows.push(['saved', formatCount(all.files - now.files), formatSize(Math.max(0, all.bytes - now.bytes)), formatSize(Math.max(0, all.tarBytes - now.tarBytes))]);
  }
  const lines = alignColumns(rows, ['left', 'right', 'right', 'right'], (cell, r, col) => (r === 0 ? c.dim(cell) : col === 3 && r === 1 ? c.bold(cell) : cell));
  if (label === undefined) lines.push(c.yellow('No ignore file: Docker sends the whole directory. Try `ctxlens suggest`.'));
  else lines.push(c.dim(`${label} saves ${formatPercent(all.tarBytes - now.tarBytes, all.tarBytes)} of the upload. "${FIGURES.tarBytes.label}" is the exact tar the legacy builder sends, in Docker's units; "${FIGURES.bytes.label}" the files' contents.`));
  return lines;
}

/**
 * BuildKit: what it sends with its `transferring context` figure, what the ignore file lets
 * through (what the legacy builder uploads, and what a `COPY . .` would send), and the directory
 * without the ignore file (files and bytes: BuildKit's figure depends on what the Dockerfile reads).
 */
function buildkitTable(both: SizeComparison, c: Colors): string[] {
  const ctx = both.context;
  const sent = ctx.sizes;
  const eligible = ctx.eligibleSizes;
  const all = both.unfilteredSizes;
  const label = ignoreFileLabel(ctx);
  const nothing = ctx.plan?.scope === 'none';
  const transfer = (s: ContextSizes): string => (s.transferBytes === undefined ? '-' : s.transferBytes === 0 ? 'nothing' : s.transferSize || '0B');
  const row = (name: string, s: ContextSizes, figure = transfer(s)): string[] => [name, formatCount(s.files), formatSize(s.bytes), figure];
  const rows = [['', FIGURES.files.label, FIGURES.bytes.label, FIGURES.transferBytes.label], row('sent (buildkit)', sent)];
  const narrowed = eligible !== sent;
  if (narrowed) rows.push(row(label === undefined ? 'eligible (no ignore file)' : `eligible (${label})`, eligible));
  if (label !== undefined) rows.push(row(`without ${label}`, all, '-'));
  const lines = alignColumns(rows, ['left', 'right', 'right', 'right'], (cell, r, col) => (r === 0 ? c.dim(cell) : col === 3 && r === 1 ? c.bold(cell) : cell));
  lines.push('', ...requestLines(ctx, sent, eligible, c));
  if (nothing) return lines;
  lines.push(c.dim(`"${FIGURES.transferBytes.label}" is BuildKit's "transferring context" figure for a first build; a rebuild on a warm builder sends only what changed (in one measured project, 1.27MB fell to 13.68kB).`));
  if (label === undefined) lines.push(c.yellow('No ignore file: everything the Dockerfile reads is sent. Try `ctxlens suggest`.'));
  else lines.push(c.dim(`${label} keeps ${formatPercent(all.bytes - eligible.bytes, all.bytes)} of the directory's bytes out of reach of the Dockerfile.`));
  return lines;
}

/** What BuildKit asks for and why, in one or two lines. */
function requestLines(ctx: BuildContext, sent: ContextSizes, eligible: ContextSizes, c: Colors): string[] {
  const plan = ctx.plan;
  if (plan?.scope === 'none') return [c.bold('BuildKit sends nothing: no instruction of the target reads the build context (no "load build context" step).')];
  const figure = c.bold(`transferring context: ${sent.transferSize || '0B'}`);
  if (plan?.scope === 'paths') {
    const paths = plan.followPaths ?? [];
    return [`${figure}: only what the Dockerfile reads (${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', ...' : ''}), ${plural(sent.files, 'file')} of ${formatCount(eligible.files)} eligible.`];
  }
  if (plan?.wholeBecause === 'option') return [`${figure}: the whole eligible context (--whole-context, as if the Dockerfile ran COPY . .).`];
  if (plan?.wholeBecause === 'no-dockerfile') return [`${figure}: the whole eligible context, since there is no Dockerfile to read (${ctx.inputs.dockerfileRelative}).`];
  const by = plan?.requests?.requests.filter((r) => r.wholeContext).map((r) => `${plan.requests!.graph.file}:${r.instruction.line} ${r.instruction.text}`) ?? [];
  return [`${figure}: the Dockerfile reads the whole context${by.length > 0 ? ` (${by[0]})` : ''}.`];
}

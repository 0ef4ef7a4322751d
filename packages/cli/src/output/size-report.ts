// The size comparison shared by `size` and the default summary: the context against the same
// directory without the ignore file.
import type { BuildContext, ContextSizes, SizeComparison } from '@ctxlens/core';
import * as nodePath from 'node:path';
import type { Colors } from './color.js';
import { contextJson } from './context-json.js';
import { formatCount, formatPercent, formatSize } from './numbers.js';
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
  /** Exact size of the legacy builder's tar upload. */
  readonly tarBytes: number;
  /** `tarBytes` as Docker prints it. */
  readonly dockerSize: string;
}

function sizeFigures(s: ContextSizes): SizeJson {
  return { files: s.files, dirs: s.dirs, symlinks: s.symlinks, entries: s.entries, bytes: s.bytes, tarBytes: s.tarBytes, dockerSize: s.dockerSize };
}

/**
 * The `size` JSON body (without schemaVersion).
 * @returns the context's figures, the same without the ignore file, and where they came from
 */
export function sizeJson(both: SizeComparison): Record<string, unknown> {
  return {
    ...contextJson(both.context),
    ...sizeFigures(both.context.sizes),
    withoutIgnoreFile: sizeFigures(both.unfilteredSizes),
    diagnostics: both.context.diagnostics,
  };
}

/** The ignore file's name for labels: `.dockerignore`, or the basename of the one in use. */
export function ignoreFileLabel(context: BuildContext): string | undefined {
  const file = context.inputs.ignoreFile;
  return file === undefined ? undefined : nodePath.basename(file);
}

/**
 * The size table: context, without the ignore file, and what the ignore file saves.
 * @returns lines without newlines
 */
export function sizeTable(both: SizeComparison, c: Colors): string[] {
  const now = both.context.sizes;
  const all = both.unfilteredSizes;
  const label = ignoreFileLabel(both.context);
  const header = ['', 'files', 'bytes', 'upload'];
  const row = (name: string, s: ContextSizes): string[] => [name, formatCount(s.files), formatSize(s.bytes), s.dockerSize];
  const rows = [header, row(`context (${both.context.builder})`, now)];
  if (label !== undefined) {
    rows.push(row(`without ${label}`, all));
    rows.push(['saved', formatCount(all.files - now.files), formatSize(Math.max(0, all.bytes - now.bytes)), formatSize(Math.max(0, all.tarBytes - now.tarBytes))]);
  }
  const lines = alignColumns(rows, ['left', 'right', 'right', 'right'], (cell, r, col) => (r === 0 ? c.dim(cell) : col === 3 && r === 1 ? c.bold(cell) : cell));
  if (label === undefined) lines.push(c.yellow('No ignore file: Docker sends the whole directory. Try `ctxlens suggest`.'));
  else lines.push(c.dim(`${label} saves ${formatPercent(all.tarBytes - now.tarBytes, all.tarBytes)} of the upload. "upload" is the exact tar the legacy builder sends, in Docker's units.`));
  return lines;
}

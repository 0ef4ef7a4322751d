// The "top offenders" list of the default summary: biggest units sent, with a line to exclude each.
import type { RankedOffender } from '@ctxlens/core';
import type { Colors } from './color.js';
import { formatSize, plural } from './numbers.js';
import { alignColumns } from './table.js';

/**
 * The suggested line as shown: plain for known bloat, hedged for anything else (it may be needed).
 * @returns e.g. `→ node_modules`, or `→ src (if the image does not need it)`
 */
export function suggestion(line: string | undefined, known: boolean): string {
  if (line === undefined) return '';
  return known ? `→ ${line}` : `→ ${line} (if the image does not need it)`;
}

/**
 * Formats offenders as an aligned table: size, files, path, category, suggested line.
 * @returns lines without newlines (empty when there are none)
 */
export function offenderLines(offenders: readonly RankedOffender[], c: Colors): string[] {
  if (offenders.length === 0) return [];
  const rows = offenders.map((o) => [
    formatSize(o.bytes),
    o.kind === 'dir' ? plural(o.files, 'file') : '',
    o.kind === 'dir' ? `${o.path}/` : o.path,
    o.category ?? '',
    // A plain big directory such as src/ is usually needed: only known bloat gets a line here.
    o.category === undefined ? '' : suggestion(o.pattern, true),
  ]);
  return alignColumns(rows, ['right', 'right', 'left', 'left', 'left'], (cell, _r, col) => (col === 3 ? c.yellow(cell) : col === 4 ? c.dim(cell) : cell)).map((l) => `  ${l}`);
}

/**
 * Offenders in JSON.
 * @returns plain objects with stable field names
 */
export function offendersJson(offenders: readonly RankedOffender[]): object[] {
  return offenders.map((o) => ({ path: o.path, type: o.kind, files: o.files, bytes: o.bytes, category: o.category ?? null, suggestedLine: o.pattern ?? null }));
}

// Where BuildKit and the legacy builder disagree on the same rules: entries one sends and the other
// does not, reported at the topmost such entry (a whole directory counts once).
import type { Builder } from '@ctxlens/core';
import { EntryState, type InventoryTotals } from '@ctxlens/core/live';
import type { Evaluation } from '../state/derive.js';
import type { BuilderDiffRow } from '../state/types.js';

/**
 * Compares two evaluations of the same rules under different builders.
 * @returns up to `limit` rows, biggest first, and how many more there are
 */
export function builderDifferences(totals: InventoryTotals, a: Evaluation, b: Evaluation, limit = 200): { rows: BuilderDiffRow[]; more: number } {
  const inv = totals.inventory;
  const sa = a.context.walk.state;
  const sb = b.context.walk.state;
  // differs[i]: 1 when only `a` sends entry i, 2 when only `b` does.
  const differs = new Uint8Array(inv.count);
  const rows: BuilderDiffRow[] = [];
  for (let i = 1; i < inv.count; i++) {
    const inA = sa[i] === EntryState.Included;
    const inB = sb[i] === EntryState.Included;
    if (inA === inB) continue;
    differs[i] = inA ? 1 : 2;
    // Below a directory already reported the same way: part of that row.
    if (differs[inv.parent[i]!] === differs[i]) continue;
    const sender = inA ? a : b;
    rows.push({ index: i, path: inv.path(i), sentBy: sender.builder as Builder, bytes: sender.selection?.includedBytes[i] ?? totals.entryBytes[i]! });
  }
  rows.sort((x, y) => y.bytes - x.bytes || x.index - y.index);
  return { rows: rows.slice(0, limit), more: Math.max(0, rows.length - limit) };
}

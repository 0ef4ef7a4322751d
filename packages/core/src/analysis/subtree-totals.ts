// Per-entry totals over subtrees, in one reverse pass: children always sit at larger inventory
// indices than their parent, so by the time we reach a directory its entries have been added up.
import type { BuildContext } from '../context/build-context.js';
import type { Inventory } from '../inventory/inventory.js';
import { EntryState } from '../walk/walk-result.js';
import { countsAsFile } from '../context/figures.js';

/** File counts and bytes per inventory entry, each summed over the entry's subtree. */
export interface SubtreeTotals {
  /** Regular files counted: the `files` figure (context/figures.ts), so symlinks are not files here either. */
  readonly files: Float64Array;
  /** Bytes of regular files (a hardlinked file counts once per name). */
  readonly bytes: Float64Array;
}

/**
 * Sums the entries `counted` selects, over each entry's subtree.
 * @returns totals indexed like the inventory
 */
export function subtreeTotals(inv: Inventory, counted: (index: number) => boolean): SubtreeTotals {
  const n = inv.count;
  const files = new Float64Array(n);
  const bytes = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    if (countsAsFile(inv.kind(i)) && counted(i)) {
      files[i]! += 1;
      bytes[i]! += inv.sizes[i]!;
    }
    const p = inv.parent[i]!;
    if (p >= 0) {
      files[p]! += files[i]!;
      bytes[p]! += bytes[i]!;
    }
  }
  return { files, bytes };
}

/**
 * Totals of what the context sends, per subtree. Needs a context whose walk covered the whole
 * inventory (computeContextWithBaseline or evaluateRules on its result).
 * @returns totals of included entries
 */
export function includedTotals(ctx: BuildContext): SubtreeTotals {
  const state = ctx.walk.state;
  return subtreeTotals(ctx.inventory, (i) => state[i] === EntryState.Included);
}

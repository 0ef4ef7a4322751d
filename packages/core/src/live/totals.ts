// Totals a live view (the TUI, an editor) redraws after every rule change, computed with typed
// arrays in O(n) so a million entries cost milliseconds: upload bytes per subtree, which subtrees
// are partly sent, which rule decided each entry, and the context's sizes without describing every
// entry as an object.
import type { BuildContext } from '../context/build-context.js';
import { type ContextSizes, type EntryFigures, entryFigures } from '../context/sizes.js';
import type { Inventory } from '../inventory/inventory.js';
import { EntryState, type WalkResult } from '../walk/walk-result.js';

/** Figures that depend on the tree only, computed once per inventory. */
export interface InventoryTotals {
  readonly inventory: Inventory;
  /** Per entry: bytes it takes in the legacy upload on its own (header plus padded content; 0 for sockets). */
  readonly entryBytes: Float64Array;
  /** Per entry: its legacy bytes (`entryBytes`) and the order-free parts of BuildKit's transfer figure. */
  readonly figures: EntryFigures;
  /** Per entry: `entryBytes` summed over the entry and everything below it. */
  readonly subtreeBytes: Float64Array;
  /** Per entry: number of entries below it. */
  readonly subtreeEntries: Int32Array;
}

/** Bit set in SelectionTotals.flags when the entry or something below it is sent. */
export const SOME_INCLUDED = 1;
/** Bit set in SelectionTotals.flags when the entry or something below it is left out by the ignore file. */
export const SOME_EXCLUDED = 2;
/**
 * Bit set in SelectionTotals.flags when the entry or something below it passes the ignore file but
 * is not sent, because the Dockerfile does not ask for it (BuildKit; only with an `eligible` walk).
 */
export const SOME_NOT_REQUESTED = 4;

/** Figures that depend on one evaluation of the rules. */
export interface SelectionTotals {
  /** Per entry: upload bytes of what is sent from the entry's subtree. */
  readonly includedBytes: Float64Array;
  /** Per entry: SOME_INCLUDED | SOME_EXCLUDED | SOME_NOT_REQUESTED over its subtree (more than one bit: partly sent). */
  readonly flags: Uint8Array;
  /** Per entry: the rule that decided it, inherited from the pruned ancestor for unreached entries; -1 for none. */
  readonly decider: Int32Array;
}

/**
 * Per-entry and per-subtree upload bytes of the whole tree (children always follow their parent
 * in the inventory, so one reverse pass sums every subtree).
 * @returns the tree's constant totals
 */
export function inventoryTotals(inv: Inventory): InventoryTotals {
  const n = inv.count;
  const figures = entryFigures(inv);
  const entryBytes = figures.tarBytes;
  const subtreeBytes = Float64Array.from(entryBytes);
  const subtreeEntries = new Int32Array(n);
  for (let i = n - 1; i > 0; i--) {
    const p = inv.parent[i]!;
    subtreeBytes[p]! += subtreeBytes[i]!;
    subtreeEntries[p]! += subtreeEntries[i]! + 1;
  }
  return { inventory: inv, entryBytes, figures, subtreeBytes, subtreeEntries };
}

/**
 * Sums one evaluation over the tree in O(n).
 * @param eligible the walk of everything the ignore file lets through (BuildContext.eligibleWalk, or
 *   a `wholeContext` evaluation), when it differs from `walk`: entries it sends and `walk` does not
 *   are flagged SOME_NOT_REQUESTED instead of SOME_EXCLUDED
 * @returns included bytes per subtree, partly-sent flags and the deciding rule of each entry
 */
export function selectionTotals(totals: InventoryTotals, walk: WalkResult, eligible?: WalkResult): SelectionTotals {
  const inv = totals.inventory;
  const n = inv.count;
  const { state, deciding } = walk;
  const includedBytes = new Float64Array(n);
  const flags = new Uint8Array(n);
  const decider = new Int32Array(n);
  decider[0] = -1;
  // Parents come first: an unreached entry takes the rule of the directory that was pruned.
  for (let i = 1; i < n; i++) {
    const s = state[i];
    decider[i] = s === EntryState.Unreached ? decider[inv.parent[i]!]! : deciding[i]!;
    if (s === EntryState.Included) {
      includedBytes[i] = totals.entryBytes[i]!;
      flags[i] = SOME_INCLUDED;
    } else flags[i] = eligible?.state[i] === EntryState.Included ? SOME_NOT_REQUESTED : SOME_EXCLUDED;
  }
  for (let i = n - 1; i > 0; i--) {
    const p = inv.parent[i]!;
    includedBytes[p]! += includedBytes[i]!;
    flags[p]! |= flags[i]!;
  }
  return { includedBytes, flags, decider };
}

/**
 * The context's sizes, equal to `context.sizes`, from the precomputed entry bytes.
 * @returns counts, file bytes, upload bytes and Docker's printed size
 */
export function fastContextSizes(totals: InventoryTotals, context: BuildContext): ContextSizes {
  return context.sizesFrom(totals.figures);
}

// Finding an inventory entry by its context-relative path.
import type { Inventory } from '@ctxlens/core/live';

/**
 * Looks a path up in the inventory.
 * @returns the entry's index, or undefined when there is no such entry
 */
export function findEntry(inv: Inventory, path: string): number | undefined {
  const i = inv.indexOf(path === '.' ? '' : path);
  return i < 0 ? undefined : i;
}

// Finding an inventory entry by its context-relative path, one directory level at a time.
import type { Inventory } from '@ctxlens/core';

/**
 * Looks a path up in the inventory.
 * @returns the entry's index, or undefined when there is no such entry
 */
export function findEntry(inv: Inventory, path: string): number | undefined {
  if (path === '' || path === '.') return 0;
  let dir = 0;
  let prefix = '';
  for (const part of path.split('/')) {
    if (!inv.isDir(dir)) return undefined;
    const want = prefix + part;
    const [start, n] = inv.children(dir);
    let found = -1;
    for (let c = start; c < start + n; c++) {
      if (inv.paths[c] === want) {
        found = c;
        break;
      }
    }
    if (found < 0) return undefined;
    dir = found;
    prefix = want + '/';
  }
  return dir;
}

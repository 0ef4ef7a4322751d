// BuildKit (the default builder): tonistiigi/fsutil's filter walk, run by the client when BuildKit
// asks for the context. Differences from the legacy client that users feel:
// - once any exception holds a glob character (after dropping a trailing "/*" or "/**"), every
//   excluded directory is walked, so `!**/*.go` can re-include files anywhere;
// - an excluded directory holding a re-included entry is sent as a directory entry;
// - the Dockerfile and ignore file are not forced in;
// - a permission error inside an excluded directory is ignored.
import { InputError } from '../errors.js';
import type { Inventory } from '../inventory/inventory.js';
import type { WalkInfo } from '../patterns/matcher.js';
import type { PatternSet } from '../patterns/pattern-set.js';
import { excludedDirEntry } from './enter-excluded.js';
import { WalkRecorder, type WalkResult } from './walk-result.js';

/**
 * fsutil's filtered walk over an inventory.
 * @returns each entry's state, the send order (parents of re-included entries just before them)
 * @throws InputError when a directory BuildKit must read cannot be read
 */
export function walkBuildKit(inv: Inventory, set: PatternSet): WalkResult {
  const enters = excludedDirEntry(set, 'buildkit');
  const walk = new WalkRecorder(
    inv,
    set,
    (error, path) => ({
      code: 'buildkit-rule-error',
      severity: 'error',
      path,
      message: `BuildKit stops with "failed to match excludepatterns: ${error.message}" at "${path}" (${error.file}:${error.line}).`,
    }),
    'buildkit',
  );
  // Per depth on the current path: an excluded directory entered but not sent yet (sent just
  // before the first entry below it that is included), or -1.
  const pendingParents: number[] = [];
  const visit = (dir: number, info: WalkInfo | undefined, depth: number): boolean => {
    const [start, n] = inv.children(dir);
    for (let c = start; c < start + n; c++) {
      const childInfo = walk.decide(c, depth, info);
      if (childInfo === undefined) return false;
      const isDir = inv.isDir(c);
      if (walk.excluded) {
        if (!isDir || !enters(inv.path(c))) continue;
        inv.children(c);
        // Unreadable but excluded: BuildKit shrugs.
        if (inv.problems.has(c)) continue;
        pendingParents.length = depth;
        pendingParents.push(c);
        if (!visit(c, childInfo, depth + 1)) return false;
        continue;
      }
      for (let d = 0; d < depth && d < pendingParents.length; d++) {
        const p = pendingParents[d]!;
        if (p >= 0) {
          walk.send(p);
          pendingParents[d] = -1;
        }
      }
      walk.send(c);
      if (isDir) {
        inv.children(c);
        const problem = inv.problems.get(c);
        if (problem) {
          const path = inv.path(c);
          throw new InputError('PERMISSION_DENIED', `BuildKit cannot read "${path}": ${problem.message}`, path, 'Make it readable, or exclude it in .dockerignore.');
        }
        pendingParents.length = depth;
        pendingParents.push(-1);
        if (!visit(c, childInfo, depth + 1)) return false;
      }
    }
    return true;
  };
  visit(0, undefined, 0);
  return walk.result();
}

// BuildKit (the default builder): tonistiigi/fsutil's filter walk, run by the client when BuildKit
// asks for the context. Differences from the legacy client that users feel:
// - once any exception holds a glob character (after dropping a trailing "/*" or "/**"), every
//   excluded directory is walked, so `!**/*.go` can re-include files anywhere;
// - an excluded directory holding a re-included entry is sent as a directory entry;
// - the Dockerfile and ignore file are not forced in;
// - a permission error inside an excluded directory is ignored.
import type { Diagnostic } from '../diagnostics.js';
import { IgnoreFileError, InputError } from '../errors.js';
import type { Inventory } from '../inventory/inventory.js';
import { createWalkMatcher, type WalkInfo } from '../patterns/matcher.js';
import type { PatternSet } from '../patterns/pattern-set.js';
import { excludedDirEntry } from './enter-excluded.js';
import { EntryState, type WalkResult } from './walk-result.js';

/**
 * fsutil's filtered walk over an inventory.
 * @returns each entry's state, the send order (parents of re-included entries just before them)
 * @throws InputError when a directory BuildKit must read cannot be read
 */
export function walkBuildKit(inv: Inventory, set: PatternSet): WalkResult {
  const state = new Uint8Array(inv.count);
  const deciding = new Int32Array(inv.count).fill(-1);
  const order: number[] = [];
  const diagnostics: Diagnostic[] = [];
  const enters = excludedDirEntry(set, 'buildkit');
  // Excluded directories entered on the way down, not sent yet: sent once something below is included.
  const pendingParents: number[] = [];
  let failure: WalkResult['failure'];

  const { match, out } = createWalkMatcher(set);
  const visit = (dir: number, info: WalkInfo | undefined, depth: number): boolean => {
    const [start, n] = inv.children(dir);
    for (let c = start; c < start + n; c++) {
      const path = inv.paths[c]!;
      const isDir = inv.isDir(c);
      let childInfo: WalkInfo;
      try {
        childInfo = match(path, depth, info, isDir);
      } catch (error) {
        if (!(error instanceof IgnoreFileError)) throw error;
        failure = { error, path };
        diagnostics.push({ code: 'buildkit-rule-error', severity: 'error', path, message: `BuildKit stops with "failed to match excludepatterns: ${error.message}" at "${path}" (${error.file}:${error.line}).` });
        return false;
      }
      deciding[c] = out.deciding;
      if (out.excluded) {
        state[c] = EntryState.Excluded;
        if (!isDir || !enters(path)) continue;
        inv.children(c);
        // Unreadable but excluded: BuildKit shrugs.
        if (inv.problems.has(c)) continue;
        pendingParents.length = depth;
        pendingParents.push(c);
        if (!visit(c, childInfo, depth + 1)) return false;
        continue;
      }
      state[c] = EntryState.Included;
      for (let d = 0; d < depth && d < pendingParents.length; d++) {
        const p = pendingParents[d]!;
        if (p >= 0) {
          order.push(p);
          pendingParents[d] = -1;
        }
      }
      if (inv.kind(c) === 'socket') {
        diagnostics.push({ code: 'socket-skipped', severity: 'info', path, message: 'Sockets carry no data; ctxlens leaves them out of the context.' });
      } else {
        order.push(c);
      }
      if (isDir) {
        inv.children(c);
        if (inv.problems.has(c)) {
          const problem = inv.problems.get(c)!;
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
  return { state, deciding, order, failure, diagnostics };
}

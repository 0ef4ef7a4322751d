// The legacy builder (DOCKER_BUILDKIT=0): the docker CLI walks the context itself, in two passes.
// 1. ValidateContextDirectory: MatchesOrParentMatches on every path, never entering an excluded
//    directory (exceptions are ignored here); fails on rule errors and unreadable paths.
// 2. TarWithOptions: MatchesUsingParentResults, entering an excluded directory only when some
//    exception's text starts with "dir/"; excluded directories get no tar entry of their own.
import type { Diagnostic } from '../diagnostics.js';
import { IgnoreFileError, InputError } from '../errors.js';
import type { Inventory } from '../inventory/inventory.js';
import { createWalkMatcher, matchesOrParentMatches, type WalkInfo } from '../patterns/matcher.js';
import type { PatternSet } from '../patterns/pattern-set.js';
import { excludedDirEntry } from './enter-excluded.js';
import { EntryState, type WalkResult } from './walk-result.js';

/** Options for the legacy walk. */
export interface LegacyWalkOptions {
  /** Run the pre-flight pass. It can only fail on rule errors or unreadable paths, so callers skip it when neither is possible. */
  readonly validate: boolean;
  /** Check read permission of included files (only meaningful when not running as root). */
  readonly checkReadable: boolean;
  /** Throws when the file cannot be opened for reading. */
  readonly accessRead: (absPath: string) => void;
}

/**
 * The pre-flight pass of the legacy client. filepath.Walk reads a directory before asking whether
 * it is excluded, so an unreadable directory fails the build even when .dockerignore lists it.
 * @throws IgnoreFileError when a reached rule does not compile; InputError for unreadable paths
 */
export function validateLegacy(inv: Inventory, set: PatternSet, options: LegacyWalkOptions): void {
  const cantStat = (i: number): InputError =>
    new InputError(
      'PERMISSION_DENIED',
      `error checking context: can't stat '${inv.absolutePath(i)}'`,
      inv.paths[i]!,
      "The legacy builder reads every directory it meets, even excluded ones; make it readable or build with BuildKit, which skips unreadable excluded directories.",
    );
  const visit = (dir: number): void => {
    const [start, n] = inv.children(dir);
    if (inv.problems.has(dir)) throw cantStat(dir);
    for (let c = start; c < start + n; c++) {
      const kind = inv.kind(c);
      if (kind === 'dir') inv.children(c);
      if (inv.problems.has(c) && kind !== 'symlink') throw cantStat(c);
      const path = inv.paths[c]!;
      if (matchesOrParentMatches(set, path).excluded) continue;
      if (kind === 'dir') visit(c);
      else if (options.checkReadable && kind !== 'symlink' && kind !== 'fifo') {
        try {
          options.accessRead(inv.absolutePath(c));
        } catch {
          throw new InputError('PERMISSION_DENIED', `error checking context: no permission to read from '${inv.absolutePath(c)}'`, path, 'Make it readable, or exclude it in .dockerignore.');
        }
      }
    }
  };
  visit(0);
}

/**
 * The tar pass of the legacy client, over an inventory.
 * @returns each entry's state, the send order, and a failure if a rule error truncated the walk
 */
export function walkLegacy(inv: Inventory, set: PatternSet): WalkResult {
  const state = new Uint8Array(inv.count);
  const deciding = new Int32Array(inv.count).fill(-1);
  const order: number[] = [];
  const diagnostics: Diagnostic[] = [];
  const enters = excludedDirEntry(set, 'legacy');
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
        diagnostics.push({
          code: 'legacy-truncated-context',
          severity: 'error',
          path,
          message: `The legacy client hits a rule it cannot compile at "${path}" (${error.toString()}), logs "Error matching" and silently sends only the entries before it.`,
        });
        return false;
      }
      deciding[c] = out.deciding;
      if (out.excluded) {
        state[c] = EntryState.Excluded;
        if (!isDir || !enters(path)) continue;
      } else {
        state[c] = EntryState.Included;
        if (inv.kind(c) === 'socket') {
          diagnostics.push({ code: 'socket-skipped', severity: 'info', path, message: 'Sockets cannot be archived; the legacy client logs an error and leaves it out.' });
        } else {
          order.push(c);
        }
      }
      if (isDir && !visit(c, childInfo, depth + 1)) return false;
    }
    return true;
  };
  visit(0, undefined, 0);
  return { state, deciding, order, failure, diagnostics };
}

// The legacy builder (DOCKER_BUILDKIT=0): the docker CLI walks the context itself, in two passes.
// 1. ValidateContextDirectory: MatchesOrParentMatches on every path, never entering an excluded
//    directory (exceptions are ignored here); fails on rule errors and unreadable paths.
// 2. TarWithOptions: MatchesUsingParentResults, entering an excluded directory only when some
//    exception's text starts with "dir/"; excluded directories get no tar entry of their own.
import { InputError } from '../errors.js';
import type { Inventory } from '../inventory/inventory.js';
import { matchesOrParentMatches, type WalkInfo } from '../patterns/matcher.js';
import type { PatternSet } from '../patterns/pattern-set.js';
import { excludedDirEntry } from './enter-excluded.js';
import { WalkRecorder, type WalkResult } from './walk-result.js';

/** Options for the legacy walk. */
export interface LegacyWalkOptions {
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
      inv.path(i),
      "The legacy builder reads every directory it meets, even excluded ones; make it readable or build with BuildKit, which skips unreadable excluded directories.",
    );
  const visit = (dir: number): void => {
    const [start, n] = inv.children(dir);
    if (inv.problems.has(dir)) throw cantStat(dir);
    for (let c = start; c < start + n; c++) {
      const kind = inv.kind(c);
      if (kind === 'dir') inv.children(c);
      if (inv.problems.has(c) && kind !== 'symlink') throw cantStat(c);
      const path = inv.path(c);
      if (matchesOrParentMatches(set, path).excluded) continue;
      if (kind === 'dir') visit(c);
      else if (options.checkReadable && kind !== 'symlink' && kind !== 'fifo') {
        try {
          options.accessRead(inv.fsPath(c));
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
  const enters = excludedDirEntry(set, 'legacy');
  const walk = new WalkRecorder(
    inv,
    set,
    (error, path) => ({
      code: 'legacy-truncated-context',
      severity: 'error',
      path,
      message: `The legacy client hits a rule it cannot compile at "${path}" (${error.toString()}), logs "Error matching" and silently sends only the entries before it.`,
    }),
    'legacy',
  );
  const visit = (dir: number, info: WalkInfo | undefined, depth: number): boolean => {
    const [start, n] = inv.children(dir);
    for (let c = start; c < start + n; c++) {
      const childInfo = walk.decide(c, depth, info);
      if (childInfo === undefined) return false;
      const isDir = inv.isDir(c);
      if (walk.excluded) {
        // An excluded directory is entered (without an entry of its own) only for a literal exception below it.
        if (!isDir || !enters(inv.path(c))) continue;
      } else {
        walk.send(c);
      }
      if (isDir && !visit(c, childInfo, depth + 1)) return false;
    }
    return true;
  };
  visit(0, undefined, 0);
  return walk.result();
}

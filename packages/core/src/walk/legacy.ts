// The legacy builder (DOCKER_BUILDKIT=0): the docker CLI walks the context itself, in two passes.
// 1. ValidateContextDirectory: MatchesOrParentMatches on every path, never entering an excluded
//    directory (exceptions are ignored here); fails on rule errors and unreadable paths.
// 2. TarWithOptions: MatchesUsingParentResults, entering an excluded directory only when some
//    exception's text starts with "dir/"; excluded directories get no tar entry of their own.
import { InputError } from '../errors.js';
import type { Inventory } from '../inventory/inventory.js';
import { rawByteLength } from '../inventory/raw-names.js';
import { matchesOrParentMatches, type WalkInfo } from '../patterns/matcher.js';
import type { PatternSet } from '../patterns/pattern-set.js';
import { excludedDirEntry } from './enter-excluded.js';
import { WalkRecorder, type WalkResult } from './walk-result.js';

/** Linux's PATH_MAX: a path of this many bytes (its NUL makes one more) is too long for a system call. */
const PATH_MAX = 4096;
/** The longest file name, in UTF-16 units (255 bytes on Linux file systems). */
const NAME_MAX = 255;

/** Bytes of the context's absolute path and the slash before an entry's relative path. */
const rootPrefixBytes = (inv: Inventory): number => (inv.root === '/' ? 1 : rawByteLength(inv.root) + 1);

/**
 * Whether some entry read so far might have a path too long for Docker's lstat (validateLegacy),
 * so the pre-flight pass must run even when no rule error or unreadable file can stop it. A UTF-16
 * unit is at most 3 UTF-8 bytes. Directories only the pre-flight pass would read are not counted.
 * @returns false when no path can reach PATH_MAX
 */
export function mayHitPathMax(inv: Inventory): boolean {
  return rootPrefixBytes(inv) + 3 * (inv.longestDirPath() + 1 + NAME_MAX) >= PATH_MAX;
}

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
      "The legacy builder reads every directory it meets, even excluded ones; make it readable, or build with BuildKit, which skips an unreadable excluded directory unless an exception (!rule) could re-include something below it.",
    );
  // filepath.Walk lstat's every entry of every directory it enters, joined to the absolute context
  // path, before asking whether it is excluded; the kernel refuses a path of PATH_MAX bytes or more
  // with ENAMETOOLONG. ctxlens reads through shorter relative paths, so it never meets that error
  // and works out the length Docker passes instead (a UTF-16 unit is at most 3 UTF-8 bytes, so
  // only long paths are measured).
  const rootBytes = rootPrefixBytes(inv);
  const tooLong = (path: string): boolean => rootBytes + path.length * 3 >= PATH_MAX && rootBytes + rawByteLength(path) >= PATH_MAX;
  const visit = (dir: number): void => {
    const [start, n] = inv.children(dir);
    if (inv.problems.has(dir)) throw cantStat(dir);
    for (let c = start; c < start + n; c++) {
      const path = inv.path(c);
      if (tooLong(path)) {
        throw new InputError('INPUT_INVALID', `error checking context: lstat ${inv.absolutePath(c)}: file name too long`, path, `Its full path is ${PATH_MAX} bytes or longer, which the legacy client cannot lstat; exclude a directory above it in .dockerignore (excluding the entry itself does not help: Docker lstat's it first) or build from a shorter path.`);
      }
      const kind = inv.kind(c);
      if (kind === 'dir') inv.children(c);
      if (inv.problems.has(c) && kind !== 'symlink') throw cantStat(c);
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

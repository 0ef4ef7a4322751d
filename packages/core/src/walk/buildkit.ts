// BuildKit (the default builder): tonistiigi/fsutil's filter walk, run by the client when BuildKit
// asks for the context. Differences from the legacy client that users feel:
// - once any exception holds a glob character (after dropping a trailing "/*" or "/**"), every
//   excluded directory is walked, so `!**/*.go` can re-include files anywhere;
// - an excluded directory holding a re-included entry is sent as a directory entry;
// - the Dockerfile and ignore file are not forced in;
// - a directory the walk skips unopened (excluded with no exception that could reach below it, or
//   outside every requested path) may be unreadable; one it opens may not, excluded or not.
//   Seen on the real BuildKit with an unprivileged client: `d` with `!**/f`, or `d` with `!d/f`,
//   fails with "error from sender: open <dir>/d: permission denied"; `d` alone, or `*` with `!g`, does not.
//
// With a Dockerfile, BuildKit asks only for the paths its instructions read: they arrive as include
// patterns (follow-links.ts), matched the same way as the ignore file's but first. An entry is sent
// when it matches them and the ignore file does not exclude it; directories on the way to a sent
// entry are sent just before it. A directory the include patterns do not match is entered only when
// some pattern could match below it: by prefix, unless a pattern holds a glob, which makes fsutil
// walk every such directory.
import { IgnoreFileError, InputError } from '../errors.js';
import type { Inventory } from '../inventory/inventory.js';
import { createWalkMatcher, type WalkInfo } from '../patterns/matcher.js';
import type { PatternSet } from '../patterns/pattern-set.js';
import { excludedDirEntry, includedDirEntry } from './enter-excluded.js';
import { EntryState, WalkRecorder, type WalkResult } from './walk-result.js';

/** Include flags of a directory on the current path, and the ignore file's. */
interface Flags {
  readonly exclude: WalkInfo | undefined;
  readonly include: WalkInfo | undefined;
}

/**
 * fsutil's filtered walk over an inventory.
 * @param include the include patterns BuildKit asked for (followLinks), or undefined for everything
 * @returns each entry's state (NotRequested for entries the include patterns leave out), the send
 *   order (parents of re-included or requested entries just before them)
 * @throws InputError when a directory BuildKit must read cannot be read
 */
export function walkBuildKit(inv: Inventory, set: PatternSet, include?: PatternSet): WalkResult {
  const enters = excludedDirEntry(set, 'buildkit');
  const includeMatcher = include === undefined ? undefined : createWalkMatcher(include);
  const entersUnrequested = include === undefined ? undefined : includedDirEntry(include);
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
  // Only indexes below the current depth are read, all set by the directories on the current path.
  const pendingParents: number[] = [];
  // One path callback for the whole walk (the matchers build a path only when a rule needs it).
  let current = 0;
  const pathOf = (): string => inv.path(current);
  const visit = (dir: number, info: Flags, depth: number): boolean => {
    const [start, n] = inv.children(dir);
    for (let c = start; c < start + n; c++) {
      const isDir = inv.isDir(c);
      let includeInfo: WalkInfo | undefined;
      let unrequested = false;
      if (includeMatcher !== undefined) {
        current = c;
        try {
          includeInfo = includeMatcher.match(pathOf, depth, info.include, isDir);
        } catch (error) {
          if (!(error instanceof IgnoreFileError)) throw error;
          throw new InputError('INPUT_INVALID', `BuildKit fails with "failed to match includepatterns: ${error.message}" at "${inv.path(c)}": a path the Dockerfile asks for is not a valid pattern (${error.pattern}).`, inv.path(c));
        }
        // The matcher speaks ignore-file language: a plain pattern's match "excludes", which for
        // include patterns means the entry is requested.
        if (!includeMatcher.out.excluded) {
          if (isDir && !entersUnrequested!(inv.path(c))) continue;
          unrequested = true;
        }
      }
      const excludeInfo = walk.decide(c, depth, info.exclude);
      if (excludeInfo === undefined) return false;
      if (walk.excluded || unrequested) {
        if (unrequested && !walk.excluded) walk.mark(c, EntryState.NotRequested);
        if (!isDir || (walk.excluded && !enters(inv.path(c)))) continue;
        inv.children(c);
        if (inv.problems.has(c)) throw unreadableDirectory(inv, c, false);
        pendingParents[depth] = c;
        if (!visit(c, { exclude: excludeInfo, include: includeInfo }, depth + 1)) return false;
        continue;
      }
      for (let d = 0; d < depth; d++) {
        const p = pendingParents[d]!;
        if (p >= 0) {
          walk.send(p);
          pendingParents[d] = -1;
        }
      }
      walk.send(c);
      if (isDir) {
        inv.children(c);
        if (inv.problems.has(c)) throw unreadableDirectory(inv, c, true);
        pendingParents[depth] = -1;
        if (!visit(c, { exclude: excludeInfo, include: includeInfo }, depth + 1)) return false;
      }
    }
    return true;
  };
  visit(0, { exclude: undefined, include: undefined }, 0);
  return walk.result();
}

/**
 * The error of a directory fsutil's walk opens and cannot read: BuildKit fails the build with
 * "error from sender: open <absolute path>: permission denied", whether the directory is sent or
 * only entered (`sent` false) to look for re-included or requested entries below it.
 */
function unreadableDirectory(inv: Inventory, c: number, sent: boolean): InputError {
  const path = inv.path(c);
  const problem = inv.problems.get(c)!;
  const denied = /EACCES|EPERM|permission denied/i.test(`${problem.code} ${problem.message}`);
  return new InputError(
    'PERMISSION_DENIED',
    `BuildKit cannot read "${path}": the build fails with "error from sender: open ${inv.absolutePath(c)}: ${denied ? 'permission denied' : problem.message}"${sent ? '' : ' (BuildKit opens it, though it sends nothing of it, to look for entries below it that an exception or a requested path brings back)'}`,
    path,
    sent ? 'Make it readable, or exclude it in .dockerignore.' : 'Make it readable; excluding it helps only when no exception (!rule) and no glob in a COPY source could reach below it.',
  );
}

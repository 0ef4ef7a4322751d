// The three ways Docker evaluates a pattern set against a path. All share "last match wins" and
// the skip rule that makes parent matching order-dependent: a pattern is only consulted when it
// could flip the current state (an exclude while included, an exception while excluded).
import { goClean, goDir } from '../ignorefile/go-strings.js';
import { countSlashes, type PatternSet } from './pattern-set.js';

/** Per-pattern "matched this directory or an ancestor" flags, handed from a directory to its entries. */
export type MatchInfo = Uint8Array;

/** The outcome of matching one path. */
export interface Verdict {
  /** True when the path is excluded from the context. */
  readonly excluded: boolean;
  /** Index of the last pattern that matched and set the state, or -1 when none did. */
  readonly deciding: number;
}

/** A verdict plus the flags a walker passes down to the directory's entries. */
export interface WalkVerdict extends Verdict {
  readonly info: MatchInfo;
}

function ancestors(path: string): string[] {
  const parent = goDir(path);
  if (parent === '.') return [];
  const parts = parent.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * patternmatcher MatchesOrParentMatches: a pattern counts if it matches the path or any ancestor.
 * Used by the legacy builder's pre-flight check and by BuildKit's file reads.
 * @returns whether the path is excluded and which pattern decided
 * @throws IgnoreFileError when a reached pattern's regexp does not compile
 */
export function matchesOrParentMatches(set: PatternSet, path: string): Verdict {
  let excluded = false;
  let deciding = -1;
  let parents: string[] | undefined;
  const slashes = countSlashes(path);
  for (const pattern of set.patterns) {
    if (pattern.exclusion !== excluded) continue;
    let match = pattern.matches(path, slashes);
    if (!match) {
      parents ??= ancestors(path);
      match = parents.some((dir) => pattern.matches(dir));
    }
    if (match) {
      excluded = !pattern.exclusion;
      deciding = pattern.index;
    }
  }
  return { excluded, deciding };
}

/**
 * patternmatcher MatchesUsingParentResults: what both builders' walkers call. A pattern matched by
 * the parent directory counts without re-testing; the others are tested against the path alone.
 * A pattern skipped for the parent is not remembered as matched even if it would have matched,
 * which is why `d/*` then `!d` leaves `d/x` excluded here while MatchesOrParentMatches includes it.
 * @param parent flags of the containing directory; undefined for entries of the context root
 * @param onMatch told of each pattern that matched, and whether the match was inherited (for explain)
 * @returns the verdict and the flags to hand to this path's entries if it is a directory
 * @throws IgnoreFileError when a reached pattern's regexp does not compile
 */
export function matchesUsingParentResults(
  set: PatternSet,
  path: string,
  parent: MatchInfo | undefined,
  onMatch?: (index: number, inherited: boolean) => void,
): WalkVerdict {
  const patterns = set.patterns;
  const info = new Uint8Array(patterns.length);
  let excluded = false;
  let deciding = -1;
  let slashes = -1;
  for (let i = 0; i < patterns.length; i++) {
    const pattern = patterns[i]!;
    let match = parent !== undefined && parent[i] === 1;
    if (!match) {
      if (pattern.exclusion !== excluded) continue;
      if (slashes < 0) slashes = countSlashes(path);
      match = pattern.matches(path, slashes);
      if (!match && parent === undefined && slashes > 0) match = ancestors(path).some((dir) => pattern.matches(dir));
    }
    if (match) {
      info[i] = 1;
      excluded = !pattern.exclusion;
      deciding = i;
      onMatch?.(i, parent !== undefined && parent[i] === 1);
    }
  }
  return { excluded, deciding, info };
}

/**
 * patternmatcher's deprecated Matches: checks the path, then only the ancestor at the pattern's
 * own depth. Docker's legacy client still uses it to decide whether to re-include the Dockerfile
 * and .dockerignore (TrimBuildFilesFromExcludes), and treats a regexp error as "not excluded".
 * @returns true when the path counts as excluded
 */
export function matchesSingleDepth(set: PatternSet, file: string): boolean {
  const path = goClean(file);
  if (path === '.') return false;
  const parent = goDir(path);
  const parentParts = parent.split('/');
  let excluded = false;
  try {
    for (const pattern of set.patterns) {
      if (pattern.exclusion !== excluded) continue;
      let match = pattern.matches(path);
      if (!match && parent !== '.' && pattern.segments <= parentParts.length) {
        try {
          match = pattern.matches(parentParts.slice(0, pattern.segments).join('/'));
        } catch {
          match = false;
        }
      }
      if (match) excluded = !pattern.exclusion;
    }
  } catch {
    return false;
  }
  return excluded;
}

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

/** Reused for entries whose flags nobody reads (files), so the hot loop allocates nothing for them. */
let scratch = new Uint8Array(64);

/**
 * patternmatcher MatchesUsingParentResults: what both builders' walkers call. A pattern matched by
 * the parent directory counts without re-testing; the others are tested against the path alone.
 * A pattern skipped for the parent is not remembered as matched even if it would have matched,
 * which is why `d/*` then `!d` leaves `d/x` excluded here while MatchesOrParentMatches includes it.
 * @param parent flags of the containing directory; undefined for entries of the context root
 * @param onMatch told of each pattern that matched, and whether the match was inherited (for explain)
 * @param options.slashes the path's `/` count when the caller knows it (walkers do: it is the depth)
 * @param options.keepInfo false when the flags will not be handed down (not a directory); they are then only valid until the next call
 * @returns the verdict and the flags to hand to this path's entries if it is a directory
 * @throws IgnoreFileError when a reached pattern's regexp does not compile
 */
export function matchesUsingParentResults(
  set: PatternSet,
  path: string,
  parent: MatchInfo | undefined,
  onMatch?: (index: number, inherited: boolean) => void,
  options?: { slashes?: number; keepInfo?: boolean },
): WalkVerdict {
  const patterns = set.patterns;
  const n = patterns.length;
  let info: Uint8Array;
  if (options?.keepInfo === false) {
    if (scratch.length < n) scratch = new Uint8Array(n * 2);
    info = scratch.subarray(0, n);
    info.fill(0);
  } else {
    info = new Uint8Array(n);
  }
  let excluded = false;
  let deciding = -1;
  let slashes = options?.slashes ?? -1;
  for (let i = 0; i < n; i++) {
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

/** A directory's match flags as a walker carries them: a bit mask for up to 30 rules, else bytes. */
export type WalkInfo = number | MatchInfo;

/** Outcome registers of the last WalkMatcher call; reading them avoids allocating per entry. */
export interface WalkRegisters {
  excluded: boolean;
  deciding: number;
}

/**
 * Matches one walked entry given its parent's flags; returns the flags for its own entries. The
 * path is asked for only when some rule can match at this depth: most entries of a big tree never
 * need theirs built.
 */
export type WalkMatcher = (pathOf: () => string, slashes: number, parent: WalkInfo | undefined, isDir: boolean) => WalkInfo;

/**
 * Builds the walkers' matcher: MatchesUsingParentResults semantics, allocation-free for rule sets
 * of up to 30 rules (flags in one integer), which is what keeps a million-entry re-evaluation fast.
 * @returns the matcher and the registers it writes each verdict to
 * @throws IgnoreFileError (from the matcher) when a reached rule does not compile
 */
export function createWalkMatcher(set: PatternSet): { match: WalkMatcher; out: WalkRegisters } {
  const out: WalkRegisters = { excluded: false, deciding: -1 };
  const patterns = set.patterns;
  const n = patterns.length;
  if (n > 30) {
    return {
      out,
      match: (pathOf, slashes, parent, isDir) => {
        const verdict = matchesUsingParentResults(set, pathOf(), parent as MatchInfo | undefined, undefined, { slashes, keepInfo: isDir });
        out.excluded = verdict.excluded;
        out.deciding = verdict.deciding;
        return verdict.info;
      },
    };
  }
  return {
    out,
    match: (pathOf, slashes, parent) => {
      const inherited = (parent as number | undefined) ?? 0;
      let path: string | undefined;
      let bits = 0;
      let excluded = false;
      let deciding = -1;
      for (let i = 0; i < n; i++) {
        const pattern = patterns[i]!;
        let match = (inherited >>> i) & 1;
        if (match === 0) {
          if (pattern.exclusion !== excluded) continue;
          // Walkers start at the root, so a root entry has no ancestors to check (slashes is 0).
          if (pattern.canMatchDepth(slashes) && pattern.matches((path ??= pathOf()), slashes)) match = 1;
        }
        if (match === 1) {
          bits |= 1 << i;
          excluded = !pattern.exclusion;
          deciding = i;
        }
      }
      out.excluded = excluded;
      out.deciding = deciding;
      return bits;
    },
  };
}

// When does a builder walk into a directory its rules exclude? Only then can an exception below it
// re-include anything, so this one decision shapes both what is sent and how long the walk takes.
import type { Builder } from '../options.js';
import { matchesOrParentMatches } from '../patterns/matcher.js';
import type { PatternSet } from '../patterns/pattern-set.js';

/** Characters that make fsutil give up on prefix-only pruning (`\` counts on Unix). */
const GLOB_CHARS = /[*[\]?^\\]/;

/** fsutil's patternWithoutTrailingGlob: drops one trailing "/**", then one trailing "/*". */
function withoutTrailingGlob(text: string): string {
  const t = text.endsWith('/**') ? text.slice(0, -3) : text;
  return t.endsWith('/*') ? t.slice(0, -2) : t;
}

/**
 * True when BuildKit prunes excluded directories by comparing exception prefixes; false when some
 * exception holds a glob, so BuildKit walks every excluded directory.
 */
export function buildkitPrunesByPrefix(set: PatternSet): boolean {
  return !set.patterns.some((p) => p.exclusion && GLOB_CHARS.test(withoutTrailingGlob(p.text)));
}

/**
 * Builds the test a walker applies to an excluded directory.
 * Legacy (moby TarWithOptions): enter only if some exception's text starts with "dir/".
 * BuildKit (fsutil): the same with trailing globs dropped, or always once an exception has a glob.
 * @returns a function of the directory's path telling whether the walk enters it
 */
export function excludedDirEntry(set: PatternSet, builder: Builder): (dirPath: string) => boolean {
  if (!set.hasExclusions) return () => false;
  if (builder === 'buildkit' && !buildkitPrunesByPrefix(set)) return () => true;
  const prefixes = set.patterns
    .filter((p) => p.exclusion)
    .map((p) => (builder === 'buildkit' ? withoutTrailingGlob(p.text) : p.text) + '/');
  return (dirPath) => {
    const dirSlash = dirPath + '/';
    return prefixes.some((p) => p.startsWith(dirSlash));
  };
}

/**
 * Builds the test fsutil applies to a directory its include patterns (the paths a Dockerfile asks
 * for) do not match: enter it only if some pattern, trailing glob dropped, starts with "dir/"; always
 * once a pattern holds a glob.
 * @returns a function of the directory's path telling whether the walk enters it
 */
export function includedDirEntry(include: PatternSet): (dirPath: string) => boolean {
  const plain = include.patterns.filter((p) => !p.exclusion);
  if (plain.some((p) => GLOB_CHARS.test(withoutTrailingGlob(p.text)))) return () => true;
  const prefixes = plain.map((p) => withoutTrailingGlob(p.text) + '/');
  return (dirPath) => {
    const dirSlash = dirPath + '/';
    return prefixes.some((p) => p.startsWith(dirSlash));
  };
}

/**
 * A guess, from the path alone, whether a builder's walk skips a directory's contents: it is
 * excluded (itself or through a parent) and no exception makes the walk enter it. Used to plan
 * reads only: a wrong guess costs time, never correctness, because the walks decide for themselves.
 * @returns a test of a directory's context-relative path
 */
export function guessPrunedDirectory(set: PatternSet, builder: Builder): (dirPath: string) => boolean {
  const enters = excludedDirEntry(set, builder);
  return (dirPath) => {
    if (enters(dirPath)) return false;
    try {
      return matchesOrParentMatches(set, dirPath).excluded;
    } catch {
      // A rule Docker fails on when reached: let the walk meet it.
      return false;
    }
  };
}

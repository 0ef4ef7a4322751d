// The fix for one ignore-file line: the single source of truth that lint's hints (`fix`,
// `replacement`) and suggest's replacements both use, so the two never propose different lines.
// The .gitignore habits are undone in one pass, in the order Docker reads a line: an end-of-line
// comment is part of the pattern, so it goes first; then `[!x]` becomes `[^x]`, a trailing `/` is
// dropped, and a bare name that has matches below the root is written `**/name`. Undoing them
// together matters: `coverage   # why` fixed only to `coverage` would still miss `web/coverage`.
import type { BuildContext } from '../context/build-context.js';
import { readAllPattern } from '../ignorefile/read-ignore-file.js';
import type { CompiledPattern } from '../patterns/pattern-set.js';
import { compileExclusion } from './exclusion-effect.js';
import type { LintCode } from './lint-types.js';

/** The fix of one line. */
export interface LineFix {
  /**
   * The lines to write instead of the broken one: the pattern last, and before it the comment the
   * line carried (an end-of-line comment moves to its own line, so nothing the user wrote is lost).
   */
  readonly replacement: readonly string[];
  /** The lint findings this fix resolves, in the order they were undone. */
  readonly codes: readonly LintCode[];
}

/**
 * Whether a pattern (without its `!`) matches names below the context root that the line means to
 * reach: for an exclusion, names still sent; for an exception, names still left out. Only a bare
 * name (no `/`, not starting with `**`) is asked.
 */
export type ReachesDeeper = (pattern: string, exception: boolean) => boolean;

/**
 * The fix for one ignore-file line, as written.
 * @param reachesDeeper evidence from the context; without it a bare name is left anchored
 * @returns the replacement, or undefined when the line needs none (or only deleting it would fix it)
 * @example
 * fixIgnoreLine('coverage   # test reports') // { replacement: ['# test reports', 'coverage'], codes: ['inline-comment'] }
 * fixIgnoreLine('.env*', () => true)          // { replacement: ['**\/.env*'], codes: ['anchored-name'] }
 */
export function fixIgnoreLine(text: string, reachesDeeper?: ReachesDeeper): LineFix | undefined {
  const codes: LintCode[] = [];
  const comments: string[] = [];
  let line = text;
  if (text.startsWith('#')) return undefined;
  // Only "#" in the first column starts a comment: an indented one is a pattern.
  if (/^\s+#/.test(line)) return { replacement: [line.trimStart()], codes: ['inline-comment'] };
  const comment = /\s+(#.*)$/.exec(line.trim());
  if (comment !== null) {
    line = line.trim().slice(0, comment.index).trim();
    comments.push(comment[1]!);
    codes.push('inline-comment');
    if (line === '') return undefined;
  }
  const bang = readAllPattern(line)?.startsWith('!') === true ? '!' : '';
  if (/(^|[^\\])\[!/.test(line)) {
    line = line.replace(/(^|[^\\])\[!/g, '$1[^');
    codes.push('bracket-negation');
  }
  const written = line.trim();
  if (written.endsWith('/') && written.replace(/^!/, '').trim().length > 1) {
    // Docker's filepath.Clean gives the same pattern without the slash: write that.
    line = readAllPattern(written) ?? written;
    codes.push('trailing-slash');
  }
  const pattern = (readAllPattern(line) ?? '').replace(/^!/, '');
  if (pattern !== '' && !pattern.includes('/') && !pattern.startsWith('**') && reachesDeeper?.(pattern, bang === '!') === true) {
    line = `${bang}**/${pattern}`;
    codes.push('anchored-name');
  }
  if (codes.length === 0) return undefined;
  return { replacement: [...comments, line], codes };
}

/**
 * Outermost entries below the root whose name alone the pattern matches (as git would match them),
 * among those sent (`wantIncluded`) or those left out.
 * @param firstOnly stop at the first one (the caller only asks whether there is any)
 * @returns their inventory indices
 */
export function deepNameMatches(ctx: BuildContext, rule: CompiledPattern, wantIncluded: boolean, firstOnly = false): number[] {
  const inv = ctx.inventory;
  const taken = new Uint8Array(inv.count);
  const out: number[] = [];
  for (let i = 1; i < inv.count; i++) {
    const p = inv.parent[i]!;
    if (taken[p]) {
      taken[i] = 1;
      continue;
    }
    if (p === 0 || ctx.isIncluded(i) !== wantIncluded) continue;
    // For an exception, only entries left out on their own count: re-including files inside an
    // excluded directory (node_modules/x/README.md) is not what `!README.md` was written for.
    if (!wantIncluded && !ctx.isIncluded(p)) continue;
    if (rule.matches(inv.name(i), 0)) {
      taken[i] = 1;
      out.push(i);
      if (firstOnly) break;
    }
  }
  return out;
}

/**
 * The context's evidence for a "**\/" prefix, by the test anchored-name uses: a bare name with
 * matches below the root that are still sent (an exclusion) or still left out (an exception).
 * @returns the test, for fixIgnoreLine
 */
export function contextReachesDeeper(ctx: BuildContext): ReachesDeeper {
  return (pattern, exception) => {
    const rule = compileExclusion(pattern);
    return rule !== undefined && deepNameMatches(ctx, rule, !exception, true).length > 0;
  };
}

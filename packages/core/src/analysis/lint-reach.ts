// Exceptions and the directories a builder never enters. The legacy builder (moby TarWithOptions)
// enters an excluded directory only when some exception's text starts with "dir/"; BuildKit
// (fsutil) does the same after dropping a trailing "/*" or "/**", but walks every excluded
// directory once any exception holds a glob. So `build` + `!**/*.map` re-includes maps under
// BuildKit and not under the legacy builder, and the same glob makes BuildKit stat everything
// below node_modules, .git and every other excluded directory.
import type { BuildContext } from '../context/build-context.js';
import { buildkitPrunesByPrefix } from '../walk/enter-excluded.js';
import type { CompiledPattern } from '../patterns/pattern-set.js';
import { EntryState } from '../walk/walk-result.js';
import { formatDockerSize } from '../tar/docker-size.js';
import { literalPattern } from './docker-pattern.js';
import { examples, type LintFinding } from './lint-types.js';

function builderName(ctx: BuildContext): string {
  return ctx.builder === 'buildkit' ? 'BuildKit' : 'the legacy builder';
}

/** The pruned directory above an unreached entry: the last ancestor the walk decided. */
function prunedDir(ctx: BuildContext, i: number): number {
  let e = ctx.inventory.parent[i]!;
  while (e > 0 && ctx.walk.state[e] === EntryState.Unreached) e = ctx.inventory.parent[e]!;
  return e;
}

/**
 * Exceptions that match paths a builder never reaches, for each of the given contexts (the same
 * rules evaluated under each builder).
 * @returns one finding per exception and builder
 */
export function lintUnreachableExceptions(contexts: readonly BuildContext[], rules: readonly CompiledPattern[]): LintFinding[] {
  const out: LintFinding[] = [];
  for (const rule of rules) {
    if (!rule.exclusion || rule.kind === undefined) continue;
    for (const ctx of contexts) {
      const inv = ctx.inventory;
      const stranded: number[] = [];
      for (let i = 1; i < inv.count; i++) {
        if (ctx.walk.state[i] === EntryState.Unreached && rule.matches(inv.path(i))) stranded.push(i);
      }
      if (stranded.length === 0) continue;
      const dirs = [...new Set(stranded.map((i) => inv.path(prunedDir(ctx, i))))];
      const others = contexts.filter((c) => c !== ctx && stranded.some((i) => c.walk.state[i] === EntryState.Included));
      const paths = stranded.map((i) => inv.path(i));
      const lines = paths.length <= 5 ? paths.map((p) => literalPattern(p)).filter((l): l is string => l !== undefined).map((l) => `!${l}`) : undefined;
      out.push({
        file: rule.origin.file,
        line: rule.origin.line,
        text: rule.origin.text,
        code: 'unreachable-exception',
        severity: 'warning',
        message: `${builderName(ctx)} never enters ${examples(dirs.map((d) => `"${d}"`))}, so this exception cannot re-include what it matches there${others.length > 0 ? ` (${others.map(builderName).join(' and ')} does)` : ''}`,
        detail: `${paths.length} path${paths.length === 1 ? '' : 's'} stay${paths.length === 1 ? 's' : ''} out: ${examples(paths)}`,
        fix: `${builderName(ctx)} enters an excluded directory only if an exception's text starts with that directory's path; name the paths${lines ? '' : ' (or their directories)'} in exceptions that do.`,
        replacement: lines,
      });
    }
  }
  return out;
}

/** How many entries BuildKit visits inside excluded directories, and their bytes. */
function walkedInsideExcluded(ctx: BuildContext): { entries: number; dirs: number; bytes: number } {
  const inv = ctx.inventory;
  const { state } = ctx.walk;
  let entries = 0;
  let dirs = 0;
  let bytes = 0;
  for (let i = 1; i < inv.count; i++) {
    if (state[i] === EntryState.Unreached || state[inv.parent[i]!] !== EntryState.Excluded || inv.parent[i] === 0) continue;
    entries++;
    if (inv.isDir(i)) dirs++;
    bytes += inv.sizes[i]!;
  }
  return { entries, dirs, bytes };
}

/** Above these, walking the excluded directories is a warning rather than a note. */
const SLOW_ENTRIES = 5000;
const SLOW_BYTES = 100e6;

/**
 * Exceptions with a glob, which make BuildKit walk every excluded directory.
 * @param buildkit the rules evaluated under BuildKit
 * @returns one finding per such exception
 */
export function lintFullWalk(buildkit: BuildContext, rules: readonly CompiledPattern[]): LintFinding[] {
  if (buildkitPrunesByPrefix(buildkit.patternSet)) return [];
  const cost = walkedInsideExcluded(buildkit);
  const out: LintFinding[] = [];
  for (const rule of rules) {
    if (!rule.exclusion || buildkitPrunesByPrefix({ patterns: [rule], hasExclusions: true })) continue;
    const slow = cost.entries >= SLOW_ENTRIES || cost.bytes >= SLOW_BYTES;
    out.push({
      file: rule.origin.file,
      line: rule.origin.line,
      text: rule.origin.text,
      code: 'full-walk-exception',
      severity: slow ? 'warning' : 'info',
      message: 'this exception holds a glob, so BuildKit walks every excluded directory instead of skipping it',
      detail: `the walk lists and stats ${cost.entries} entries (${cost.dirs} director${cost.dirs === 1 ? 'y' : 'ies'}, ${formatDockerSize(cost.bytes)} of files) inside excluded directories`,
      fix: 'BuildKit skips excluded directories only when every exception is a plain path, optionally ending in "/*" or "/**": name the directories, e.g. "!docs/**" instead of "!**/*.md".',
    });
  }
  return out;
}

// `ctxlens suggest`: .dockerignore lines worth adding, each with what it saves. Candidates come from
// the categories (node_modules, .git, secrets, ...) and from the repository's .gitignore files; a
// gitignore-derived line is kept only if everything it removes is ignored by git too. Lines are
// chosen greedily by bytes saved (lazily re-scored, since savings only shrink as lines are added),
// secrets first, and the final savings are measured exactly by re-evaluating with the engine.
// A line that would exclude something the Dockerfile names (a COPY source, a glob's match, a bind
// mount's source, a directory a glob searches) is never proposed: it would break the build.
import { type BuildContext, checkContextArgument } from '../context/build-context.js';
import { ACCEPTS, checkArgument } from '../validate.js';
import { evaluateRules } from '../context/compute-context.js';
import type { CompiledPattern } from '../patterns/pattern-set.js';
import { EntryState } from '../walk/walk-result.js';
import type { CategoryName } from './categories.js';
import { findCategoryHits } from './category-hits.js';
import { lineExcludes, literalPattern } from './docker-pattern.js';
import { appendedExclusionEffect, compileExclusion } from './exclusion-effect.js';
import { findGitignoreFiles, gitIgnoredMask, translateGitignoreFiles } from './gitignore-rules.js';
import { ignoreFileRelative } from './offenders.js';
import { excludesProtected, protectedEntries } from './protect.js';
import type { UsageAnalysis } from './usage.js';
import type { LintCode } from './lint-types.js';
import { fixBrokenLines } from './suggest-fixes.js';

/** Why a line is suggested. */
export type SuggestionSource =
  | { readonly kind: 'category'; readonly category: CategoryName; readonly reason: string }
  | { readonly kind: 'gitignore'; readonly file: string; readonly line: number; readonly text: string }
  /** A broken line of the ignore file, fixed as lint says (line-fix.ts). */
  | { readonly kind: 'lint'; readonly codes: readonly LintCode[] };

/** One suggested line and what it saves, given the lines before it. */
export interface Suggestion {
  readonly line: string;
  readonly sources: readonly SuggestionSource[];
  /** Regular files no longer sent. */
  readonly files: number;
  readonly bytes: number;
  /** Bytes saved in the legacy upload. */
  readonly tarBytes: number;
  /**
   * Set when the suggestion fixes a line of the ignore file instead of adding one: the 1-based line,
   * its text, and the lines to write in its place (`line` is the last of them).
   */
  readonly replaces?: { readonly line: number; readonly text: string; readonly lines: readonly string[] } | undefined;
}

/** Suggestions and the context with all of them applied. */
export interface SuggestResult {
  readonly suggestions: readonly Suggestion[];
  readonly after: BuildContext;
}

/** Options of suggestIgnoreLines. */
export interface SuggestOptions {
  /** Read the .gitignore files. @default true */
  readonly gitignore?: boolean;
  /** At most this many added lines (fixes of the file's broken lines come first, and always). @default 20 */
  readonly limit?: number;
  /**
   * What the Dockerfile uses, over the same inventory (analyzeUsage of a BuildKit context this one
   * was evaluated from): lets a legacy context be guarded too. @default analyzeUsage(ctx) under BuildKit
   */
  readonly usage?: UsageAnalysis;
}

interface Candidate {
  readonly line: string;
  readonly rule: CompiledPattern;
  readonly sources: SuggestionSource[];
  score: number;
}

/** Directory categories we do not propose on our own: Go builds may need vendor/. */
const NOT_BY_CATEGORY = new Set(['vendor']);

/**
 * Proposes fixes of the ignore file's broken lines (the fixes lint gives), then lines to append.
 * Needs a context whose inventory holds what the builder walks (computeContext's, or a complete one):
 * lines only remove what is sent.
 * @returns the fixes (with `replaces`), then the lines in the order to append them, each with its exact marginal saving
 */
export function suggestIgnoreLines(original: BuildContext, options: SuggestOptions = {}): SuggestResult {
  checkContextArgument(original, 'ctx');
  checkArgument(options, 'options', ACCEPTS.object);
  checkArgument(options.gitignore, 'options.gitignore', ACCEPTS.boolean, true);
  checkArgument(options.limit, 'options.limit', ACCEPTS.nonNegativeNumber, true);
  const guarded = protectedEntries(original, options.usage);
  // Broken lines first, fixed in place; the lines added after them see what the fixes exclude.
  const fixed = fixBrokenLines(original, guarded);
  const ctx = fixed.context;
  const inv = ctx.inventory;
  const included = new Uint8Array(inv.count);
  for (let i = 1; i < inv.count; i++) included[i] = ctx.walk.state[i] === EntryState.Included ? 1 : 0;
  const protectedPaths = [ctx.inputs.dockerfileRelative, ignoreFileRelative(ctx)].filter((p) => p !== '' && !p.startsWith('../'));
  const candidates = new Map<string, Candidate>();
  const add = (line: string | undefined, source: SuggestionSource): boolean => {
    if (line === undefined || protectedPaths.some((p) => lineExcludes(line, p))) return false;
    const existing = candidates.get(line);
    if (existing) {
      existing.sources.push(source);
      return true;
    }
    const rule = compileExclusion(line);
    if (rule === undefined) return false;
    candidates.set(line, { line, rule, sources: [source], score: Infinity });
    return true;
  };

  for (const hit of findCategoryHits(ctx)) {
    if (NOT_BY_CATEGORY.has(hit.path.split('/').pop()!)) continue;
    add(hit.pattern, { kind: 'category', category: hit.category, reason: hit.reason });
  }
  if (options.gitignore !== false) addGitignoreCandidates(ctx, included, add);

  const safe = [...candidates.values()].filter((c) => !excludesProtected(inv, included, c.rule, guarded));
  const chosen = pickGreedily(ctx, included, safe, options.limit ?? 20);
  const added = measure(ctx, fixed.lines, chosen);
  return { suggestions: [...fixed.fixes, ...added.suggestions], after: added.after };
}

function addGitignoreCandidates(ctx: BuildContext, included: Uint8Array, add: (line: string | undefined, s: SuggestionSource) => boolean): void {
  const inv = ctx.inventory;
  const files = findGitignoreFiles(ctx);
  const ignored = gitIgnoredMask(ctx, files);
  for (const rule of translateGitignoreFiles(files)) {
    const source: SuggestionSource = { kind: 'gitignore', file: rule.file.path, line: rule.line, text: rule.text };
    let fallback: number[] | undefined;
    for (const line of rule.candidates) {
      const compiled = compileExclusion(line);
      if (compiled === undefined) continue;
      const effect = appendedExclusionEffect(inv, included, compiled);
      const removed: number[] = [];
      for (let i = 1; i < inv.count; i++) if (effect.removed[i]) removed.push(i);
      if (removed.length === 0) break;
      // Only what git ignores too: a Docker line never removes more than the .gitignore rule meant.
      if (removed.every((i) => ignored[i])) {
        add(line, source);
        fallback = undefined;
        break;
      }
      fallback ??= removed.filter((i) => ignored[i] && !(effect.removed[inv.parent[i]!] && ignored[inv.parent[i]!]));
    }
    // The pattern would take more than git ignores (an exception in .gitignore, a file where git
    // meant a directory): name the ignored paths themselves when there are few.
    if (fallback !== undefined && fallback.length > 0 && fallback.length <= 5) for (const i of fallback) add(literalPattern(inv.path(i)), source);
  }
}

function pickGreedily(ctx: BuildContext, start: Uint8Array, candidates: Candidate[], limit: number): Candidate[] {
  const inv = ctx.inventory;
  const included = Uint8Array.from(start);
  // Which chosen line removed each entry, so a line made redundant by another passes its reasons on.
  const removedBy = new Int32Array(inv.count).fill(-1);
  const firstRemoved = new Map<Candidate, number>();
  const chosen: Candidate[] = [];
  let pool = candidates;
  while (chosen.length < limit && pool.length > 0) {
    pool.sort((a, b) => b.score - a.score);
    const best = pool[0]!;
    const effect = appendedExclusionEffect(inv, included, best.rule);
    if (!firstRemoved.has(best)) firstRemoved.set(best, effect.removed.indexOf(1));
    // Bytes first, then entries, so an empty-but-sent secret (or a symlink to one) still counts.
    const score = effect.bytes + effect.entries / 1e6;
    if (score <= 0) {
      const owner = removedBy[firstRemoved.get(best)!] ?? -1;
      if (owner >= 0) chosen[owner]!.sources.push(...best.sources);
      pool = pool.slice(1);
      continue;
    }
    if (pool.length > 1 && score < pool[1]!.score) {
      best.score = score;
      continue;
    }
    chosen.push(best);
    pool = pool.slice(1);
    for (let i = 1; i < inv.count; i++) {
      if (!effect.removed[i]) continue;
      included[i] = 0;
      removedBy[i] = chosen.length - 1;
    }
  }
  const isSecret = (c: Candidate): boolean => c.sources.some((s) => s.kind === 'category' && s.category === 'secrets');
  return [...chosen.filter(isSecret), ...chosen.filter((c) => !isSecret(c))];
}

function measure(ctx: BuildContext, base: readonly string[], chosen: readonly Candidate[]): SuggestResult {
  const file = ctx.inputs.ignoreFile ?? '.dockerignore';
  const suggestions: Suggestion[] = [];
  let lines = [...base];
  let before = ctx;
  for (const c of chosen) {
    const next = evaluateRules(ctx, { rules: [...lines, c.line], file, builder: ctx.builder });
    const files = before.sizes.files - next.sizes.files;
    const removedEntries = before.walk.order.length - next.walk.order.length;
    if (removedEntries <= 0) continue;
    suggestions.push({ line: c.line, sources: c.sources, files, bytes: before.sizes.bytes - next.sizes.bytes, tarBytes: before.sizes.tarBytes - next.sizes.tarBytes });
    lines = [...lines, c.line];
    before = next;
  }
  return { suggestions, after: before };
}


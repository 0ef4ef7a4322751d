// The biggest things in the context, as units a person would act on. Start from the root's
// entries and repeatedly take the biggest: a file or a category directory (node_modules, .git) is
// reported as it is; a directory whose biggest entry holds at least half its bytes is opened up
// (so a lone 2 GB video is named, not its "assets" folder); any other directory is reported whole.
import { type BuildContext, checkContextArgument } from '../context/build-context.js';
import { ACCEPTS, checkArgument } from '../validate.js';
import type { EntryKind } from '../inventory/inventory.js';
import type { CategoryName } from './categories.js';
import { type CategoryHit, findCategoryHits } from './category-hits.js';
import { literalPattern } from './docker-pattern.js';
import { includedTotals, type SubtreeTotals } from './subtree-totals.js';
import { excludesProtected, holdsProtected, protectedEntries } from './protect.js';
import { compileExclusion } from './exclusion-effect.js';
import type { UsageAnalysis } from './usage.js';
import { EntryState } from '../walk/walk-result.js';

/** One of the biggest things the context sends. */
export interface RankedOffender {
  /** Context-relative path. */
  readonly path: string;
  readonly kind: EntryKind;
  /** Non-directory entries sent from here. */
  readonly files: number;
  /** Bytes of regular files sent from here. */
  readonly bytes: number;
  /** The category, when it belongs to one (then it is usually safe to exclude). */
  readonly category: CategoryName | undefined;
  /**
   * A .dockerignore line excluding it; undefined for the Dockerfile, the ignore file itself, and
   * what the Dockerfile uses (excluding that would break the build or change the image).
   */
  readonly pattern: string | undefined;
  /** True when the Dockerfile names it or something below it (a COPY source, a glob's match, a bind mount). */
  readonly used: boolean;
}

/** Options of rankOffenders. */
export interface RankOptions {
  /** @default 10 */
  readonly limit?: number;
  /** Category hits, when the caller has them already. */
  readonly hits?: readonly CategoryHit[];
  readonly totals?: SubtreeTotals;
  /** What "biggest" means. @default 'bytes' */
  readonly measure?: 'bytes' | 'files';
  /** What the Dockerfile uses, over the same inventory (see SuggestOptions.usage). @default analyzeUsage(ctx) under BuildKit */
  readonly usage?: UsageAnalysis;
}

/** Share of a directory's bytes its biggest entry must hold for the directory to be opened up. */
const DOMINANT_SHARE = 0.5;

/**
 * Ranks the biggest units of the context. Needs a context whose walk covered the whole inventory.
 * @returns up to `limit` offenders, biggest first
 */
export function rankOffenders(ctx: BuildContext, options: RankOptions = {}): RankedOffender[] {
  checkContextArgument(ctx, 'ctx');
  checkArgument(options, 'options', ACCEPTS.object);
  checkArgument(options.limit, 'options.limit', ACCEPTS.nonNegativeNumber, true);
  checkArgument(options.measure, 'options.measure', ACCEPTS.measure, true);
  const limit = options.limit ?? 10;
  const inv = ctx.inventory;
  const totals = options.totals ?? includedTotals(ctx);
  const hits = options.hits ?? findCategoryHits(ctx, { totals });
  const hitByIndex = new Map(hits.map((h) => [h.index, h]));
  const protectedPaths = new Set([ctx.inputs.dockerfileRelative, ignoreFileRelative(ctx)]);
  const size = options.measure === 'files' ? totals.files : totals.bytes;
  const guarded = protectedEntries(ctx, options.usage);
  const used = guarded === undefined ? undefined : holdsProtected(inv, guarded);
  const included = Uint8Array.from(ctx.walk.state, (s) => (s === EntryState.Included ? 1 : 0));
  // A category's line reaches every such directory (`**/node_modules`): when one of them is used, name this one alone.
  const safePattern = (category: string | undefined, path: string): string | undefined => {
    const rule = category === undefined ? undefined : compileExclusion(category);
    return rule !== undefined && !excludesProtected(inv, included, rule, guarded) ? category : literalPattern(path);
  };
  const frontier: number[] = [];
  const pushChildren = (dir: number): void => {
    const [start, n] = inv.children(dir);
    for (let c = start; c < start + n; c++) if (size[c]! > 0) frontier.push(c);
  };
  pushChildren(0);
  const out: RankedOffender[] = [];
  while (out.length < limit && frontier.length > 0) {
    let best = 0;
    for (let k = 1; k < frontier.length; k++) if (size[frontier[k]!]! > size[frontier[best]!]!) best = k;
    const i = frontier.splice(best, 1)[0]!;
    const hit = hitByIndex.get(i);
    if (hit === undefined && inv.isDir(i) && dominated(inv, size, i)) {
      pushChildren(i);
      continue;
    }
    const path = inv.path(i);
    out.push({
      path,
      kind: inv.kind(i),
      files: totals.files[i]!,
      bytes: totals.bytes[i]!,
      category: hit?.category,
      pattern: protectedPaths.has(path) || used?.[i] ? undefined : safePattern(hit?.pattern, path),
      used: used?.[i] === 1,
    });
  }
  return out;
}

function dominated(inv: BuildContext['inventory'], size: Float64Array, dir: number): boolean {
  const [start, n] = inv.children(dir);
  let max = 0;
  for (let c = start; c < start + n; c++) max = Math.max(max, size[c]!);
  return max >= DOMINANT_SHARE * size[dir]!;
}

/**
 * The ignore file's path relative to the context, when it lies inside it.
 * @returns the relative path, or '' when there is none or it is outside
 */
export function ignoreFileRelative(ctx: BuildContext): string {
  const file = ctx.inputs.ignoreFile;
  const root = ctx.inputs.contextDir;
  if (file === undefined || !file.startsWith(root + '/')) return '';
  return file.slice(root.length + 1);
}

/**
 * Keeps the offenders worth acting on: at least `share` of the total (bytes, or files with
 * `measure: 'files'`), never the Dockerfile or the ignore file (they have no line to suggest).
 * @returns the filtered offenders, in the same order
 */
export function significantOffenders(offenders: readonly RankedOffender[], total: number, options: { share?: number; measure?: 'bytes' | 'files' } = {}): RankedOffender[] {
  const min = (options.share ?? 0.01) * total;
  return offenders.filter((o) => o.pattern !== undefined && (options.measure === 'files' ? o.files : o.bytes) >= min);
}

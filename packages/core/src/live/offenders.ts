// The offenders view of a live tool (the TUI's, an editor's), on top of the categories and rankings
// `ctxlens check` uses (categories.ts, category-hits.ts, offenders.ts): the biggest units sent,
// then every category hit (dependencies, VCS data, test output, logs, caches, secrets) with what it
// costs or risks. Under BuildKit with a Dockerfile it adds the golden rule: what is sent but never
// used comes first, and secrets that reach the final image before those only seen by the builder.
import { type BuildContext, checkContextArgument } from '../context/build-context.js';
import { ACCEPTS, checkArgument } from '../validate.js';
import { findCategoryHits } from '../analysis/category-hits.js';
import { literalPattern } from '../analysis/docker-pattern.js';
import { compileExclusion } from '../analysis/exclusion-effect.js';
import { ignoreFileRelative, rankOffenders } from '../analysis/offenders.js';
import { excludesProtected, holdsProtected, protectedEntries } from '../analysis/protect.js';
import { includedTotals } from '../analysis/subtree-totals.js';
import { analyzeUsage, type UsageAnalysis, UseMark } from '../analysis/usage.js';
import { EntryState } from '../walk/walk-result.js';

/** How the Dockerfile uses an offender (BuildKit with a Dockerfile only). */
export type OffenderUse = 'unused' | 'used' | 'shipped';

/** One row of the offenders view. */
export interface OffenderRow {
  /** Context-relative path. */
  readonly path: string;
  readonly isDir: boolean;
  /** Bytes of regular files sent from here. */
  readonly bytes: number;
  /** Files sent from here. */
  readonly files: number;
  /** Category name (`secrets`, `dependencies`, ...) or undefined for a plain big entry. */
  readonly category: string | undefined;
  /** Why it is listed: the category's reason. */
  readonly reason: string | undefined;
  /** A .dockerignore line that excludes it without taking away what the Dockerfile uses, when one can. */
  readonly pattern: string | undefined;
  /**
   * `unused`: nothing here is copied or mounted; `used`: some of it is, in build stages only;
   * `shipped`: some of it reaches the target's image. Undefined when the Dockerfile's reads are unknown.
   */
  readonly use: OffenderUse | undefined;
}

/** The offenders view's content. */
export interface OffenderGroups {
  /** The biggest units sent, those the Dockerfile never uses first, each part biggest first. */
  readonly biggest: readonly OffenderRow[];
  /** Known bloat that is sent, unused first, each part biggest first. */
  readonly bloat: readonly OffenderRow[];
  /** Secrets that are sent: shipped in the image first, then used in a build stage, then only sent. */
  readonly secrets: readonly OffenderRow[];
}

/** Options of groupOffenders. */
export interface GroupOffendersOptions {
  /** @default 15 */
  readonly limit?: number;
  /** What the Dockerfile uses, over the same inventory (for a legacy context evaluated from a BuildKit one). @default analyzeUsage(ctx) under BuildKit */
  readonly usage?: UsageAnalysis;
  /** The context whose sent files content detection may read (see CategoryScanOptions.contentFrom). @default ctx */
  readonly contentFrom?: BuildContext;
}

const USE_ORDER: Record<OffenderUse, number> = { shipped: 0, used: 1, unused: 2 };

/**
 * Collects the offenders of a context evaluated over a complete inventory. Reads the first bytes
 * of a few candidate files (PEM keys, .npmrc) to tell secrets from look-alikes. No proposed line
 * excludes what the Dockerfile names or needs (see protectedEntries).
 * @returns the biggest units, bloat and secrets
 */
export function groupOffenders(ctx: BuildContext, options: GroupOffendersOptions | number = {}): OffenderGroups {
  checkContextArgument(ctx, 'ctx');
  const opts = typeof options === 'number' ? { limit: options } : options;
  checkArgument(opts.limit, 'limit', ACCEPTS.nonNegativeNumber, true);
  const limit = opts.limit ?? 15;
  const usage = opts.usage ?? (ctx.plan?.requests === undefined ? undefined : analyzeUsage(ctx));
  const inv = ctx.inventory;
  const totals = includedTotals(ctx);
  const hits = findCategoryHits(ctx, { totals, contentFrom: opts.contentFrom });
  const guarded = protectedEntries(ctx, usage);
  const holds = guarded === undefined ? undefined : holdsProtected(inv, guarded);
  const useOf = usage === undefined ? undefined : subtreeUse(ctx, usage.marks);
  const included = Uint8Array.from(ctx.walk.state, (s) => (s === EntryState.Included ? 1 : 0));
  const safe = (line: string | undefined): boolean => {
    const rule = line === undefined ? undefined : compileExclusion(line);
    return rule !== undefined && !excludesProtected(inv, included, rule, guarded);
  };
  // A category's line reaches every such directory (`**/node_modules`): when that takes away a used one, name this one alone.
  const guardedPattern = (i: number, category: string | undefined): string | undefined => {
    if (holds?.[i]) return undefined;
    if (safe(category)) return category;
    const literal = literalPattern(inv.path(i));
    return safe(literal) ? literal : undefined;
  };
  const biggest = rankOffenders(ctx, { limit, hits, totals, usage }).map((o) => {
    const i = inv.indexOf(o.path, false);
    return { path: o.path, isDir: o.kind === 'dir', bytes: o.bytes, files: o.files, category: o.category, reason: undefined, pattern: o.pattern, use: i > 0 ? useOf?.[i] : undefined };
  });
  const rows: OffenderRow[] = hits.map((h) => ({
    path: h.path, isDir: h.kind === 'dir', bytes: h.bytes, files: h.files, category: h.category, reason: h.reason, pattern: guardedPattern(h.index, h.pattern), use: useOf?.[h.index],
  }));
  const rank = (r: OffenderRow): number => (r.use === undefined ? 1 : USE_ORDER[r.use]);
  const unusedFirst = (list: OffenderRow[]): OffenderRow[] => stable(list, (r) => (r.use === 'unused' ? 0 : 1));
  return {
    biggest: unusedFirst(biggest),
    bloat: unusedFirst(rows.filter((r) => r.category !== 'secrets')),
    secrets: stable(rows.filter((r) => r.category === 'secrets'), rank),
  };
}

/** Sorts by a key, keeping the given order within equal keys. */
function stable<T>(list: readonly T[], key: (t: T) => number): T[] {
  return list.map((t, k) => ({ t, k })).sort((a, b) => key(a.t) - key(b.t) || a.k - b.k).map((x) => x.t);
}

/** Per entry: the strongest use of anything in its subtree (shipped over used), `unused` when nothing there is used. */
function subtreeUse(ctx: BuildContext, marks: Uint8Array): (OffenderUse | undefined)[] {
  const inv = ctx.inventory;
  // The builder reads the Dockerfile and the ignore file itself: never "unused" (as in analyzeUsage).
  const builderReads = new Set([ctx.inputs.dockerfileRelative, ignoreFileRelative(ctx)].map((p) => inv.indexOf(p, false)).filter((i) => i > 0));
  const level = new Uint8Array(inv.count);
  for (let i = inv.count - 1; i > 0; i--) {
    const own = marks[i]! & UseMark.Shipped ? 2 : marks[i]! & UseMark.Used || builderReads.has(i) ? 1 : 0;
    level[i] = Math.max(level[i]!, own);
    const p = inv.parent[i]!;
    if (p > 0) level[p] = Math.max(level[p]!, level[i]!);
  }
  return Array.from(level, (l): OffenderUse => (l === 2 ? 'shipped' : l === 1 ? 'used' : 'unused'));
}

// The TUI's offenders view, on top of the categories and rankings `ctxlens check` uses
// (categories.ts, category-hits.ts, offenders.ts): the biggest units sent, then every category hit
// (dependencies, VCS data, test output, logs, caches, secrets) with what it costs or risks.
import { type BuildContext, checkContextArgument } from '../context/build-context.js';
import { ACCEPTS, checkArgument } from '../validate.js';
import { findCategoryHits } from './category-hits.js';
import { rankOffenders } from './offenders.js';
import { includedTotals } from './subtree-totals.js';

/** One row of the offenders view. */
export interface TuiOffenderRow {
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
  /** A .dockerignore line that excludes it, when one can. */
  readonly pattern: string | undefined;
}

/** The offenders view's content. */
export interface TuiOffenders {
  /** The biggest units sent, biggest first. */
  readonly biggest: readonly TuiOffenderRow[];
  /** Known bloat that is sent, biggest first. */
  readonly bloat: readonly TuiOffenderRow[];
  /** Secrets that are sent. */
  readonly secrets: readonly TuiOffenderRow[];
}

/**
 * Collects the offenders of a context evaluated over a complete inventory. Reads the first bytes
 * of a few candidate files (PEM keys, .npmrc) to tell secrets from look-alikes.
 * @returns the biggest units, bloat and secrets
 */
export function tuiOffenders(ctx: BuildContext, limit = 15): TuiOffenders {
  checkContextArgument(ctx, 'ctx');
  checkArgument(limit, 'limit', ACCEPTS.nonNegativeNumber);
  const totals = includedTotals(ctx);
  const hits = findCategoryHits(ctx, { totals });
  const biggest = rankOffenders(ctx, { limit, hits, totals }).map((o) => ({
    path: o.path, isDir: o.kind === 'dir', bytes: o.bytes, files: o.files, category: o.category, reason: undefined, pattern: o.pattern,
  }));
  const rows = hits.map((h) => ({ path: h.path, isDir: h.kind === 'dir', bytes: h.bytes, files: h.files, category: h.category, reason: h.reason, pattern: h.pattern }));
  return { biggest, bloat: rows.filter((r) => r.category !== 'secrets'), secrets: rows.filter((r) => r.category === 'secrets') };
}

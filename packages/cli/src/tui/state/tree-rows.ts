// The tree pane's visible rows as plain data: only the window on screen is described, so a
// directory of 50,000 entries costs as much as one of 20.
import { SOME_EXCLUDED, SOME_INCLUDED, SOME_NOT_REQUESTED } from '@ctxlens/core/live';
import { currentListing, layoutOf } from './selectors.js';
import type { TuiState } from './types.js';
import { visibleWindow } from './viewport.js';
import { type UseState, useFlags, useStateOf } from './use-marks.js';

/**
 * How much of an entry is sent: all, nothing because the ignore file excludes it, part, or nothing
 * because the Dockerfile does not ask for it (BuildKit; some of it may be excluded too).
 */
export type EntryMark = 'included' | 'excluded' | 'partial' | 'unrequested';

/** One row of the tree pane. */
export interface TreeRow {
  readonly index: number;
  readonly name: string;
  readonly isDir: boolean;
  /** Upload bytes of the entry and everything below it. */
  readonly totalBytes: number;
  /** The part of it that is sent. */
  readonly includedBytes: number;
  readonly mark: EntryMark;
  /** What the Dockerfile does with what is sent from here; undefined when nothing is sent or it is unknown. */
  readonly use: UseState;
  /** For excluded entries: the deciding rule, e.g. `.dockerignore:3`. */
  readonly rule: string | undefined;
  readonly selected: boolean;
}

/** The tree pane's content. */
export interface TreeView {
  readonly rows: readonly TreeRow[];
  /** Entries in the listing (after filtering). */
  readonly count: number;
  /** Largest total in the listing: the full width of the bars. */
  readonly maxBytes: number;
  readonly path: string;
  /** Whether the rows carry use marks (BuildKit with a Dockerfile). */
  readonly showsUse: boolean;
}

function markOf(flags: number): EntryMark {
  if (flags === SOME_INCLUDED) return 'included';
  if (flags === SOME_EXCLUDED) return 'excluded';
  if ((flags & SOME_INCLUDED) === 0 && (flags & SOME_NOT_REQUESTED) !== 0) return 'unrequested';
  return 'partial';
}

/**
 * Describes the rows on screen.
 * @returns the rows and the listing's figures
 */
export function treeView(state: TuiState): TreeView {
  const totals = state.session?.evaluator.from.totals;
  const evaluation = state.evaluation;
  const listing = currentListing(state);
  if (totals === undefined || evaluation?.selection === undefined) return { rows: [], count: 0, maxBytes: 0, path: '/', showsUse: false };
  const inv = totals.inventory;
  const { includedBytes, flags, decider } = evaluation.selection;
  const { listRows } = layoutOf(state);
  const cursor = Math.min(state.tree.cursor, Math.max(0, listing.length - 1));
  const { start, end } = visibleWindow(listing.length, cursor, listRows);
  let maxBytes = 0;
  for (const i of listing) maxBytes = Math.max(maxBytes, totals.subtreeBytes[i]!);
  const rules = evaluation.context.rules;
  const uses = useFlags(evaluation);
  const rows: TreeRow[] = [];
  for (let k = start; k < end; k++) {
    const i = listing[k]!;
    const mark = markOf(flags[i]!);
    const origin = decider[i]! >= 0 ? rules[decider[i]!]?.origin : undefined;
    const rule = mark === 'excluded' && origin !== undefined ? (origin.line > 0 ? `${origin.file}:${origin.line}` : origin.file) : undefined;
    rows.push({ index: i, name: inv.name(i), isDir: inv.isDir(i), totalBytes: totals.subtreeBytes[i]!, includedBytes: includedBytes[i]!, mark, use: uses === undefined ? undefined : useStateOf(uses[i]!), rule, selected: k === cursor });
  }
  return { rows, count: listing.length, maxBytes, path: '/' + inv.path(state.tree.dir), showsUse: uses !== undefined };
}

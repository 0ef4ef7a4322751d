// Derived views of the state, pure and memoised on the references they read, so the reducer and
// the components can ask for a 50,000-entry listing on every key press without sorting it again.
import type { Inventory, InventoryTotals, OffenderRow } from '@ctxlens/core/live';
import { documentLines, isDirty, type RuleRow, ruleRows, type RulesModel } from './rules-model.js';
import { evaluationKey } from './derive.js';
import { wrapRows } from '../../output/terminal-text.js';
import type { Mode, ModeData, SortMode, TuiState } from './types.js';
import { HOLDS_UNUSED, useFlags } from './use-marks.js';
import { type Layout, layoutFor } from './layout.js';

function memoOne<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | undefined;
  let last: R | undefined;
  return (...args: A): R => {
    if (lastArgs !== undefined && args.length === lastArgs.length && args.every((a, i) => a === lastArgs![i])) return last as R;
    last = compute(...args);
    lastArgs = args;
    return last;
  };
}

/**
 * A directory's entries as the tree lists them: biggest first (ties by name) or by name, and
 * filtered by a case-insensitive name fragment.
 * @returns inventory indices
 */
export function listDirectory(totals: InventoryTotals, dir: number, sort: SortMode, filter: string, keep?: Uint8Array): Int32Array {
  const inv: Inventory = totals.inventory;
  const [start, n] = inv.children(dir);
  let rows: number[] = [];
  const needle = filter.toLowerCase();
  for (let c = start; c < start + n; c++) {
    if (keep !== undefined && (keep[c]! & HOLDS_UNUSED) === 0) continue;
    if (needle === '' || inv.name(c).toLowerCase().includes(needle)) rows.push(c);
  }
  // The inventory keeps each directory's entries in byte order, so name order is the identity.
  if (sort === 'size') rows = rows.sort((a, b) => totals.subtreeBytes[b]! - totals.subtreeBytes[a]! || a - b);
  return Int32Array.from(rows);
}

const listingMemo = memoOne(listDirectory);
/** The unused-only filter without a usage analysis (legacy builder): nothing qualifies. */
const NOTHING = new Uint8Array(0);

/**
 * The current directory's listing.
 * @returns inventory indices, empty before the session is loaded
 */
export function currentListing(state: TuiState): Int32Array {
  const totals = state.session?.evaluator.from.totals;
  if (totals === undefined) return new Int32Array(0);
  const keep = state.tree.unusedOnly ? (useFlags(state.evaluation) ?? NOTHING) : undefined;
  return listingMemo(totals, state.tree.dir, state.tree.sort, state.tree.filter, keep);
}

/**
 * The entry under the tree cursor.
 * @returns its inventory index, or undefined in an empty listing
 */
export function selectedEntry(state: TuiState): number | undefined {
  const rows = currentListing(state);
  return rows.length === 0 ? undefined : rows[Math.min(state.tree.cursor, rows.length - 1)];
}

const rowsMemo = memoOne((model: RulesModel) => ruleRows(model));
const linesMemo = memoOne((model: RulesModel) => documentLines(model));

/**
 * The rules pane's rows.
 * @returns one row per rule, switched off or on
 */
export function currentRuleRows(state: TuiState): RuleRow[] {
  return rowsMemo(state.rules);
}

/**
 * The lines evaluation reads.
 * @returns the document's lines as text
 */
export function currentLines(state: TuiState): string[] {
  return linesMemo(state.rules);
}

/**
 * The evaluation key of what the screen should show.
 * @returns the key for the current rules and builder
 */
export function wantedKey(state: TuiState): string {
  return evaluationKey(currentLines(state), state.builder);
}

/**
 * Whether the shown figures are those of the current rules.
 * @returns false while an evaluation is pending or when the rules do not evaluate
 */
export function isCurrent(state: TuiState): boolean {
  return state.evaluation !== undefined && state.evaluation.key === wantedKey(state);
}

/**
 * Whether the document differs from the file on disk.
 * @returns true when there is something to save
 */
export function hasUnsavedChanges(state: TuiState): boolean {
  return state.session !== undefined && isDirty(state.rules, state.session.originalBytes);
}

/**
 * The rows of a failed save's dialog: why, then how to fix it, each in full, wrapped to fit inside
 * the dialog's border and padding.
 * @returns the rows, each marked as the message or the hint
 */
export function saveFailedRows(mode: Extract<Mode, { kind: 'save-failed' }>, columns: number): { text: string; hint: boolean }[] {
  const width = columns - 4;
  const message = wrapRows(mode.message, width).map((text) => ({ text, hint: false }));
  const hint = mode.hint === undefined ? [] : wrapRows(`hint: ${mode.hint}`, width).map((text) => ({ text, hint: true }));
  return [...message, ...hint];
}

/**
 * Rows a confirmation takes under the panes (the panes stay visible while it is open).
 * @returns the row count, 0 when no such dialog is open
 */
export function dialogRowsFor(state: TuiState): number {
  switch (state.mode.kind) {
    case 'confirm-ignore':
      // Border (2), title, one line per proposal, keys.
      return 4 + Math.max(1, state.modeData?.kind === 'ignore-preview' ? state.modeData.options.length : 1);
    case 'confirm-include': {
      const data = state.modeData?.kind === 'include-preview' ? state.modeData : undefined;
      // Border (2), title, the rule, a line per builder that would not honour it (or "both honour it"), keys.
      const warnings = data === undefined ? 1 : Math.max(1, Number(!data.legacyHonours) + Number(!data.buildkitHonours));
      return 5 + warnings;
    }
    case 'conflict':
      return 5;
    case 'save-failed':
      // Border (2), title, the message and the hint in full (wrapped), keys.
      return 4 + saveFailedRows(state.mode, state.viewport.columns).length;
    case 'confirm-quit':
      return 4;
    default:
      return 0;
  }
}

/**
 * The layout for the current state.
 * @returns the layout
 */
export function layoutOf(state: TuiState): Layout {
  const listing = currentListing(state);
  const content = { entries: listing.length, longestName: longestNameMemo(state.session?.evaluator.from.totals.inventory, listing), rules: currentRuleRows(state).length };
  return layoutFor(state.viewport.columns, state.viewport.rows, content, dialogRowsFor(state));
}

/** Columns of the longest name in a listing, a directory's `/` included; once per listing. */
const longestNameMemo = memoOne((inv: Inventory | undefined, listing: Int32Array): number => {
  let longest = 0;
  if (inv === undefined) return longest;
  for (const i of listing) longest = Math.max(longest, inv.name(i).length + (inv.isDir(i) ? 1 : 0));
  return longest;
});

/**
 * The offenders list's selectable rows, in the order the view shows them.
 * @returns secrets, biggest, bloat, then what is eligible but not requested
 */
export function offenderRows(data: Extract<ModeData, { kind: 'offenders' }>): OffenderRow[] {
  const { biggest, bloat, secrets } = data.offenders;
  return [...secrets, ...biggest, ...bloat, ...data.notRequested];
}

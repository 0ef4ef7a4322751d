// How the screen is divided between the tree and the rules: rows go where there is something to
// show, and on a wide terminal the tree takes the width its names need (up to a limit) so a name
// and its rule stay close together, the rules pane taking the rest. Pure, with a table test.

/** How the screen is divided. */
export interface Layout {
  /** Tree above rules (narrow terminals) instead of side by side. */
  readonly stacked: boolean;
  readonly treeWidth: number;
  readonly rulesWidth: number;
  /** Rows of each pane, its title included. */
  readonly treeRows: number;
  readonly rulesRows: number;
  /** Rows for the entries of the tree pane (below its title). */
  readonly listRows: number;
  /** Rows of the panes together (or of an overlay that covers them). */
  readonly bodyRows: number;
  /** Rows of a dialog shown under the panes. */
  readonly dialogRows: number;
  /** Cells of the tree's size bars (0: no bars). */
  readonly barWidth: number;
}

/** What the panes hold, which decides how much room each gets. */
export interface PaneContent {
  /** Entries in the tree's listing. */
  readonly entries: number;
  /** Columns of the longest name in the listing (with a directory's `/`). */
  readonly longestName: number;
  /** Rules in the rules pane. */
  readonly rules: number;
}

/** Header (2 lines) and footer (status + keys). */
const CHROME_ROWS = 4;
/** Below this width the rules pane goes under the tree, so names and rules both stay readable. */
const SIDE_BY_SIDE_COLUMNS = 100;
/** The rules pane's share when both panes have more than fits. */
const RULES_SHARE = 0.4;
/** The rules pane is never narrower than this side by side (or 40% of the terminal, if less). */
const RULES_MIN_WIDTH = 48;
/** A name column wider than this is cut in the middle, so a short name is never far from its rule. */
const NAME_MAX_WIDTH = 48;
/** A tree row without its name: cursor and mark (2), size (8 + 1), use mark (2), the rule or note (at most 20, + 1). */
const TREE_ROW_FIXED = 2 + 9 + 2 + 21;

/**
 * The size bars' width: longer bars on a wide terminal, none on a very narrow one.
 * @returns cells
 */
function barWidthFor(columns: number, treeWidth: number): number {
  if (columns >= 180) return 20;
  return treeWidth >= 64 ? 10 : treeWidth >= 44 ? 6 : 0;
}

/** Stacked: each pane gets what it shows; when both hold more than fits, the rules get 40%. */
function stackedRows(bodyRows: number, content: PaneContent): { treeRows: number; rulesRows: number } {
  const treeNeed = Math.max(2, content.entries + 1);
  const rulesNeed = Math.max(2, content.rules + 1);
  if (treeNeed + rulesNeed <= bodyRows) return { treeRows: treeNeed, rulesRows: bodyRows - treeNeed };
  const share = Math.max(2, Math.floor(bodyRows * RULES_SHARE));
  // The rules take their share, more when the tree needs less than the rest, never more than they show.
  const rulesRows = Math.max(2, Math.min(rulesNeed, Math.max(share, bodyRows - treeNeed)));
  return { treeRows: bodyRows - rulesRows, rulesRows };
}

/**
 * Divides the terminal: side by side from 100 columns, stacked below that. Stacked, rows go to
 * the pane that has something to show in them. Side by side, the tree is as wide as its longest
 * name needs (names over 48 columns are cut), the rules pane at least 48 columns (40% on
 * terminals under 120), and the rules take what the tree does not need. One row stays free below
 * the frame so the terminal never scrolls.
 * @returns the layout
 */
export function layoutFor(columns: number, rows: number, content: PaneContent, dialogRows = 0): Layout {
  const bodyRows = Math.max(4, rows - 1 - CHROME_ROWS - dialogRows);
  if (columns < SIDE_BY_SIDE_COLUMNS) {
    const { treeRows, rulesRows } = stackedRows(bodyRows, content);
    return { stacked: true, treeWidth: columns, rulesWidth: columns, treeRows, rulesRows, listRows: Math.max(1, treeRows - 1), bodyRows, dialogRows, barWidth: barWidthFor(columns, columns) };
  }
  const rulesMin = Math.min(RULES_MIN_WIDTH, Math.floor(columns * RULES_SHARE));
  const widest = columns - rulesMin - 1;
  const bars = barWidthFor(columns, widest);
  const needed = TREE_ROW_FIXED + (bars > 0 ? bars + 1 : 0) + Math.min(NAME_MAX_WIDTH, Math.max(12, content.longestName));
  const treeWidth = Math.min(widest, needed);
  const barWidth = barWidthFor(columns, treeWidth);
  return { stacked: false, treeWidth, rulesWidth: columns - treeWidth - 1, treeRows: bodyRows, rulesRows: bodyRows, listRows: bodyRows - 1, bodyRows, dialogRows, barWidth };
}

import { describe, expect, it } from 'vitest';
import { layoutFor } from './layout.js';

// Content as the seed scenario's root shows it (33 entries, the longest name 44 columns, 17 rules),
// and as a real project's root with a short ignore file (issue 13 #10: 20 entries, 3 rules).
const SEED = { entries: 33, longestName: 44, rules: 17 };
const FEW_RULES = { entries: 20, longestName: 20, rules: 3 };

describe('layoutFor', () => {
  it.each([
    { why: '80×24, few rules: the tree gets the rows the rules do not show (was 12 and 7, 4 of them blank)', columns: 80, rows: 24, content: FEW_RULES, expected: { stacked: true, treeRows: 15, rulesRows: 4, listRows: 14 } },
    { why: '80×24, both panes hold more than fits: the rules get 40%', columns: 80, rows: 24, content: SEED, expected: { stacked: true, treeRows: 12, rulesRows: 7 } },
    { why: '80×24, a small tree and many rules: the rules get the rest', columns: 80, rows: 24, content: { entries: 3, longestName: 8, rules: 30 }, expected: { treeRows: 4, rulesRows: 15 } },
    { why: '80×24, everything fits: each pane its rows, the rest below the rules', columns: 80, rows: 24, content: { entries: 9, longestName: 13, rules: 3 }, expected: { treeRows: 10, rulesRows: 9 } },
    { why: '80×24, an empty directory still has its title and its note', columns: 80, rows: 24, content: { entries: 0, longestName: 0, rules: 40 }, expected: { treeRows: 2, rulesRows: 17 } },
    { why: '120×40: side by side, names wider than the room: as before', columns: 120, rows: 40, content: SEED, expected: { stacked: false, treeWidth: 71, rulesWidth: 48, treeRows: 35, listRows: 34, barWidth: 10 } },
    { why: '220×50: the tree as wide as its names need, longer bars, the rules take the rest', columns: 220, rows: 50, content: SEED, expected: { stacked: false, treeWidth: 99, rulesWidth: 120, treeRows: 45, barWidth: 20 } },
    { why: '220×50, a 200-column name: cut at 48 so short names stay near their rule', columns: 220, rows: 50, content: { ...SEED, longestName: 200 }, expected: { treeWidth: 103, rulesWidth: 116 } },
    { why: '100×30: side by side from 100 columns, rules at 40%', columns: 100, rows: 30, content: SEED, expected: { stacked: false, treeWidth: 59, rulesWidth: 40, barWidth: 6 } },
    { why: '80×24 with a 6-row dialog under the panes', columns: 80, rows: 24, content: SEED, dialogRows: 6, expected: { bodyRows: 13, treeRows: 8, rulesRows: 5 } },
  ])('$why', ({ columns, rows, content, dialogRows, expected }) => {
    const layout = layoutFor(columns, rows, content, dialogRows);
    expect(layout).toMatchObject(expected);
    // Every row of the body and every column is given out, never more.
    if (layout.stacked) expect(layout.treeRows + layout.rulesRows).toBe(layout.bodyRows);
    else expect(layout.treeWidth + 1 + layout.rulesWidth).toBe(columns);
  });
});

/** @jsxRuntime automatic */
// Rules and names holding control characters (a tab, a carriage return, an escape: names are
// bytes) in every view of the TUI: each is shown as a dim escape, so no row wraps and the header
// stays on the first line.
import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEYS, openTui, type Tui } from './tui-ink.js';

const ROWS = 24;
// The legacy builder: BuildKit refuses control characters in ignore patterns whenever it sends
// anything (they travel in a gRPC header), and these tests are about showing them.
const LEGACY = { builder: 'legacy' } as const;
const COLUMNS = 100;

let tmp: TempDir;
beforeEach(async () => {
  tmp = await makeTempDir('ctxlens-tui-control-');
  await buildTree(tmp.path, [
    { file: 'Dockerfile', content: 'FROM scratch\n' },
    // A tab before a rule, an escape inside one, a lone carriage return inside one (not a line end).
    { file: '.dockerignore', content: '\tdist\na\u001bb\nc\rd\n' },
    { file: 'dist/app.js', size: 3000 },
    { file: 'we\tird.txt', size: 9000 },
    { file: 'e\u001b[31msc', size: 5000 },
    { file: 'c\rd', size: 100 },
  ]);
});
afterEach(async () => {
  cleanup();
  await tmp.cleanup();
});

/**
 * What the terminal would get, checked: no control character other than the TUI's own style codes
 * and line ends, the header on the first row, exactly one screen of rows.
 * @returns the frame without style codes
 */
function checked(tui: Tui): string {
  // eslint-disable-next-line no-control-regex
  const bare = tui.raw().replace(/\u001b\[[0-9;]*m/gu, '');
  // eslint-disable-next-line no-control-regex
  expect(bare.match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/gu) ?? []).toEqual([]);
  const rows = bare.split('\n');
  expect(rows[0]).toMatch(/^ctxlens \S+ · \d+ files/u);
  // The layout leaves the terminal's last row free (selectors.ts: layoutFor).
  expect(rows).toHaveLength(ROWS - 1);
  return bare;
}

/** The rows of a frame that match. */
const rowsMatching = (frame: string, re: RegExp): string[] => frame.split('\n').filter((row) => re.test(row));

describe('TUI: control characters in rules and names', () => {
  it('shows each rule on one row, its control characters as dim escapes, and the header stays on top', async () => {
    const tui = await openTui(tmp.path, { rows: ROWS, columns: COLUMNS, ...LEGACY });
    const frame = checked(tui);
    expect(frame).toMatch(/Rules \.dockerignore · 3/u);
    expect(rowsMatching(frame, /\[x\] +1 \\tdist +−4\.096kB$/u)).toHaveLength(1);
    expect(rowsMatching(frame, /\[x\] +2 a\\x1bb +±0B$/u)).toHaveLength(1);
    expect(rowsMatching(frame, /\[x\] +3 c\\rd +−1\.024kB$/u)).toHaveLength(1);
    // The tree: names with a tab and an escape sequence, and the rule that excludes `c\rd`.
    expect(rowsMatching(frame, /✓ +9\.728kB .*we\\tird\.txt +›/u)).toHaveLength(1);
    expect(rowsMatching(frame, /✓ +5\.632kB .*e\\x1b\[31msc +\[x\]/u)).toHaveLength(1);
    expect(rowsMatching(frame, /✗ +1\.024kB .*c\\rd +\.dockerignore:3$/u)).toHaveLength(1);
    // Dim, not just escaped: the stand-in reads apart from a typed backslash and letter.
    expect(tui.raw()).toContain('\u001b[2m\\t\u001b[22m');
  });

  it('explain: the path and the deciding rule are escaped', async () => {
    const tui = await openTui(tmp.path, { rows: ROWS, columns: COLUMNS, ...LEGACY });
    await tui.press([KEYS.end, 'e'], 'Explain');
    const frame = checked(tui);
    expect(frame).toContain('Explain c\\rd');
    expect(frame).toMatch(/✗ excluded under the legacy builder, decided by \.dockerignore:3 +c\\rd/u);
    expect(frame).toMatch(/^ {2}\.dockerignore:3 +c\\rd +matched/mu);
  });

  it('offenders, the ignore dialog and the save diff escape the name and the rule', async () => {
    const tui = await openTui(tmp.path, { rows: ROWS, columns: COLUMNS, ...LEGACY });
    await tui.press('o', 'Biggest sent');
    let frame = checked(tui);
    expect(rowsMatching(frame, /9kB +we\\tird\.txt +◌ never used · 1 file +→ we\\tird\.txt$/u)).toHaveLength(1);
    await tui.press(KEYS.escape, (f) => !f.includes('Biggest sent'));
    await tui.press(['i'], /saves \d/u);
    frame = checked(tui);
    expect(frame).toContain('Ignore we\\tird.txt: add this rule to .dockerignore?');
    expect(rowsMatching(frame, /› \S*we\\tird\.txt +saves 9\.728kB/u)).toHaveLength(1);
    await tui.press('y', 'added: ');
    frame = checked(tui);
    expect(frame).toMatch(/added: \S*we\\tird\.txt/u);
    await tui.press('w', 'Save ');
    frame = checked(tui);
    expect(rowsMatching(frame, /^\+ +4 \S*we\\tird\.txt$/u)).toHaveLength(1);
  });
});

/** @jsxRuntime automatic */
import { FIGURES } from '@ctxlens/core';
import { makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTuiFixture } from './tui-fixture.js';
import { KEYS, openTui } from './tui-ink.js';

let tmp: TempDir;
beforeEach(async () => {
  tmp = await makeTempDir('ctxlens-tui-browse-');
  await buildTuiFixture(tmp.path);
});
afterEach(async () => {
  cleanup();
  await tmp.cleanup();
});

/** The tree row of an entry: `›` when selected, then the mark, size and name. */
const row = (frame: string, name: string): string => frame.split('\n').find((l) => new RegExp(`^[ ›][✓✗◐] .* ${name.replace('.', '\\.')}/?\\b`).test(l)) ?? '';
const selectedName = (frame: string): string => /^›[✓✗◐]\s+\S+\s+(?:[●◌◍]\s)?[█░ ]*\s*(\S+)/m.exec(frame)?.[1] ?? '';

describe('TUI: header, tree and rules', () => {
  it('shows the figures, marks entries and names the deciding rule', async () => {
    const tui = await openTui(tmp.path);
    const frame = tui.frame();
    expect(frame).toContain('ctxlens 4.01MB · 9 files');
    expect(frame).toContain('with no ignore file: 425.24MB → 4.01MB (−99.0%)');
    expect(frame).toContain('builder BuildKit (transfer bytes) · .dockerignore · session ±0B');
    expect(row(frame, 'node_modules')).toMatch(/^›✗ +311\.1MB .*node_modules\/ +\.dockerignore:3 /);
    expect(row(frame, '.git')).toMatch(/✗ +100MB .*\.dockerignore:6 /);
    expect(row(frame, 'coverage')).toMatch(/^ ✓ +4\.003MB .*coverage\//);
    expect(frame).toMatch(/\[x\] +3 node_modules +−311\.20MB/);
    expect(frame).toMatch(/\[x\] +7 \*\.log +−10\.00MB/);
    // NO_COLOR: no colour codes at all; marks and glyphs carry the meaning.
    expect(tui.raw()).not.toMatch(/\u001b\[(3[0-7]|9[0-7]|38;)/);
  });

  it('colours the marks and bars when colours are on', async () => {
    const tui = await openTui(tmp.path, { color: true });
    expect(tui.raw()).toMatch(/\u001b\[31m✗\u001b\[39m/);
    expect(tui.raw()).toMatch(/\u001b\[32m✓\u001b\[39m/);
  });

  it('moves with ↓/j/↑/k/PgDn/PgUp/End/G/Home/g, opens with Enter/→ and leaves with ←/Backspace', async () => {
    const tui = await openTui(tmp.path);
    expect(selectedName(await tui.press([KEYS.down, 'j']))).toBe('app.log');
    expect(selectedName(await tui.press(['k']))).toBe('.git/');
    expect(selectedName(await tui.press([KEYS.up]))).toBe('node_modules/');
    expect(selectedName(await tui.press([KEYS.pageDown]))).toBe('package.json');
    expect(selectedName(await tui.press([KEYS.pageUp]))).toBe('node_modules/');
    expect(selectedName(await tui.press(['G']))).toBe('package.json');
    expect(selectedName(await tui.press(['g']))).toBe('node_modules/');
    expect(selectedName(await tui.press([KEYS.end]))).toBe('package.json');
    expect(selectedName(await tui.press([KEYS.home]))).toBe('node_modules/');
    let frame = await tui.press(KEYS.enter, '/node_modules ');
    expect(selectedName(frame)).toBe('.cache/');
    expect(frame).toMatch(/left-pad\//);
    frame = await tui.press(KEYS.left, /▸ \/ /);
    expect(selectedName(frame)).toBe('node_modules/');
    await tui.press([KEYS.right, KEYS.down, KEYS.down], /›✗ .*left-pad\//);
    frame = await tui.press('l', '/node_modules/left-pad ');
    frame = await tui.press(KEYS.backspace, '/node_modules ');
    expect(selectedName(frame)).toBe('left-pad/');
    frame = await tui.press('h', /▸ \/ /);
    await tui.press(['j', 'j', 'j', 'j', 'j', KEYS.enter], 'is not a directory');
  });

  it('sorts by name with n and by size with s, keeping the selection', async () => {
    const tui = await openTui(tmp.path);
    let frame = await tui.press(['j', 'n'], `by name · ${FIGURES.tarBytes.label}`);
    const names = frame.split('\n').map((l) => /^[ ›][✓✗◐] +\S+ +(?:[●◌◍]\s)?[█░ ]*\s*(\S+)/.exec(l)?.[1]).filter(Boolean);
    expect(names).toEqual(['.dockerignore', '.env', '.git/', 'Dockerfile', 'app.log', 'coverage/', 'node_modules/', 'package.json', 'src/']);
    expect(selectedName(frame)).toBe('.git/');
    frame = await tui.press('s', `by ${FIGURES.tarBytes.label}`);
    expect(selectedName(frame)).toBe('.git/');
  });

  it('shows partly sent directories with their sent size beside their total', async () => {
    const tui = await openTui(tmp.path);
    await tui.press([KEYS.tab, 'a']);
    await tui.press([...'!node_modules/react', KEYS.enter], 'added: !node_modules/react');
    const frame = await tui.waitFor(/◐ +311\.1MB .*node_modules\/ +sent 2\.123MB/);
    expect(frame).toContain('ctxlens 6.13MB');
  });

  it('filters by name with /, live, and Esc clears it', async () => {
    const tui = await openTui(tmp.path);
    let frame = await tui.press(['/', 'c', 'o'], 'filter "co"');
    expect(frame).toContain('filter: co');
    expect(frame).toContain('1 entry ·');
    expect(selectedName(frame)).toBe('coverage/');
    frame = await tui.press(KEYS.backspace, 'filter "c"');
    expect(frame).toContain('5 entries');
    frame = await tui.press(KEYS.enter, /↵\/→ open/);
    expect(frame).toContain('filter "c"');
    frame = await tui.press(['/', KEYS.escape], (f) => !f.includes('filter "'));
    expect(frame).toContain('9 entries');
  });

  it('lists a 50,000-entry directory by drawing only the rows on screen', async () => {
    const { buildTree } = await import('@ctxlens/test-fixtures');
    const big = await makeTempDir('ctxlens-tui-big-');
    try {
      await buildTree(big.path, [{ file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' }, ...Array.from({ length: 50_000 }, (_, i) => ({ file: `many/f${String(i).padStart(5, '0')}`, size: i }))]);
      const tui = await openTui(big.path, { ready: 'with no ignore file' });
      await tui.press(KEYS.enter, '/many ');
      // Speed is a benchmark (bench/first-paint.ts), not a timed assertion: this checks the frame
      // holds only the rows a screen shows after twenty pages.
      const frame = await tui.press(Array.from({ length: 20 }, () => KEYS.pageDown), /›✓ .*f4[0-9]{4}/);
      expect(frame.split('\n').length).toBeLessThanOrEqual(39);
      expect(frame).toContain('50,000 entries');
    } finally {
      cleanup();
      await big.cleanup();
    }
  });
});

describe('TUI: rules pane', () => {
  it('Tab focuses the rules; Space switches node_modules off and on, and every number follows', async () => {
    const tui = await openTui(tmp.path);
    let frame = await tui.press(KEYS.tab, '▸ Rules');
    frame = await tui.press(KEYS.space, 'ctxlens 315.21MB');
    expect(frame).toMatch(/\[ \] +3 node_modules/);
    expect(row(frame, 'node_modules')).toMatch(/✓ +311\.1MB/);
    expect(frame).toContain('session +311.20MB (4.01MB → 315.21MB)');
    expect(frame).toContain('● unsaved');
    frame = await tui.press(KEYS.space, 'ctxlens 4.01MB');
    expect(frame).toMatch(/\[x\] +3 node_modules/);
    expect(frame).not.toContain('● unsaved');
  });

  it('a adds a rule, validating as you type with Docker\'s error and the line', async () => {
    const tui = await openTui(tmp.path);
    await tui.press([KEYS.tab, 'a'], 'add rule:');
    let frame = await tui.press([...'cov['], '✗ .dockerignore:8: syntax error in pattern — To match a literal "["');
    frame = await tui.press(KEYS.enter);
    expect(frame).toContain('add rule: cov[');
    frame = await tui.press([KEYS.backspace, ...'erage'], '✓ .dockerignore:8 excludes "coverage"');
    frame = await tui.press(KEYS.enter, 'ctxlens 11.59kB');
    await tui.waitFor(/›\[x\] +8 coverage +−4\.00MB/);
    frame = await tui.press(['a', ...'# note'], 'a comment adds no rule');
    await tui.press(KEYS.escape, (f) => !f.includes('add rule:'));
  });

  it('x deletes, K/J and Shift+↑/↓ move a rule (order matters), u undoes', async () => {
    const tui = await openTui(tmp.path);
    await tui.press([KEYS.tab, 'j', 'j']);
    let frame = await tui.press('K', /\[x\] +6 \*\.log/);
    expect(frame).toMatch(/\[x\] +7 \.git/);
    frame = await tui.press('J', /\[x\] +7 \*\.log/);
    frame = await tui.press(KEYS.shiftUp, /\[x\] +6 \*\.log/);
    frame = await tui.press(KEYS.shiftDown, /\[x\] +7 \*\.log/);
    frame = await tui.press('x', 'ctxlens 14.02MB');
    expect(frame).toContain('deleted: *.log');
    expect(frame).not.toMatch(/\[x\] +\d+ \*\.log/);
    frame = await tui.press('u', 'ctxlens 4.01MB');
    expect(frame).toMatch(/\[x\] +7 \*\.log/);
    expect(frame).toContain('undone');
  });

  it('shows what each rule alone does, and what a switched-off rule would do', async () => {
    const tui = await openTui(tmp.path);
    const frame = await tui.press([KEYS.tab, 'j', KEYS.space], /\[ \] +6 \.git +−100\.02MB/);
    expect(frame).toMatch(/\[x\] +3 node_modules +−311\.20MB/);
  });
});

describe('TUI: rules Docker rejects', () => {
  it('opens anyway, names the line and Docker\'s error, and recovers when the rule is fixed', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${tmp.path}/.dockerignore`, 'node_modules\nbad[\n');
    const tui = await openTui(tmp.path);
    let frame = await tui.waitFor('✗ .dockerignore:2: syntax error in pattern');
    expect(frame).toContain('✗ rejected by Docker');
    expect(frame).toMatch(/\[x\] +2 ✗ bad\[/);
    frame = await tui.press([KEYS.tab, 'j', 'x'], (f) => !f.includes('rejected by Docker'));
    expect(frame).toContain('ctxlens 114.04MB');
  });
});

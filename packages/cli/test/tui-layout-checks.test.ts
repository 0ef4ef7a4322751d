// The layout checks must catch the layouts issue 13 point 10 reported; these screens are cut-down
// copies of what the TUI drew before the fix (tmux captures of the seed scenario).
import { describe, expect, it } from 'vitest';
import { screenFacts } from './tui-layout-checks.js';

const HEADER = ['ctxlens 1.90MB · 262 files', 'builder BuildKit · .dockerignore'];
const FOOTER = ['✓ sent  ✗ excluded', '↵/→ open  ←/⌫ up  s size  n name  i ignore  ! include  e explain  / filter  U u…'];
const screen = (body: string[], footer = FOOTER): string => [...HEADER, ...body, ...footer, ''].join('\n');

describe('screenFacts', () => {
  it('80×24 before the fix: the hints were cut before `? help`', () => {
    const facts = screenFacts(screen(['▸ /  33 entries · by size', '›✗  349.7MB   ░░ node_modules/   .dockerignore:5', '  Rules .dockerignore · 17', '›[x]  5 node_modules   −335.70MB']), 80);
    expect(facts.hints).not.toContain('? help');
    expect(facts.allShown).toBe(false);
  });

  it('blank rows under the rules while tree entries are hidden', () => {
    const body = ['▸ /  20 entries · by size', ' ✓  1.46MB ● src/', '  Rules .dockerignore · 3', ' [x]  3 node_modules   −1MB', ' [x]  6 .git   −1MB', ' [x]  7 *.log   −1MB', '', '', '', '', ''];
    const facts = screenFacts(screen(body), 80);
    expect(facts).toMatchObject({ blankRun: 5, allShown: false });
  });

  it('220 columns before the fix: a 140-column gap between a name and its rule', () => {
    const row = ` ✗     25MB   ░          dist/${' '.repeat(140)}.dockerignore:14  [x] 14 dist   −25.00MB`;
    const title = `▸ /  1 entry · by size${' '.repeat(row.indexOf('[x]') - 2 - 22)}Rules .dockerignore · 1`;
    const facts = screenFacts(screen([title, row]), 220);
    expect(facts.treeGap).toBe(140);
    expect(facts.tooWide).toEqual([]);
  });

  it('a line wider than the terminal', () => {
    expect(screenFacts(screen(['x'.repeat(81)]), 80).tooWide).toHaveLength(1);
  });
});

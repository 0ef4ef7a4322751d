import { describe, expect, it } from 'vitest';
import { footerHints } from './footer-hints.js';
import type { Scope } from './keymap.js';

const TREE: Scope[] = ['tree', 'global'];
const RULES: Scope[] = ['rules', 'global'];

describe('footerHints', () => {
  it.each([
    { scopes: TREE, width: 80, hints: '↵/→ open  ←/⌫ up  s size  n name  i ignore  ! include  Tab pane  ? help  q quit', why: 'tree at 80 columns (issue 13 #10: was cut at "U u…")' },
    { scopes: TREE, width: 40, hints: '↵/→ open  Tab pane  ? help  q quit', why: 'tree at 40 columns' },
    { scopes: TREE, width: 20, hints: 'Tab pane  ? help  q quit', why: 'too narrow for any other hint: the kept ones stay' },
    { scopes: RULES, width: 80, hints: 'Space on/off  a add  x delete  K/⇧↑ up  J/⇧↓ down  Tab pane  ? help  q quit', why: 'rules at 80 columns' },
    {
      scopes: TREE,
      width: 220,
      hints: '↵/→ open  ←/⌫ up  s size  n name  i ignore  ! include  e explain  / filter  U unused  u undo  o offenders  b builder  w save  Tab pane  ? help  q quit',
      why: 'wide: every hint',
    },
    { scopes: ['text'] as Scope[], width: 80, hints: '↵ accept  Esc cancel', why: 'an input: its own keys' },
  ])('$why', ({ scopes, width, hints }) => {
    const line = footerHints(scopes, width);
    expect(line).toBe(hints);
    expect([...line].length).toBeLessThanOrEqual(Math.max(width, 'Tab pane  ? help  q quit'.length));
  });
});

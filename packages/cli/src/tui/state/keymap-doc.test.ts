import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEYMAP } from './keymap.js';
import { keymapMarkdown } from './keymap-doc.js';

describe('keymapMarkdown', () => {
  it('documents every binding of the keymap', () => {
    const md = keymapMarkdown();
    for (const b of KEYMAP) expect(md).toContain(`| ${b.help} |`);
    expect(md).toContain('#### Tree pane');
    expect(md).toContain('| `Space` | switch the rule on or off |');
  });
});

describe('the README', () => {
  it('carries the keymap tables as generated (regenerate them from keymapMarkdown() when keys change)', () => {
    const readme = readFileSync(new URL('../../../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(keymapMarkdown().trim());
  });
});

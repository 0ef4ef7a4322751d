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

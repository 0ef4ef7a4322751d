// The keymap as a Markdown table, for the README: the same rows the `?` screen and the handlers use.
import { KEYMAP, type Scope } from './keymap.js';

const SECTIONS: readonly [Scope, string][] = [
  ['tree', 'Tree pane'],
  ['rules', 'Rules pane'],
  ['global', 'Anywhere'],
  ['choose', 'Proposed rules'],
  ['confirm', 'Dialogs'],
  ['quit', 'Quitting with unsaved changes'],
  ['conflict', 'Conflict on save'],
  ['notice', 'Save failed'],
  ['list', 'Offenders and builder differences'],
  ['overlay', 'Help and explain'],
  ['text', 'Filter and add-rule inputs'],
  ['always', 'At any time'],
];

/**
 * Renders the keymap as Markdown tables, one per scope.
 * @returns the Markdown
 */
export function keymapMarkdown(): string {
  const out: string[] = [];
  for (const [scope, title] of SECTIONS) {
    const rows = KEYMAP.filter((b) => b.scope === scope);
    if (rows.length === 0) continue;
    out.push(`#### ${title}`, '', '| Keys | Does |', '| --- | --- |');
    for (const b of rows) out.push(`| \`${b.label.replace(/\|/g, '\\|')}\` | ${b.help} |`);
    out.push('');
  }
  return out.join('\n');
}

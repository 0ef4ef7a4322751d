import { describe, expect, it } from 'vitest';
import { checkRuleLine } from './validate-rule.js';

describe('checkRuleLine', () => {
  it.each([
    { text: 'node_modules', kind: 'rule', detail: 'node_modules' },
    { text: '/dist/', kind: 'rule', detail: 'dist' },
    { text: '!keep.txt', kind: 'rule', detail: 'keep.txt' },
    { text: '# a comment', kind: 'not-a-rule', detail: 'a comment adds no rule' },
    { text: '   ', kind: 'not-a-rule', detail: 'a blank line adds no rule' },
    { text: 'foo[', kind: 'error', detail: '.dockerignore:9: syntax error in pattern' },
    { text: '!', kind: 'error', detail: '.dockerignore:9: illegal exclusion pattern: "!"' },
  ] as const)('$text → $kind', ({ text, kind, detail }) => {
    const check = checkRuleLine(text, '.dockerignore', 9);
    expect(check.kind).toBe(kind);
    if (check.kind === 'rule') expect(check.pattern).toBe(detail);
    if (check.kind === 'not-a-rule') expect(check.reason).toBe(detail);
    if (check.kind === 'error') expect(check.error.toString()).toBe(detail);
  });
});

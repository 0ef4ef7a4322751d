import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { footerHints } from './footer-hints.js';
import { commandFor, KEYMAP, type Scope, scopesFor } from './keymap.js';

const noKey: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

describe('keymap', () => {
  it('resolves every binding of the table to its own command in its scope', () => {
    for (const binding of KEYMAP) {
      for (const spec of binding.keys) {
        const key: Key = { ...noKey, ...(spec.key ? { [spec.key]: true } : {}), shift: spec.shift ?? false, ctrl: spec.ctrl ?? false };
        expect(commandFor([binding.scope], spec.input ?? '', key), `${binding.scope} ${binding.label}`).toBe(binding.command);
      }
    }
  });

  it('binds no key twice within a scope', () => {
    const seen = new Set<string>();
    for (const b of KEYMAP) {
      for (const spec of b.keys) {
        const id = `${b.scope}:${spec.input ?? ''}:${spec.key ?? ''}:${spec.shift ?? ''}:${spec.ctrl ?? ''}`;
        expect(seen.has(id), id).toBe(false);
        seen.add(id);
      }
    }
  });

  it('has the keys the issue asks for', () => {
    const tree: Scope[] = ['tree', 'global'];
    const rules: Scope[] = ['rules', 'global'];
    const is = (scopes: Scope[], input: string, key: Partial<Key> = {}) => commandFor(scopes, input, { ...noKey, ...key });
    expect(is(tree, 's')).toBe('sort-size');
    expect(is(tree, 'n')).toBe('sort-name');
    expect(is(tree, '', { return: true })).toBe('open');
    expect(is(tree, '', { rightArrow: true })).toBe('open');
    expect(is(tree, '', { leftArrow: true })).toBe('back');
    expect(is(tree, '', { backspace: true })).toBe('back');
    expect(is(tree, '', { delete: true })).toBe('back');
    expect(is(tree, '', { tab: true })).toBe('switch-pane');
    expect(is(rules, ' ')).toBe('toggle-rule');
    expect(is(rules, 'a')).toBe('add-rule');
    expect(is(rules, 'x')).toBe('delete-rule');
    expect(is(rules, 'K', { shift: true })).toBe('move-rule-up');
    expect(is(rules, '', { upArrow: true, shift: true })).toBe('move-rule-up');
    expect(is(rules, '', { upArrow: true })).toBe('cursor-up');
    for (const [input, command] of [['u', 'undo'], ['i', 'ignore'], ['!', 'include'], ['e', 'explain'], ['o', 'offenders'], ['b', 'builder'], ['/', 'filter'], ['?', 'help'], ['q', 'quit'], ['w', 'save'], ['r', 'rescan']] as const) {
      expect(is(tree, input)).toBe(command);
    }
  });

  it('gives each mode its scopes, and hints from the same table', () => {
    expect(scopesFor({ kind: 'browse' }, 'rules')).toEqual(['rules', 'global', 'always']);
    expect(scopesFor({ kind: 'add-rule', text: '' }, 'rules')).toEqual(['text', 'always']);
    expect(scopesFor({ kind: 'confirm-ignore', index: 1, choice: 0 }, 'tree')).toEqual(['choose', 'confirm', 'always']);
    expect(scopesFor({ kind: 'confirm-quit' }, 'tree')).toEqual(['quit', 'confirm', 'always']);
    expect(footerHints(['text'], 80)).toBe('↵ accept  Esc cancel');
  });

  // Issue 13 point 9: Ctrl-C is read in every mode (Ink no longer quits on it by itself), and a
  // plain `c` is never taken for it, nor Ctrl-C for a typed `c`.
  it.each([
    { kind: 'browse' },
    { kind: 'add-rule', text: '' },
    { kind: 'filter', text: '' },
    { kind: 'confirm-quit' },
    { kind: 'save' },
    { kind: 'conflict' },
    { kind: 'help', scroll: 0 },
  ] as const)('reads Ctrl-C as interrupt in $kind', (mode) => {
    const scopes = scopesFor(mode, 'tree');
    expect(commandFor(scopes, 'c', { ...noKey, ctrl: true })).toBe('interrupt');
    expect(commandFor(scopes, 'c', noKey)).not.toBe('interrupt');
  });

  it('offers save-and-quit in the quit dialog', () => {
    expect(commandFor(scopesFor({ kind: 'confirm-quit' }, 'tree'), 'w', noKey)).toBe('save');
  });
});

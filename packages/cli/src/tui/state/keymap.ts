// Keys are data: one table from key to Command, read by the input handler, the `?` screen and
// the README, so they cannot drift apart. Which part of the table applies depends on the mode.
import type { Key } from 'ink';
import type { Mode, Pane } from './types.js';

/** Everything a key can ask for. */
export type Command =
  | 'cursor-up' | 'cursor-down' | 'page-up' | 'page-down' | 'first' | 'last'
  | 'open' | 'back' | 'sort-size' | 'sort-name' | 'ignore' | 'include' | 'explain' | 'filter' | 'unused-only'
  | 'toggle-rule' | 'add-rule' | 'delete-rule' | 'move-rule-up' | 'move-rule-down'
  | 'switch-pane' | 'undo' | 'offenders' | 'builder' | 'save' | 'help' | 'quit'
  | 'confirm' | 'cancel' | 'next-choice' | 'reload' | 'submit' | 'erase' | 'rescan' | 'interrupt';

/** Where a binding applies. */
export type Scope = 'tree' | 'rules' | 'global' | 'list' | 'choose' | 'confirm' | 'quit' | 'conflict' | 'notice' | 'overlay' | 'text' | 'always';

/** One key: a typed character, or a named key from Ink, with modifiers. */
export interface KeySpec {
  readonly input?: string;
  readonly key?: 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab' | 'backspace' | 'delete';
  readonly shift?: boolean;
  /** With Ctrl held (only for typed characters, which otherwise must come without it). */
  readonly ctrl?: boolean;
}

/** A row of the keymap. */
export interface Binding {
  readonly scope: Scope;
  readonly command: Command;
  readonly keys: readonly KeySpec[];
  /** How the keys are shown, e.g. `↑/k`. */
  readonly label: string;
  readonly help: string;
  /** One word for the footer's key hints; bindings without it are only on the `?` screen. */
  readonly short?: string;
}

const k = (key: KeySpec['key'], shift?: boolean): KeySpec => (shift === undefined ? { key } : { key, shift });
const c = (input: string): KeySpec => ({ input });

/** The keymap. */
export const KEYMAP: readonly Binding[] = [
  { scope: 'tree', command: 'cursor-up', keys: [k('upArrow', false), c('k')], label: '↑/k', help: 'move up' },
  { scope: 'tree', command: 'cursor-down', keys: [k('downArrow', false), c('j')], label: '↓/j', help: 'move down' },
  { scope: 'tree', command: 'page-up', keys: [k('pageUp')], label: 'PgUp', help: 'page up' },
  { scope: 'tree', command: 'page-down', keys: [k('pageDown')], label: 'PgDn', help: 'page down' },
  { scope: 'tree', command: 'first', keys: [k('home'), c('g')], label: 'Home/g', help: 'first entry' },
  { scope: 'tree', command: 'last', keys: [k('end'), c('G')], label: 'End/G', help: 'last entry' },
  { scope: 'tree', command: 'open', keys: [k('return'), k('rightArrow'), c('l')], label: '↵/→', help: 'open the directory', short: 'open' },
  { scope: 'tree', command: 'back', keys: [k('leftArrow'), k('backspace'), k('delete'), c('h')], label: '←/⌫', help: 'go up a directory', short: 'up' },
  { scope: 'tree', command: 'sort-size', keys: [c('s')], label: 's', help: 'sort by size', short: 'size' },
  { scope: 'tree', command: 'sort-name', keys: [c('n')], label: 'n', help: 'sort by name', short: 'name' },
  { scope: 'tree', command: 'ignore', keys: [c('i')], label: 'i', help: 'ignore the selected path (adds a rule)', short: 'ignore' },
  { scope: 'tree', command: 'include', keys: [c('!')], label: '!', help: 're-include the selected path (adds an exception)', short: 'include' },
  { scope: 'tree', command: 'explain', keys: [c('e')], label: 'e', help: 'explain why the path is in or out', short: 'explain' },
  { scope: 'tree', command: 'filter', keys: [c('/')], label: '/', help: 'filter entries by name', short: 'filter' },
  { scope: 'tree', command: 'unused-only', keys: [c('U')], label: 'U', help: 'show only what is sent but never used (◌), or everything again', short: 'unused' },
  { scope: 'rules', command: 'cursor-up', keys: [k('upArrow', false), c('k')], label: '↑/k', help: 'previous rule' },
  { scope: 'rules', command: 'cursor-down', keys: [k('downArrow', false), c('j')], label: '↓/j', help: 'next rule' },
  { scope: 'rules', command: 'toggle-rule', keys: [c(' ')], label: 'Space', help: 'switch the rule on or off', short: 'on/off' },
  { scope: 'rules', command: 'add-rule', keys: [c('a')], label: 'a', help: 'add a rule (validated as you type)', short: 'add' },
  { scope: 'rules', command: 'delete-rule', keys: [c('x')], label: 'x', help: 'delete the rule', short: 'delete' },
  { scope: 'rules', command: 'move-rule-up', keys: [k('upArrow', true), c('K')], label: 'K/⇧↑', help: 'move the rule up (order matters)', short: 'up' },
  { scope: 'rules', command: 'move-rule-down', keys: [k('downArrow', true), c('J')], label: 'J/⇧↓', help: 'move the rule down', short: 'down' },
  { scope: 'global', command: 'switch-pane', keys: [k('tab')], label: 'Tab', help: 'switch between tree and rules', short: 'pane' },
  { scope: 'global', command: 'undo', keys: [c('u')], label: 'u', help: 'undo the last rule change', short: 'undo' },
  { scope: 'global', command: 'offenders', keys: [c('o')], label: 'o', help: 'offenders: secrets, biggest, bloat', short: 'offenders' },
  { scope: 'global', command: 'builder', keys: [c('b')], label: 'b', help: 'switch builder (BuildKit/legacy), show differences', short: 'builder' },
  { scope: 'global', command: 'save', keys: [c('w')], label: 'w', help: 'save: show the diff, write after confirming', short: 'save' },
  { scope: 'global', command: 'help', keys: [c('?')], label: '?', help: 'show every key', short: 'help' },
  { scope: 'global', command: 'rescan', keys: [c('r')], label: 'r', help: 'rescan the disk: tree, ignore file and Dockerfile (unsaved rule edits are replayed on top)' },
  { scope: 'global', command: 'quit', keys: [c('q')], label: 'q', help: 'quit (asks when there are unsaved changes)', short: 'quit' },
  { scope: 'list', command: 'cursor-up', keys: [k('upArrow'), c('k')], label: '↑/k', help: 'move up' },
  { scope: 'list', command: 'cursor-down', keys: [k('downArrow'), c('j')], label: '↓/j', help: 'move down' },
  { scope: 'list', command: 'confirm', keys: [k('return')], label: '↵', help: 'show it in the tree', short: 'show in tree' },
  { scope: 'list', command: 'cancel', keys: [k('escape'), c('q'), c('o'), c('b')], label: 'Esc', help: 'close', short: 'close' },
  { scope: 'confirm', command: 'confirm', keys: [c('y'), k('return')], label: 'y/↵', help: 'confirm', short: 'yes' },
  { scope: 'confirm', command: 'cancel', keys: [c('n'), k('escape')], label: 'n/Esc', help: 'cancel', short: 'no' },
  { scope: 'quit', command: 'save', keys: [c('w')], label: 'w', help: 'save, then quit', short: 'save and quit' },
  { scope: 'choose', command: 'next-choice', keys: [k('tab'), k('downArrow'), k('upArrow')], label: 'Tab', help: 'choose another proposal', short: 'other rule' },
  { scope: 'conflict', command: 'reload', keys: [c('r')], label: 'r', help: 'reload the file from disk (then u replays your edits onto it)', short: 'reload' },
  { scope: 'conflict', command: 'cancel', keys: [c('n'), k('escape')], label: 'Esc', help: 'keep editing', short: 'keep editing' },
  { scope: 'notice', command: 'cancel', keys: [k('escape'), k('return'), c('n')], label: 'Esc/↵', help: 'close the message and keep editing (w tries again)', short: 'keep editing' },
  { scope: 'overlay', command: 'cursor-up', keys: [k('upArrow'), c('k')], label: '↑/k', help: 'scroll up' },
  { scope: 'overlay', command: 'cursor-down', keys: [k('downArrow'), c('j')], label: '↓/j', help: 'scroll down' },
  { scope: 'overlay', command: 'cancel', keys: [k('escape'), c('q'), c('?'), c('e'), k('return')], label: 'Esc', help: 'close', short: 'close' },
  { scope: 'text', command: 'submit', keys: [k('return')], label: '↵', help: 'accept', short: 'accept' },
  { scope: 'text', command: 'cancel', keys: [k('escape')], label: 'Esc', help: 'cancel', short: 'cancel' },
  { scope: 'text', command: 'erase', keys: [k('backspace'), k('delete')], label: '⌫', help: 'delete a character' },
  {
    scope: 'always',
    command: 'interrupt',
    keys: [{ input: 'c', ctrl: true }],
    label: 'Ctrl-C',
    help: 'quit at once, or with unsaved changes ask as q does; a second Ctrl-C quits without saving (exit status 130)',
  },
];

/**
 * The scopes whose bindings apply in a mode, most specific first.
 * @returns the scopes
 */
export function scopesFor(mode: Mode, pane: Pane): readonly Scope[] {
  return [...modeScopes(mode, pane), 'always'];
}

function modeScopes(mode: Mode, pane: Pane): readonly Scope[] {
  switch (mode.kind) {
    case 'browse':
      return [pane, 'global'];
    case 'filter':
    case 'add-rule':
      return ['text'];
    case 'offenders':
    case 'builder-diff':
      return ['list'];
    case 'confirm-ignore':
      return ['choose', 'confirm'];
    case 'confirm-include':
    case 'save':
      return ['confirm'];
    case 'confirm-quit':
      return ['quit', 'confirm'];
    case 'conflict':
      return ['conflict'];
    case 'save-failed':
      return ['notice'];
    case 'help':
    case 'explain':
      return ['overlay'];
    default: {
      const unreachable: never = mode;
      return unreachable;
    }
  }
}

function matches(spec: KeySpec, input: string, key: Key): boolean {
  if (spec.input !== undefined) return input === spec.input && (key.ctrl === true) === (spec.ctrl === true) && !key.meta;
  if (spec.key === undefined || !key[spec.key]) return false;
  return spec.shift === undefined || spec.shift === key.shift;
}

/**
 * Looks a key press up in the keymap.
 * @returns the command, or undefined when the key means nothing here
 */
export function commandFor(scopes: readonly Scope[], input: string, key: Key): Command | undefined {
  for (const scope of scopes) {
    for (const binding of KEYMAP) {
      if (binding.scope === scope && binding.keys.some((spec) => matches(spec, input, key))) return binding.command;
    }
  }
  return undefined;
}

/**
 * Text typed into an input: printable characters only (a bracketed paste arrives as one string).
 * @returns the text to insert, or '' for keys that are not text
 */
export function typedText(input: string, key: Key): string {
  if (key.ctrl || key.meta || key.return || key.tab || key.escape) return '';
  // Line breaks in a paste cannot be part of a .dockerignore line or a name filter.
  return input.replace(/[\u0000-\u001f\u007f]/g, '');
}

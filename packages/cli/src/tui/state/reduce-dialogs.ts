// Commands while a dialog, list or text input is open: confirming a proposed rule, the save diff,
// the conflict prompt, quitting, and the offenders / builder-difference lists.
import { checkRuleLine } from '@ctxlens/core/live';
import { formatSent } from './figures.js';
import type { Command } from './keymap.js';
import { addRuleLine } from './reduce-rules.js';
import { revealEntry } from './reduce-tree.js';
import { findEntry } from './find-entry.js';
import { offenderRows } from './selectors.js';
import type { TuiState } from './types.js';
import { moveCursor } from './viewport.js';

const browse = (state: TuiState): TuiState => ({ ...state, mode: { kind: 'browse' }, modeData: undefined });

function confirmIgnore(state: TuiState, index: number, choice: number): TuiState {
  const data = state.modeData;
  // Confirmed before the preview arrived: done when it does (see confirmWhenReady).
  if (data?.kind !== 'ignore-preview' || data.index !== index) return { ...state, mode: { kind: 'confirm-ignore', index, choice, confirmed: true } };
  const option = data.options[choice];
  if (option === undefined) {
    const text = data.withheld > 0 ? 'not ignored: the Dockerfile uses this path' : 'no rule can express this path (a line break in its name)';
    return browse({ ...state, status: { text, tone: 'warn' } });
  }
  const saves = option.savesBytes === undefined ? '' : ` (saves ${formatSent(option.savesBytes, state.builder)})`;
  return addRuleLine(browse(state), option.rule.line, { text: `added: ${option.rule.line}${saves}`, tone: 'success' });
}

function confirmInclude(state: TuiState, index: number): TuiState {
  const data = state.modeData;
  if (data?.kind !== 'include-preview' || data.index !== index) return { ...state, mode: { kind: 'confirm-include', index, confirmed: true } };
  if (data.rule === undefined) return browse({ ...state, status: { text: 'no rule can express this path (a line break in its name)', tone: 'warn' } });
  const warn = !data.legacyHonours || !data.buildkitHonours;
  const text = warn ? `added: ${data.rule.line} — ${!data.legacyHonours ? 'the legacy builder' : 'BuildKit'} will not honour it` : `added: ${data.rule.line}`;
  return addRuleLine(browse(state), data.rule.line, { text, tone: warn ? 'warn' : 'success' });
}

function submitText(state: TuiState): TuiState {
  const mode = state.mode;
  if (mode.kind === 'filter') return browse(state);
  if (mode.kind !== 'add-rule' || state.session === undefined) return state;
  const check = checkRuleLine(mode.text, state.session.ignoreLabel, state.rules.doc.lines.length + 1);
  if (check.kind !== 'rule') return state;
  return addRuleLine(browse(state), mode.text, { text: `added: ${mode.text}`, tone: 'success' });
}

function jumpFromList(state: TuiState): TuiState {
  const mode = state.mode;
  const data = state.modeData;
  const inv = state.session?.evaluator.from.totals.inventory;
  if (inv === undefined) return state;
  if (mode.kind === 'offenders' && data?.kind === 'offenders') {
    const row = offenderRows(data)[mode.cursor];
    const index = row === undefined ? undefined : findEntry(inv, row.path);
    return index === undefined ? state : revealEntry(state, index);
  }
  if (mode.kind === 'builder-diff' && data?.kind === 'builder-diff') {
    const row = data.rows[mode.cursor];
    return row === undefined ? state : revealEntry(state, row.index);
  }
  return state;
}

function listLength(state: TuiState): number {
  const data = state.modeData;
  if (data?.kind === 'offenders') return offenderRows(data).length;
  if (data?.kind === 'builder-diff') return data.rows.length;
  return 0;
}

/**
 * Applies a command while something covers the panes.
 * @returns the new state
 */
export function reduceDialogCommand(state: TuiState, command: Command): TuiState {
  const mode = state.mode;
  if (command === 'cancel') {
    if (mode.kind === 'filter') return browse({ ...state, tree: { ...state.tree, filter: '', cursor: 0 } });
    if (mode.kind === 'conflict') return browse({ ...state, status: { text: `not saved: ${state.session?.ignoreLabel ?? 'the file'} changed on disk`, tone: 'warn' } });
    if (mode.kind === 'save-failed') return browse({ ...state, status: { text: `not saved: ${mode.message}`, tone: 'error' } });
    return browse(state);
  }
  switch (mode.kind) {
    case 'confirm-ignore':
      if (command === 'next-choice') {
        // Before the preview is in, the number of proposals is not known: count on, and wrap
        // when it arrives (confirmWhenReady), so a Tab typed ahead still picks the next one.
        const count = state.modeData?.kind === 'ignore-preview' ? Math.max(1, state.modeData.options.length) : Infinity;
        return { ...state, mode: { ...mode, choice: (mode.choice + 1) % count } };
      }
      return command === 'confirm' ? confirmIgnore(state, mode.index, mode.choice) : state;
    case 'confirm-include':
      return command === 'confirm' ? confirmInclude(state, mode.index) : state;
    case 'save':
      return command === 'confirm' ? { ...browse(state), request: { kind: 'write' }, status: { text: 'saving…', tone: 'info' } } : state;
    case 'confirm-quit':
      if (command === 'save') return { ...browse(state), request: { kind: 'write', thenExit: true }, status: { text: 'saving, then quitting…', tone: 'info' } };
      return command === 'confirm' ? { ...state, request: { kind: 'exit' } } : state;
    case 'conflict':
      return command === 'reload' ? { ...browse(state), request: { kind: 'reload' } } : state;
    case 'filter':
    case 'add-rule':
      if (command === 'submit') return submitText(state);
      if (command !== 'erase') return state;
      return typeText({ ...state, mode: { ...mode, text: Array.from(mode.text).slice(0, -1).join('') } }, '');
    case 'offenders':
    case 'builder-diff':
      if (command === 'confirm') return jumpFromList(state);
      if (command === 'cursor-up' || command === 'cursor-down') {
        return { ...state, mode: { ...mode, cursor: moveCursor(mode.cursor, command === 'cursor-up' ? -1 : 1, listLength(state)) } };
      }
      return state;
    case 'help':
      if (command === 'cursor-up' || command === 'cursor-down') return { ...state, mode: { kind: 'help', scroll: Math.max(0, mode.scroll + (command === 'cursor-up' ? -1 : 1)) } };
      return state;
    case 'browse':
    case 'explain':
    case 'save-failed':
      return state;
    default: {
      const unreachable: never = mode;
      return unreachable;
    }
  }
}

/**
 * Types text into the open input; the name filter applies as it is typed.
 * @returns the new state
 */
export function typeText(state: TuiState, text: string): TuiState {
  const mode = state.mode;
  if (mode.kind === 'filter') {
    const filter = mode.text + text;
    return { ...state, mode: { kind: 'filter', text: filter }, tree: { ...state.tree, filter, cursor: 0 } };
  }
  if (mode.kind === 'add-rule') return { ...state, mode: { kind: 'add-rule', text: mode.text + text } };
  return state;
}

/**
 * Completes a confirmation typed before its preview arrived, once the preview is in.
 * @returns the new state
 */
export function confirmWhenReady(arrived: TuiState): TuiState {
  let state = arrived;
  const data = state.modeData;
  if (state.mode.kind === 'confirm-ignore' && data?.kind === 'ignore-preview' && data.index === state.mode.index && data.options.length > 0) {
    // Tabs typed before the preview arrived wrap around its proposals now.
    state = { ...state, mode: { ...state.mode, choice: state.mode.choice % data.options.length } };
  }
  const mode = state.mode;
  if (mode.kind === 'confirm-ignore' && mode.confirmed === true) return confirmIgnore(state, mode.index, mode.choice);
  if (mode.kind === 'confirm-include' && mode.confirmed === true) return confirmInclude(state, mode.index);
  return state;
}

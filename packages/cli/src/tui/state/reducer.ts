// The TUI's one reducer: pure (state, action) => state. Core results arrive as actions; I/O is
// asked for through `request`, which a hook carries out and answers with another action.
import type { Action } from './actions.js';
import type { Command } from './keymap.js';
import { actionForKey } from './key-action.js';
import { confirmWhenReady, reduceDialogCommand, typeText } from './reduce-dialogs.js';
import { interrupt, reloaded, rescanned, undoStep, written } from './reduce-disk.js';
import { reduceRulesCommand } from './reduce-rules.js';
import { reduceTreeCommand } from './reduce-tree.js';
import { rulesFromBytes } from './rules-model.js';
import { hasUnsavedChanges } from './selectors.js';
import type { TuiState } from './types.js';

function reduceGlobal(state: TuiState, command: Command): TuiState {
  switch (command) {
    case 'switch-pane':
      return { ...state, pane: state.pane === 'tree' ? 'rules' : 'tree' };
    case 'undo':
      return undoStep(state);
    case 'rescan':
      return { ...state, request: { kind: 'rescan' }, status: { text: 'rescanning the disk…', tone: 'info' } };
    case 'offenders':
      return { ...state, mode: { kind: 'offenders', cursor: 0 }, modeData: undefined };
    case 'builder':
      return { ...state, builder: state.builder === 'buildkit' ? 'legacy' : 'buildkit', mode: { kind: 'builder-diff', from: state.builder, cursor: 0 }, modeData: undefined };
    case 'save':
      if (!hasUnsavedChanges(state)) return { ...state, status: { text: `no changes: ${state.session?.ignoreLabel ?? 'the file'} stays as it is`, tone: 'info' } };
      return { ...state, mode: { kind: 'save' } };
    case 'help':
      return { ...state, mode: { kind: 'help', scroll: 0 } };
    case 'quit':
      return hasUnsavedChanges(state) ? { ...state, mode: { kind: 'confirm-quit' } } : { ...state, request: { kind: 'exit' } };
    default:
      return state;
  }
}

function reduceCommand(state: TuiState, command: Command): TuiState {
  if (command === 'interrupt') return interrupt(state);
  if (state.phase !== 'ready') return command === 'quit' || command === 'cancel' ? { ...state, request: { kind: 'exit' } } : state;
  if (state.mode.kind !== 'browse') return reduceDialogCommand(state, command);
  const pane = state.pane === 'tree' ? reduceTreeCommand(state, command) : reduceRulesCommand(state, command);
  return pane ?? reduceGlobal(state, command);
}

/**
 * The reducer.
 * @returns the next state
 */
export function reducer(state: TuiState, action: Action): TuiState {
  switch (action.type) {
    case 'scan-progress':
      return { ...state, progress: action.progress };
    case 'loaded':
      return { ...state, phase: 'ready', session: action.session, rules: rulesFromBytes(action.session.originalBytes), history: [] };
    case 'load-failed':
      return { ...state, phase: 'failed', failure: { lines: action.lines, code: action.code } };
    case 'evaluated':
      return { ...state, evaluation: action.evaluation, evaluationError: undefined, startSizes: state.startSizes ?? action.evaluation.sizes };
    case 'evaluation-failed':
      return { ...state, evaluationError: { key: action.key, message: action.message, line: action.line } };
    case 'impacts':
      return { ...state, impacts: action.impacts };
    case 'usage-ready':
      return { ...state, usageKey: action.key };
    case 'mode-data':
      return confirmWhenReady({ ...state, modeData: action.data });
    case 'keys':
      // In order, each read in the state the keys before it left (one render for the whole read).
      return action.presses.reduce((current, press) => {
        const meant = actionForKey(current, press);
        return meant === undefined ? current : reducer(current, meant);
      }, state);
    case 'command':
      return reduceCommand(state, action.command);
    case 'text':
      return typeText(state, action.text);
    case 'resize':
      return { ...state, viewport: { columns: action.columns, rows: action.rows } };
    case 'written':
      return written(state, action.bytes);
    case 'nothing-to-write':
      return { ...state, request: undefined, status: { text: 'nothing to write: the file already holds these bytes', tone: 'info' } };
    case 'write-conflict':
      return { ...state, request: undefined, mode: { kind: 'conflict' }, status: undefined };
    case 'write-failed':
      // The edits stay as they are: closing the dialog goes back to them, and w tries again.
      return { ...state, request: undefined, mode: { kind: 'save-failed', message: action.message, hint: action.hint }, status: undefined };
    case 'reloaded':
      // The edits stay on the undo stack: `u` replays them onto the reloaded file.
      return reloaded(state, action.bytes);
    case 'rescanned':
      return rescanned(state, action.session);
    case 'request-failed':
      return { ...state, request: undefined, status: { text: action.message, tone: 'error' } };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

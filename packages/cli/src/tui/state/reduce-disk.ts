// What the disk does to the edits: saving, reloading after a conflict, rescanning, undoing across
// those, and leaving. The user's unsaved edits are never dropped silently: brought over a newer
// file they are replayed by line content (rules-replay.ts), and where they conflict the user is
// told which line, with the file on disk shown as it is and the edits kept on the undo stack.
import { ExitCode } from '../../exit-codes.js';
import { plural } from '../../output/numbers.js';
import type { Session } from '../session/session.js';
import { findEntry } from './find-entry.js';
import { editsOf, ruleRows, rulesFromBytes, type RulesModel } from './rules-model.js';
import { remember } from './reduce-rules.js';
import { historyAfterSave, replayRules, restoreStep, sameFileBytes } from './rules-replay.js';
import { hasUnsavedChanges } from './selectors.js';
import type { Status, TuiState } from './types.js';

const label = (state: TuiState): string => state.session?.ignoreLabel ?? 'the file';

function withRules(state: TuiState, rules: RulesModel, history: readonly RulesModel[], status: Status | undefined): TuiState {
  const rows = ruleRows(rules);
  return { ...state, rules, history, rulesCursor: Math.min(state.rulesCursor, Math.max(0, rows.length - 1)), status };
}

/**
 * `u`: the previous rules; a step from before a reload is replayed onto the file as it is now.
 * @returns the new state; on a conflict the state is kept and the status names the line
 */
export function undoStep(state: TuiState): TuiState {
  const previous = state.history[state.history.length - 1];
  if (previous === undefined) return { ...state, status: { text: 'nothing to undo', tone: 'info' } };
  const restored = restoreStep(previous, state.rules);
  if (!restored.ok) {
    const text = `cannot bring your edits back: ${restored.conflict.message}. Nothing changed; fix that line in ${label(state)}, press r to rescan, then u`;
    return { ...state, status: { text, tone: 'error' } };
  }
  const replayed = restored.model !== previous;
  const status: Status = replayed ? { text: `your edits are back, over ${label(state)} as it is on disk (w shows the diff)`, tone: 'success' } : { text: 'undone', tone: 'info' };
  return withRules(state, restored.model, state.history.slice(0, -1), status);
}

/**
 * The file was written: its bytes are the new reference, and undo steps count from them.
 * @returns the new state (leaving when the save was "save and quit")
 */
export function written(state: TuiState, bytes: Buffer): TuiState {
  const thenExit = state.request?.kind === 'write' && state.request.thenExit === true;
  const session = state.session === undefined ? undefined : { ...state.session, originalBytes: bytes, ignoreExists: true };
  const history = historyAfterSave(state.history, state.rules, bytes);
  const rules: RulesModel = { ...state.rules, base: bytes, edits: [] };
  return { ...state, session, rules, history, request: thenExit ? { kind: 'exit' } : undefined, status: { text: `wrote ${label(state)}`, tone: 'success' } };
}

/**
 * After a conflict, `r` read the file again: it is shown as it is; `u` replays the edits onto it.
 * @returns the new state
 */
export function reloaded(state: TuiState, bytes: Buffer | undefined): TuiState {
  const session = state.session === undefined ? undefined : { ...state.session, originalBytes: bytes, ignoreExists: bytes !== undefined };
  const status: Status = { text: `reloaded ${label(state)} from disk (u brings your edits back over it)`, tone: 'info' };
  return { ...state, session, request: undefined, rules: rulesFromBytes(bytes), history: remember(state.history, state.rules), rulesCursor: 0, status };
}

/**
 * `r`: a new scan of the tree, ignore file and Dockerfile. Unsaved edits are replayed onto the
 * ignore file as it is now; if they conflict, the file is shown as it is and `u` tries again.
 * @returns the new state
 */
export function rescanned(state: TuiState, session: Session): TuiState {
  const bytes = session.originalBytes;
  const old = state.session?.evaluator.from.totals.inventory;
  const dir = old === undefined ? undefined : findEntry(session.evaluator.from.totals.inventory, old.path(state.tree.dir));
  // The figures belong to the old inventory: every derived result is computed again.
  const fresh: TuiState = {
    ...state,
    session,
    request: undefined,
    evaluation: undefined,
    evaluationError: undefined,
    impacts: undefined,
    usageKey: undefined,
    modeData: undefined,
    mode: { kind: 'browse' },
    tree: { ...state.tree, dir: dir ?? 0, cursor: 0 },
  };
  if (sameFileBytes(state.rules.base, bytes)) return { ...fresh, status: { text: `rescanned the disk; ${label(state)} unchanged`, tone: 'info' } };
  if (editsOf(state.rules).length === 0) return withRules(fresh, rulesFromBytes(bytes), state.history, { text: `rescanned the disk; ${label(state)} changed on disk and is shown as it is`, tone: 'info' });
  const replayed = replayRules(state.rules, bytes);
  if (replayed.ok) return withRules(fresh, replayed.model, state.history, { text: `rescanned the disk; your edits are replayed over ${label(state)} as it is now`, tone: 'success' });
  const text = `rescanned the disk; your edits conflict with ${label(state)} on disk: ${replayed.conflict.message}. The file is shown as it is; fix that line (r rescans), then u brings your edits back`;
  return withRules(fresh, rulesFromBytes(bytes), remember(state.history, state.rules), { text, tone: 'error' });
}

/**
 * Ctrl-C: leave at once when nothing is unsaved, else ask as `q` does; asked already, leave
 * without saving, saying so on stderr, with a non-zero status.
 * @returns the new state
 */
export function interrupt(state: TuiState): TuiState {
  if (state.phase !== 'ready' || !hasUnsavedChanges(state)) return { ...state, request: { kind: 'exit' } };
  if (state.mode.kind !== 'confirm-quit') return { ...state, mode: { kind: 'confirm-quit' }, modeData: undefined };
  const n = Math.max(1, editsOf(state.rules).length);
  const message = `ctxlens: interrupted: ${plural(n, 'edit')} to ${label(state)} not saved (the file on disk is unchanged)`;
  return { ...state, request: { kind: 'exit', code: ExitCode.Interrupted, message } };
}

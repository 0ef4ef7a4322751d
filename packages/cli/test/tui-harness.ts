// Shared by the TUI tests: a loaded session on the fixture, and a reducer driver that plays the
// hooks' part (evaluation and dialog data arrive as actions, as they do in the app).
import { scanInSlices } from '@ctxlens/core/internal';
import { computeModeData, modeDataFits } from '../src/tui/session/mode-data.js';
import { createSession, type Session } from '../src/tui/session/session.js';
import type { Action } from '../src/tui/state/actions.js';
import { initialState } from '../src/tui/state/initial-state.js';
import type { Command } from '../src/tui/state/keymap.js';
import { reducer } from '../src/tui/state/reducer.js';
import { currentLines, wantedKey } from '../src/tui/state/selectors.js';
import type { TuiState } from '../src/tui/state/types.js';
import { computeUsage, hasUsage } from '../src/tui/state/usage.js';

/**
 * Reads a directory into a session, as the app does.
 * @returns the session
 */
export async function loadSession(dir: string, builder: 'buildkit' | 'legacy' = 'buildkit'): Promise<Session> {
  return createSession(await scanInSlices(dir, { builder }));
}

/**
 * Brings evaluation and dialog data up to date, as the hooks would.
 * @returns the settled state
 */
export function settle(state: TuiState): TuiState {
  let next = state;
  const session = next.session;
  if (session === undefined) return next;
  const key = wantedKey(next);
  if (next.evaluation?.key !== key && next.evaluationError?.key !== key) {
    const outcome = session.evaluator.evaluate(currentLines(next), next.builder);
    next = reducer(next, outcome.ok ? { type: 'evaluated', evaluation: outcome.evaluation } : { type: 'evaluation-failed', key, message: String(outcome.error), line: undefined });
  }
  if (next.evaluation?.selection !== undefined && hasUsage(next.evaluation) && next.usageKey !== next.evaluation.key) {
    computeUsage(next.evaluation);
    next = reducer(next, { type: 'usage-ready', key: next.evaluation.key });
  }
  if (next.evaluation !== undefined && next.evaluation.key === key && !modeDataFits(next.mode, next.modeData, key)) {
    const data = computeModeData(session, next.rules, next.mode, next.evaluation);
    if (data !== undefined) next = reducer(next, { type: 'mode-data', data });
  }
  return next;
}

/**
 * A ready state for a session.
 * @returns the state after loading and the first evaluation
 */
export function readyState(session: Session, builder: 'buildkit' | 'legacy' = 'buildkit', size = { columns: 120, rows: 40 }): TuiState {
  return settle(reducer(initialState(builder, size.columns, size.rows, false), { type: 'loaded', session }));
}

/**
 * Applies actions (commands given by name) and settles after each.
 * @returns the final state
 */
export function run(state: TuiState, ...steps: (Command | Action)[]): TuiState {
  return steps.reduce((s, step) => settle(reducer(s, typeof step === 'string' ? { type: 'command', command: step } : step)), state);
}

// The state before anything is read.
import type { Builder } from '@ctxlens/core';
import { rulesFromBytes } from './rules-model.js';
import type { TuiState } from './types.js';

/**
 * The loading state.
 * @returns a fresh state for the given builder and terminal size
 */
export function initialState(builder: Builder, columns: number, rows: number, color: boolean): TuiState {
  return {
    phase: 'loading',
    progress: undefined,
    failure: undefined,
    session: undefined,
    builder,
    rules: rulesFromBytes(undefined),
    history: [],
    evaluation: undefined,
    evaluationError: undefined,
    startSizes: undefined,
    impacts: undefined,
    usageKey: undefined,
    pane: 'tree',
    tree: { dir: 0, cursor: 0, sort: 'size', filter: '', unusedOnly: false },
    rulesCursor: 0,
    mode: { kind: 'browse' },
    modeData: undefined,
    request: undefined,
    status: undefined,
    viewport: { columns, rows },
    color,
  };
}

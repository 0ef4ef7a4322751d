// Computes what the Dockerfile uses for the current evaluation once its frame is painted; the
// result is cached by state/usage.ts and announced by a `usage-ready` action.
import { type Dispatch, useEffect } from 'react';
import type { Action } from '../state/actions.js';
import { computeUsage, hasUsage, usageOf } from '../state/usage.js';
import type { TuiState } from '../state/types.js';

/**
 * Keeps the usage analysis in step with the evaluation.
 * @returns nothing; dispatches `usage-ready`
 */
export function useUsage(state: TuiState, dispatch: Dispatch<Action>): void {
  const { evaluation } = state;
  const needed = evaluation?.selection !== undefined && hasUsage(evaluation) && usageOf(evaluation) === undefined;
  useEffect(() => {
    if (!needed || evaluation === undefined) return;
    const timer = setImmediate(() => {
      computeUsage(evaluation);
      dispatch({ type: 'usage-ready', key: evaluation.key });
    });
    return () => clearImmediate(timer);
  }, [needed, evaluation, dispatch]);
}

// Re-evaluates the rules whenever the document or the builder changes: a core call on the
// inventory (no disk), whose result arrives as an action. The pending frame paints first.
import { IgnoreFileError } from '@ctxlens/core';
import { type Dispatch, useEffect } from 'react';
import type { Action } from '../state/actions.js';
import { errorText } from '../state/error-text.js';
import { currentLines, wantedKey } from '../state/selectors.js';
import type { TuiState } from '../state/types.js';

/**
 * Keeps `state.evaluation` in step with the rules.
 * @returns nothing; dispatches `evaluated` or `evaluation-failed`
 */
export function useEvaluation(state: TuiState, dispatch: Dispatch<Action>): void {
  const { session, builder } = state;
  const key = wantedKey(state);
  const lines = currentLines(state);
  const done = state.evaluation?.key === key || state.evaluationError?.key === key;
  const hasEvaluation = state.evaluation !== undefined;
  useEffect(() => {
    if (session === undefined || done) return;
    const timer = setImmediate(() => {
      const outcome = session.evaluator.evaluate(lines, builder);
      if (outcome.ok) {
        dispatch({ type: 'evaluated', evaluation: outcome.evaluation });
        return;
      }
      // Rules Docker rejects: show the tree without rules until they are fixed.
      if (!hasEvaluation) {
        const bare = session.evaluator.evaluate([], builder);
        if (bare.ok) dispatch({ type: 'evaluated', evaluation: bare.evaluation });
      }
      const line = outcome.error instanceof IgnoreFileError ? outcome.error.line : undefined;
      dispatch({ type: 'evaluation-failed', key, message: errorText(outcome.error), line });
    });
    return () => clearImmediate(timer);
  }, [session, key, done, lines, builder, hasEvaluation, dispatch]);
}

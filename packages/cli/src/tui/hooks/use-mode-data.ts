// Fills in what an open dialog needs (proposal savings, offenders, builder differences) once the
// evaluation it depends on is current.
import { type Dispatch, useEffect } from 'react';
import { computeModeData, modeDataFits } from '../session/mode-data.js';
import type { Action } from '../state/actions.js';
import { isCurrent } from '../state/selectors.js';
import type { TuiState } from '../state/types.js';

/**
 * Computes mode data for the open dialog.
 * @returns nothing; dispatches `mode-data`
 */
export function useModeData(state: TuiState, dispatch: Dispatch<Action>): void {
  const { session, mode, modeData, evaluation, rules } = state;
  const current = isCurrent(state);
  useEffect(() => {
    if (session === undefined || evaluation === undefined || !current) return;
    if (modeDataFits(mode, modeData, evaluation.key)) return;
    const timer = setImmediate(() => {
      const data = computeModeData(session, rules, mode, evaluation);
      if (data !== undefined) dispatch({ type: 'mode-data', data });
    });
    return () => clearImmediate(timer);
  }, [session, mode, modeData, evaluation, current, rules, dispatch]);
}

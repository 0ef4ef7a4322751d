// What each rule does on its own: the context is evaluated with that one rule switched, and the
// change in upload bytes is shown beside it. The evaluations run in the background, one per
// macrotask and only once keys have settled, so they never delay a key press by more than one
// evaluation; they are cached, so switching a rule afterwards is instant.
import { type Dispatch, useEffect, useRef } from 'react';
import type { Action } from '../state/actions.js';
import { documentLines, toggleRule } from '../state/rules-model.js';
import { currentRuleRows, wantedKey } from '../state/selectors.js';
import type { TuiState } from '../state/types.js';
import { sentBytes } from '../state/figures.js';

/** Quiet time after the last change before the impacts are computed. */
const SETTLE_MS = 120;
/** Longest wait before the impacts computed so far are shown. */
const SHOW_EVERY_MS = 250;

/**
 * Computes rule impacts for the current, settled evaluation.
 * @returns nothing; dispatches `impacts` as results come in
 */
export function useRuleImpacts(state: TuiState, dispatch: Dispatch<Action>): void {
  const { session, evaluation, rules, builder } = state;
  const key = wantedKey(state);
  const settled = evaluation !== undefined && evaluation.key === key;
  // The key whose impacts are complete; partial results dispatched on the way must not restart the job.
  const finished = useRef<string | undefined>(undefined);
  // A rescan clears the impacts (a new inventory, a new session) without changing the key: computed again then.
  const shown = state.impacts?.key === key;
  useEffect(() => {
    if (session === undefined || evaluation === undefined || !settled || (finished.current === key && shown)) return;
    const rows = currentRuleRows(state);
    const deltas = new Map<number, number>();
    let next = 0;
    let timer: NodeJS.Timeout;
    let shownAt = performance.now();
    const step = (): void => {
      const row = rows[next++];
      if (row !== undefined) {
        const outcome = session.evaluator.evaluate(documentLines(toggleRule(rules, row.line)), builder, true);
        if (outcome.ok) deltas.set(row.line, sentBytes(outcome.evaluation.sizes, builder) - sentBytes(evaluation.sizes, builder));
      }
      // Shown in batches: each dispatch redraws the screen, which costs more than a small evaluation.
      const done = row === undefined;
      if (done || performance.now() - shownAt > SHOW_EVERY_MS) {
        shownAt = performance.now();
        dispatch({ type: 'impacts', impacts: { key, deltas: new Map(deltas) } });
      }
      if (done) finished.current = key;
      else timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, SETTLE_MS);
    return () => clearTimeout(timer);
    // `state` is read for the rule rows only, which `rules` determines.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, evaluation, settled, key, rules, builder, dispatch]);
}

import { describe, expect, it } from 'vitest';
import { initialState } from './initial-state.js';
import { HISTORY_LIMIT } from './reduce-rules.js';
import { reducer } from './reducer.js';
import { ruleRows } from './rules-model.js';

const rulesText = (state: ReturnType<typeof initialState>): string[] => ruleRows(state.rules).map((row) => row.text);

describe('the undo stack', () => {
  it(`keeps the newest ${HISTORY_LIMIT} steps however the rules were replaced (reload from disk too)`, () => {
    let state = initialState('buildkit', 100, 30, false);
    for (let i = 0; i < HISTORY_LIMIT + 50; i++) state = reducer(state, { type: 'reloaded', bytes: Buffer.from(`rule${i}\n`) });
    expect(state.history).toHaveLength(HISTORY_LIMIT);
    expect(rulesText(state)).toEqual([`rule${HISTORY_LIMIT + 49}`]);
    // The step below the top is the reload before the last one.
    expect(ruleRows(state.history.at(-1)!).map((row) => row.text)).toEqual([`rule${HISTORY_LIMIT + 48}`]);
  });
});

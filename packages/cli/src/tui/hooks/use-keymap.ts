// Turns key presses into actions through the keymap table; inputs receive typed text.
import { type Key, useInput } from 'ink';
import { type Dispatch, useCallback, useRef } from 'react';
import type { Action } from '../state/actions.js';
import { commandFor, scopesFor, typedText } from '../state/keymap.js';
import { reducer } from '../state/reducer.js';
import type { TuiState } from '../state/types.js';

/**
 * The actions one chunk of input stands for. Keys typed faster than they are read arrive as one
 * string ("jjj", "/node"): each character is a key press, read in the mode the previous ones
 * lead to, so the state is stepped along with the pure reducer.
 * @returns the actions, in order, and the state they lead to
 */
export function actionsForInput(state: TuiState, input: string, key: Key): { actions: Action[]; state: TuiState } {
  const actions: Action[] = [];
  const presses = input.length > 1 && !key.ctrl && !key.meta ? Array.from(input) : [input];
  let current = state;
  for (const press of presses) {
    const scopes = scopesFor(current.mode, current.pane);
    const command = commandFor(scopes, press, key);
    let action: Action | undefined;
    if (command !== undefined) action = { type: 'command', command };
    else if (scopes.includes('text')) {
      const text = typedText(press, key);
      if (text !== '') action = { type: 'text', text };
    }
    if (action === undefined) continue;
    actions.push(action);
    current = reducer(current, action);
  }
  return { actions, state: current };
}

/**
 * Listens to the keyboard.
 * @returns nothing; dispatches `command` and `text` actions
 */
export function useKeymap(state: TuiState, dispatch: Dispatch<Action>): void {
  // A ref, so the stdin listener is not re-registered on every render.
  const latest = useRef(state);
  latest.current = state;
  const onInput = useCallback(
    (input: string, key: Key) => {
      const { actions, state: next } = actionsForInput(latest.current, input, key);
      // The next key may come before these actions are rendered (a loaded machine, key repeat):
      // it must be read in the mode they lead to, not in the last frame's.
      latest.current = next;
      for (const action of actions) dispatch(action);
    },
    [dispatch],
  );
  useInput(onInput);
}

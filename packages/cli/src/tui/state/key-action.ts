// What one key press means in the current state: a command from the keymap, typed text in an
// input, or nothing. The reducer calls it for each key of a `keys` action, so a key is always read
// in the mode the keys before it led to, however many arrive before the screen is drawn again.
import type { KeyPress } from '../input/decode-key.js';
import type { Action } from './actions.js';
import { commandFor, scopesFor, typedText } from './keymap.js';
import type { TuiState } from './types.js';

/**
 * The action a key press stands for in a state.
 * @returns a `command` or `text` action, or undefined when the key means nothing here
 */
export function actionForKey(state: TuiState, press: KeyPress): Action | undefined {
  const scopes = scopesFor(state.mode, state.pane);
  const command = commandFor(scopes, press.input, press.key);
  if (command !== undefined) return { type: 'command', command };
  if (!scopes.includes('text')) return undefined;
  const text = typedText(press.input, press.key);
  return text === '' ? undefined : { type: 'text', text };
}

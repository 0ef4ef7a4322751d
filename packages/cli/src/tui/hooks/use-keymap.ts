// Listens to the keyboard: each read becomes one `keys` action holding its key presses, in order.
import { useStdin } from 'ink';
import { type Dispatch, useEffect } from 'react';
import { keyPresses } from '../input/decode-key.js';
import type { Action } from '../state/actions.js';

/**
 * Listens to the keyboard. Ink's useInput is not used: when several keys arrive in one read (tmux
 * send-keys, a paste, key repeat over ssh) it passes a run of them as one `input` with no key flag
 * set, so `\t ` was neither Tab nor Space. We take the input events useInput itself listens to
 * (Ink has split off escape sequences) and cut each into keys ourselves. The reducer reads each
 * key in the state the previous ones left, so nothing here holds state that could be stale.
 * @returns nothing; dispatches a `keys` action per read, its key presses in order
 */
export function useKeymap(dispatch: Dispatch<Action>): void {
  const { setRawMode, internal_eventEmitter: events } = useStdin();
  useEffect(() => {
    setRawMode(true);
    return () => setRawMode(false);
  }, [setRawMode]);
  useEffect(() => {
    // One action per read: outside Ink's useInput nothing batches React updates, and a long paste
    // must not cost a render per character.
    const onInput = (chunk: string): void => dispatch({ type: 'keys', presses: keyPresses(chunk) });
    events.on('input', onInput);
    return () => {
      events.off('input', onInput);
    };
  }, [events, dispatch]);
}

// Listens to the keyboard: every key of every read becomes a `key` action, in order.
import { useStdin } from 'ink';
import { type Dispatch, useEffect } from 'react';
import { keyPresses } from '../input/decode-key.js';
import type { Action } from '../state/actions.js';

/**
 * Listens to the keyboard. Ink's useInput is not used: when several keys arrive in one read (tmux
 * send-keys, a paste, key repeat over ssh) it passes a run of them as one `input` with no key flag
 * set, so `\t ` was neither Tab nor Space. We take Ink's input events (it has already split off
 * escape sequences) and cut each into keys ourselves. The reducer reads each `key` action in the
 * state the previous ones left, so nothing here holds state that could be stale.
 * @returns nothing; dispatches one `key` action per key press
 */
export function useKeymap(dispatch: Dispatch<Action>): void {
  // eslint-disable-next-line @typescript-eslint/naming-convention
  const { setRawMode, internal_eventEmitter: events } = useStdin();
  useEffect(() => {
    setRawMode(true);
    return () => setRawMode(false);
  }, [setRawMode]);
  useEffect(() => {
    const onInput = (chunk: string): void => {
      for (const press of keyPresses(chunk)) dispatch({ type: 'key', press });
    };
    events.on('input', onInput);
    return () => {
      events.off('input', onInput);
    };
  }, [events, dispatch]);
}

// SIGINT from outside (`kill -INT <pid>`) is read as Ctrl-C: Ink runs with exitOnCtrlC off and the
// terminal is in raw mode, so the only SIGINT that reaches the process is one sent to it, and
// Node's default would end it at once, dropping unsaved edits without a word (issue 13 point 9).
import { type Dispatch, useEffect } from 'react';
import type { Action } from '../state/actions.js';

/**
 * Turns each SIGINT into the keymap's `interrupt` command while the TUI is mounted.
 * @returns nothing; dispatches `{ type: 'command', command: 'interrupt' }` per signal
 */
export function useInterruptSignal(dispatch: Dispatch<Action>): void {
  useEffect(() => {
    const onSignal = (): void => dispatch({ type: 'command', command: 'interrupt' });
    process.on('SIGINT', onSignal);
    return () => {
      process.off('SIGINT', onSignal);
    };
  }, [dispatch]);
}

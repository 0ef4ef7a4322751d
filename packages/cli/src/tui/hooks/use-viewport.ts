// Follows the terminal's size: Ink re-lays out on resize, and the lists need the new row count.
import { useStdout } from 'ink';
import { type Dispatch, useEffect } from 'react';
import type { Action } from '../state/actions.js';
import { terminalSize } from './terminal-size.js';

/**
 * Dispatches `resize` when the terminal changes size.
 * @returns nothing
 */
export function useViewport(dispatch: Dispatch<Action>, fixed: boolean): void {
  const { stdout } = useStdout();
  useEffect(() => {
    if (fixed) return;
    const onResize = (): void => dispatch({ type: 'resize', ...terminalSize(stdout) });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, dispatch, fixed]);
}

// Owns the reducer and composes the hooks that talk to core and to the terminal; renders <App/>.
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { scanInSlices } from '@ctxlens/core/internal';
import { useReducer, type ReactNode, useCallback, useEffect } from 'react';
import { useApp } from 'ink';
import { useEvaluation } from '../hooks/use-evaluation.js';
import { useInterruptSignal } from '../hooks/use-interrupt-signal.js';
import { useKeymap } from '../hooks/use-keymap.js';
import { useModeData } from '../hooks/use-mode-data.js';
import { useUsage } from '../hooks/use-usage.js';
import { useRuleImpacts } from '../hooks/use-rule-impacts.js';
import { type ExitOutcome, useRequests } from '../hooks/use-requests.js';
import { type TreeLoader, useSession } from '../hooks/use-session.js';
import { scanOptionsOf } from '../options.js';
import { createSession } from '../session/session.js';
import { useViewport } from '../hooks/use-viewport.js';
import type { TuiOptions } from '../options.js';
import { initialState } from '../state/initial-state.js';
import { reducer } from '../state/reducer.js';
import { App } from './App.js';
import { ThemeContext } from './theme.js';

/** Props of Root. */
export interface RootProps {
  readonly options: TuiOptions;
  /** Directory relative paths resolve against. */
  readonly cwd: string;
  readonly color: boolean;
  /** Terminal size at start. */
  readonly size: { readonly columns: number; readonly rows: number };
  /** Keep `size` even when the output stream reports resizes (tests). @default false */
  readonly fixedSize?: boolean;
  /** Reads the tree (tests may pass a fake). */
  readonly loader?: TreeLoader;
  /** Told when loading failed, before the app exits, with the lines to print and the exit code. */
  readonly onFailure?: (failure: { readonly lines: readonly string[]; readonly code: number }) => void;
  /** Told when the user quits: the exit status and what to print on stderr (a second Ctrl-C dropping edits). */
  readonly onExit?: (outcome: ExitOutcome) => void;
  /** Reads the tree again for `r` (rescan). @default scanInSlices */
  readonly rescanLoader?: TreeLoader;
}

/** The TUI. */
export function Root({ options, cwd, color, size, fixedSize = false, loader, onFailure, onExit, rescanLoader = scanInSlices }: RootProps): ReactNode {
  const [state, dispatch] = useReducer(reducer, undefined, () => initialState(options.builder, size.columns, size.rows, color));
  const { exit } = useApp();
  useSession(options, cwd, dispatch, loader);
  useViewport(dispatch, fixedSize);
  useKeymap(dispatch);
  useInterruptSignal(dispatch);
  useEvaluation(state, dispatch);
  useRuleImpacts(state, dispatch);
  useModeData(state, dispatch);
  useUsage(state, dispatch);
  const rescan = useCallback(async () => createSession(await rescanLoader(options.dir, scanOptionsOf(options, cwd))), [rescanLoader, options, cwd]);
  useRequests(state, dispatch, onExit, rescan);
  useEffect(() => {
    if (state.phase !== 'failed' || state.failure === undefined) return;
    onFailure?.(state.failure);
    exit();
  }, [state.phase, state.failure, onFailure, exit]);
  return (
    <ThemeContext.Provider value={{ color }}>
      <App state={state} dir={options.dir} />
    </ThemeContext.Provider>
  );
}

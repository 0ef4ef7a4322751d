// Reads the tree once, in slices so the loading screen keeps painting progress, and hands the
// session to the reducer. Unmounting (q, Ctrl+C) aborts the scan.
import { AbortError } from '@ctxlens/core';
import { scanInSlices, type ScannedTree, type SliceScanOptions } from '@ctxlens/core/internal';
import { type Dispatch, useEffect } from 'react';
import { describeError } from '../../report-error.js';
import { scanOptionsOf, type TuiOptions } from '../options.js';
import { createSession } from '../session/session.js';
import type { Action } from '../state/actions.js';

/** Reads the tree; tests pass a fake. */
export type TreeLoader = (dir: string, options: SliceScanOptions) => Promise<ScannedTree>;

/**
 * Starts the scan after the first frame is on screen.
 * @returns nothing; results arrive as `scan-progress`, `loaded` or `load-failed` actions
 */
export function useSession(options: TuiOptions, cwd: string, dispatch: Dispatch<Action>, loader: TreeLoader = scanInSlices): void {
  useEffect(() => {
    const abort = new AbortController();
    let live = true;
    // setImmediate: the loading frame is written before the first synchronous slice runs.
    const timer = setImmediate(() => {
      loader(options.dir, {
        ...scanOptionsOf(options, cwd),
        signal: abort.signal,
        onProgress: (progress) => live && dispatch({ type: 'scan-progress', progress }),
      })
        .then((tree) => live && dispatch({ type: 'loaded', session: createSession(tree) }))
        .catch((error: unknown) => {
          if (live && !(error instanceof AbortError)) dispatch({ type: 'load-failed', ...describeError(error, cwd) });
        });
    });
    return () => {
      live = false;
      clearImmediate(timer);
      abort.abort();
    };
    // The session is read once per mount: options do not change while the TUI runs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

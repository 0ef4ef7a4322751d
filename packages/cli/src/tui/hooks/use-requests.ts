// Carries out the I/O the reducer asks for: writing the ignore file (atomic, refused when the
// file changed on disk), reloading it, rescanning the disk, and leaving.
import { CtxlensError, IgnoreFileConflictError, serializeDocument, writeDocument } from '@ctxlens/core';
import { IGNORE_FILE_LIMITS, ignoreFileToEdit, readInputFile } from '@ctxlens/core/internal';
import { useApp } from 'ink';
import { type Dispatch, useEffect } from 'react';
import type { Session } from '../session/session.js';
import type { Action } from '../state/actions.js';
import type { TuiState } from '../state/types.js';

/** How the user left: the exit status, and what to print on stderr. */
export interface ExitOutcome {
  readonly code: number;
  readonly message: string | undefined;
}

function readIfExists(path: string): Buffer | undefined {
  try {
    return readInputFile(path, 'ignore file', IGNORE_FILE_LIMITS).bytes;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Performs `state.request` once per request.
 * @param rescan reads the tree again (`r`): required, since a rescan asked for and never done would
 *   leave "rescanning the disk…" on screen for good
 * @returns nothing; dispatches the outcome
 */
export function useRequests(state: TuiState, dispatch: Dispatch<Action>, onExit: ((outcome: ExitOutcome) => void) | undefined, rescan: () => Promise<Session>): void {
  const { exit } = useApp();
  const { request, session, rules } = state;
  useEffect(() => {
    if (request === undefined) return;
    if (request.kind === 'exit') {
      onExit?.({ code: request.code ?? 0, message: request.message });
      exit();
      return;
    }
    if (session === undefined) return;
    if (request.kind === 'rescan') {
      rescan().then(
        (next) => dispatch({ type: 'rescanned', session: next }),
        (error: unknown) => dispatch({ type: 'request-failed', message: `could not rescan: ${(error as Error).message}; the last scan is kept` }),
      );
      return;
    }
    try {
      if (request.kind === 'write') {
        const wrote = writeDocument(ignoreFileToEdit(session.inputs), rules.doc, session.originalBytes);
        dispatch(wrote ? { type: 'written', bytes: serializeDocument(rules.doc) } : { type: 'nothing-to-write' });
      } else {
        dispatch({ type: 'reloaded', bytes: readIfExists(session.ignorePath) });
      }
    } catch (error) {
      if (error instanceof IgnoreFileConflictError) dispatch({ type: 'write-conflict' });
      else if (request.kind === 'write') dispatch({ type: 'write-failed', message: (error as Error).message, hint: error instanceof CtxlensError ? error.hint : undefined });
      else dispatch({ type: 'request-failed', message: `could not read ${session.ignoreLabel}: ${(error as Error).message}` });
    }
    // One run per request object; the session and rules are read as they were when it was made.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);
}

// Everything that can change the TUI state: key commands and typed text from the keymap, results
// from the hooks that call core (scan, evaluation, previews) and from I/O requests.
import type { ScanProgressEvent } from '@ctxlens/core';
import type { KeyPress } from '../input/decode-key.js';
import type { Session } from '../session/session.js';
import type { Evaluation } from './derive.js';
import type { Command } from './keymap.js';
import type { ModeData, RuleImpacts } from './types.js';

/** The reducer's input. */
export type Action =
  | { readonly type: 'scan-progress'; readonly progress: ScanProgressEvent }
  | { readonly type: 'loaded'; readonly session: Session }
  | { readonly type: 'load-failed'; readonly lines: readonly string[]; readonly code: number }
  | { readonly type: 'evaluated'; readonly evaluation: Evaluation }
  | { readonly type: 'evaluation-failed'; readonly key: string; readonly message: string; readonly line: number | undefined }
  | { readonly type: 'impacts'; readonly impacts: RuleImpacts }
  | { readonly type: 'usage-ready'; readonly key: string }
  | { readonly type: 'mode-data'; readonly data: ModeData }
  | { readonly type: 'keys'; readonly presses: readonly KeyPress[] }
  | { readonly type: 'command'; readonly command: Command }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'resize'; readonly columns: number; readonly rows: number }
  | { readonly type: 'written'; readonly bytes: Buffer }
  | { readonly type: 'nothing-to-write' }
  | { readonly type: 'write-conflict' }
  | { readonly type: 'write-failed'; readonly message: string; readonly hint: string | undefined }
  | { readonly type: 'reloaded'; readonly bytes: Buffer | undefined }
  | { readonly type: 'rescanned'; readonly session: Session }
  | { readonly type: 'request-failed'; readonly message: string };

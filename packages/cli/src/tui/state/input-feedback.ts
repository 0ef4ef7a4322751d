// What the add-rule input says as you type: Docker's verdict on the line, with the line number it
// would get, so an error reads exactly as Docker (and ctxlens lint) would print it.
import { checkRuleLine } from '@ctxlens/core/live';
import { errorText } from './error-text.js';
import type { Status, TuiState } from './types.js';

/**
 * Feedback for the add-rule input.
 * @returns a one-line message and its tone, or undefined when no rule is being typed
 */
export function addRuleFeedback(state: TuiState): Status | undefined {
  if (state.mode.kind !== 'add-rule' || state.session === undefined) return undefined;
  const text = state.mode.text;
  if (text === '') return { text: 'type a pattern, e.g. **/*.log, tmp/ or !keep.txt (added at the end: it wins)', tone: 'info' };
  const line = state.rules.doc.lines.length + 1;
  const check = checkRuleLine(text, state.session.ignoreLabel, line);
  switch (check.kind) {
    case 'rule':
      return { text: `✓ ${state.session.ignoreLabel}:${line} ${check.exclusion ? 're-includes' : 'excludes'} "${check.pattern}"`, tone: 'success' };
    case 'not-a-rule':
      return { text: `${check.reason}; Enter is disabled`, tone: 'warn' };
    case 'error':
      return { text: errorText(check.error), tone: 'error' };
    default: {
      const unreachable: never = check;
      return unreachable;
    }
  }
}

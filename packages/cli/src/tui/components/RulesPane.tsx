// Every rule of the ignore file with its line number, whether it is on, and what it alone does
// to the context: the upload bytes it removes (−) or brings back (+, for exceptions).
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { signedSize } from '../state/figures.js';
import { currentRuleRows, layoutOf, wantedKey } from '../state/selectors.js';
import type { TuiState } from '../state/types.js';
import { visibleWindow } from '../state/viewport.js';
import { cell } from './format.js';
import { paintShown, Tinted, usePaint } from './theme.js';

/** Props of RulesPane. */
export interface RulesPaneProps {
  readonly state: TuiState;
}

const IMPACT_WIDTH = 9;

/** The rules pane. */
export function RulesPane({ state }: RulesPaneProps): ReactNode {
  const { rulesWidth, rulesRows } = layoutOf(state);
  const rows = currentRuleRows(state);
  const paint = usePaint();
  const focused = state.pane === 'rules' && state.mode.kind === 'browse';
  const cursor = Math.min(state.rulesCursor, Math.max(0, rows.length - 1));
  const { start, end } = visibleWindow(rows.length, cursor, rulesRows - 1);
  const impacts = state.impacts?.key === wantedKey(state) ? state.impacts.deltas : undefined;
  const errorLine = state.evaluationError?.key === wantedKey(state) ? state.evaluationError.line : undefined;
  // As wide as the longest rule (the ✗ of a rejected one included), so on a wide terminal each
  // rule's figure stays beside it instead of at the far edge.
  const longest = rows.reduce((n, row) => Math.max(n, row.text.length + 2), 0);
  const textWidth = Math.max(6, Math.min(longest, rulesWidth - 7 - 1 - IMPACT_WIDTH - 2));
  return (
    <Box flexDirection="column" width={rulesWidth} height={rulesRows}>
      <Text wrap="truncate-end">
        <Tinted tone={focused ? 'accent' : 'muted'} bold={focused}>{focused ? '▸ ' : '  '}Rules</Tinted>
        <Tinted tone="muted"> {state.session?.ignoreLabel} · {rows.length}</Tinted>
      </Text>
      {rows.length === 0 ? <Tinted tone="muted">  (no rules: a adds one)</Tinted> : null}
      {rows.slice(start, end).map((row, k) => {
        const selected = start + k === cursor;
        const delta = impacts?.get(row.line);
        // On: what the rule does (the opposite of switching it off). Off: what switching it on would do.
        const effect = delta === undefined ? '…' : signedSize(row.enabled ? -delta : delta, state.builder);
        const broken = errorLine === row.line + 1;
        const text = [
          selected ? '›' : ' ',
          paint(row.enabled ? 'included' : 'muted', row.enabled ? '[x]' : '[ ]'),
          cell(String(row.line + 1), 3, 'right'),
          ' ',
          paintShown(paint, broken ? 'error' : row.enabled ? 'plain' : 'muted', (broken ? '✗ ' : '') + row.text, textWidth),
          ' ',
          paint(row.enabled ? 'accent' : 'muted', cell(effect, IMPACT_WIDTH, 'right')),
        ].join('');
        return (
          <Text key={row.line} inverse={selected && focused} wrap="truncate-end">
            {text}
          </Text>
        );
      })}
    </Box>
  );
}

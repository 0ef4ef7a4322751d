// "Why is this path in or out?": the deciding rule, the trace of rules that flipped it, a pruned
// ancestor if the walk never went in, and the other builder's verdict when it differs.
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { explainView, ruleLabel } from '../state/explain-view.js';
import { layoutOf } from '../state/selectors.js';
import type { TuiState } from '../state/types.js';
import { MARKS, Shown, Tinted } from './theme.js';

/** Props of ExplainPanel. */
export interface ExplainPanelProps {
  readonly state: TuiState;
}

const builderName = (b: string): string => (b === 'buildkit' ? 'BuildKit' : 'the legacy builder');
const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The explain overlay. */
export function ExplainPanel({ state }: ExplainPanelProps): ReactNode {
  const { bodyRows } = layoutOf(state);
  const view = explainView(state);
  const width = state.viewport.columns;
  if (view === undefined) return null;
  if (!view.ok) {
    return (
      <Box flexDirection="column" height={bodyRows} width={width}>
        <Text bold wrap="truncate-end">
          Explain <Shown text={view.path} />
        </Text>
        <Tinted tone="error">✗ {view.message}</Tinted>
      </Box>
    );
  }
  const { current, other, differs } = view.explained;
  const verdict = current.included ? `${MARKS.included} sent` : `${MARKS.excluded} excluded`;
  const trace = current.trace.slice(-(bodyRows - 8));
  return (
    <Box flexDirection="column" height={bodyRows} width={width}>
      <Text bold wrap="truncate-end">
        Explain <Shown text={view.path} />
        {view.isDir ? '/' : ''}
      </Text>
      <Text wrap="truncate-end">
        <Tinted tone={current.included ? 'included' : 'excluded'} bold>{verdict}</Tinted>
        {' '}under {builderName(current.builder)}
        <Shown text={current.notSent !== undefined ? `: ${current.notSent}` : current.rule === undefined ? ': no rule matches it, so it is sent' : `, decided by ${ruleLabel(current.rule)}  ${current.rule.origin.text}`} />
      </Text>
      {current.prunedAt !== undefined ? (
        <Tinted tone="muted">{`  ${current.prunedAt}/ is excluded and the walk never enters it, so nothing below it is sent`}</Tinted>
      ) : null}
      <Text> </Text>
      <Text bold>Rules that matched, in order (the last one decides):</Text>
      {trace.length === 0 ? <Tinted tone="muted">  none</Tinted> : null}
      {trace.map((step, k) => (
        <Text key={k} wrap="truncate-end">
          {'  '}
          <Shown text={ruleLabel(step.rule)} width={20} /> <Shown text={step.rule.origin.text} width={28} />
          <Tinted tone="muted"> matched {step.matchedAt}</Tinted>
          <Tinted tone={step.effect === 'exclude' ? 'excluded' : 'included'}> → {step.effect}</Tinted>
        </Text>
      ))}
      <Text> </Text>
      {differs ? (
        <Tinted tone="warn" bold>
          {`⚠ ${capitalized(builderName(other.builder))} decides differently: ${other.included ? 'sent' : 'excluded'}${other.rule ? ` (${ruleLabel(other.rule)})` : ''}${other.prunedAt ? `, never entering ${other.prunedAt}/` : ''}`}
        </Tinted>
      ) : (
        <Tinted tone="muted">{`${capitalized(builderName(other.builder))} decides the same.`}</Tinted>
      )}
    </Box>
  );
}

// "Why is this path in or out?": the deciding rule, the trace of rules that flipped it, a pruned
// ancestor if the walk never went in, and the other builder's verdict when it differs. Under
// BuildKit also whether the Dockerfile asks for the path, and which instructions do.
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { Box, Text } from 'ink';
import type { RequestExplanation } from '@ctxlens/core';
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

/** Instructions listed under the request line before "… and N more". */
const MAX_INSTRUCTIONS = 3;

/** Rows the request takes: its reason, then the instructions that ask for the path. */
function requestRows(request: RequestExplanation): string[] {
  const shown = request.instructions.slice(0, MAX_INSTRUCTIONS).map((text) => `    ${text}`);
  const more = request.instructions.length - shown.length;
  return [`  ${capitalized(request.reason)}${shown.length > 0 ? ':' : ''}`, ...shown, ...(more > 0 ? [`    … and ${more} more`] : [])];
}

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
  const request = current.request;
  // The ignore file lets it through, but BuildKit is not asked for it.
  const unrequested = !current.included && current.eligible === true && request !== undefined && current.notSent === undefined;
  const verdict = current.included ? `${MARKS.included} sent` : unrequested ? `${MARKS.unrequested} not sent` : `${MARKS.excluded} excluded`;
  const requestLines = request === undefined || unrequested ? [] : requestRows(request);
  const trace = current.trace.slice(-Math.max(1, bodyRows - 8 - requestLines.length));
  return (
    <Box flexDirection="column" height={bodyRows} width={width}>
      <Text bold wrap="truncate-end">
        Explain <Shown text={view.path} />
        {view.isDir ? '/' : ''}
      </Text>
      <Text wrap="truncate-end">
        <Tinted tone={current.included ? 'included' : unrequested ? 'unrequested' : 'excluded'} bold>{verdict}</Tinted>
        {' '}under {builderName(current.builder)}
        <Shown text={unrequested ? `: ${request.reason}` : current.notSent !== undefined ? `: ${current.notSent}` : current.rule === undefined ? `: no rule matches it, so it is ${current.included ? 'sent' : 'eligible'}` : `, decided by ${ruleLabel(current.rule)}  ${current.rule.origin.text}`} />
      </Text>
      {requestLines.map((line, k) => (
        <Tinted key={`r${k}`} tone="muted">
          {line}
        </Tinted>
      ))}
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

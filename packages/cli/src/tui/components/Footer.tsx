// The bottom two lines: an input or the last message, then the keys that work right now (from
// the keymap table, so they match the handlers).
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { addRuleFeedback } from '../state/input-feedback.js';
import { footerHints } from '../state/footer-hints.js';
import { scopesFor } from '../state/keymap.js';
import { wantedKey } from '../state/selectors.js';
import type { TuiState } from '../state/types.js';
import { hasUsage } from '../state/usage.js';
import { TextInput } from './TextInput.js';
import { Tinted } from './theme.js';

/** Props of Footer. */
export interface FooterProps {
  readonly state: TuiState;
}

function Message({ state }: FooterProps): ReactNode {
  const { mode, status, evaluationError } = state;
  const width = state.viewport.columns;
  if (mode.kind === 'filter') return <TextInput prompt="filter: " value={mode.text} width={width} />;
  if (mode.kind === 'add-rule') {
    const feedback = addRuleFeedback(state);
    return (
      <Box flexDirection="column">
        <TextInput prompt="add rule: " value={mode.text} width={width} />
        {feedback ? <Tinted tone={feedback.tone === 'info' ? 'muted' : feedback.tone}>{feedback.tone === 'error' ? `✗ ${feedback.text}` : feedback.text}</Tinted> : null}
      </Box>
    );
  }
  if (evaluationError !== undefined && evaluationError.key === wantedKey(state)) return <Tinted tone="error">✗ {evaluationError.message}</Tinted>;
  if (status !== undefined) return <Tinted tone={status.tone === 'info' ? 'plain' : status.tone}>{status.text}</Tinted>;
  if (state.builder === 'buildkit' && hasUsage(state.evaluation)) {
    return <Tinted tone="muted">✓ sent  ✗ excluded  ○ not requested  ◐ partly sent  ● used  ◌ never used · a first build's figure: a warm builder sends only what changed</Tinted>;
  }
  if (state.builder === 'buildkit') return <Tinted tone="muted">✓ sent  ✗ excluded  ○ not requested  ◐ partly sent · a first build's figure: a warm builder sends only what changed</Tinted>;
  return <Tinted tone="muted">✓ sent  ✗ excluded  ◐ partly sent · sizes are upload bytes, as docker build counts them</Tinted>;
}

/** The footer. */
export function Footer({ state }: FooterProps): ReactNode {
  const hints = footerHints(scopesFor(state.mode, state.pane), state.viewport.columns);
  return (
    <Box flexDirection="column" width={state.viewport.columns}>
      <Message state={state} />
      {state.mode.kind === 'add-rule' ? null : (
        <Text wrap="truncate-end">
          <Tinted tone="muted">{hints}</Tinted>
        </Text>
      )}
    </Box>
  );
}

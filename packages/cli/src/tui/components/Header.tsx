// The figures the product exists for: what Docker would send now, against the tree with no
// ignore file and against the start of the session; plus the builder and the ignore file in use.
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { formatCount } from '../../output/numbers.js';
import { hasUnsavedChanges, isCurrent } from '../state/selectors.js';
import type { TuiState } from '../state/types.js';
import { percentChange, signedSize } from './format.js';
import { Shown, Tinted } from './theme.js';

/** Props of Header. */
export interface HeaderProps {
  readonly state: TuiState;
}

/** Two lines: sizes, then builder, ignore file and state of the edit. */
export function Header({ state }: HeaderProps): ReactNode {
  const { session, evaluation, startSizes } = state;
  if (session === undefined || evaluation === undefined) return <Text>ctxlens</Text>;
  const now = evaluation.sizes;
  const base = session.baseline;
  const pending = !isCurrent(state) && state.evaluationError === undefined;
  const since = startSizes === undefined ? 0 : now.tarBytes - startSizes.tarBytes;
  const builderName = state.builder === 'buildkit' ? 'BuildKit' : 'legacy';
  const ignore = session.ignoreExists ? session.ignoreLabel : `${session.ignoreLabel} (new)`;
  return (
    <Box flexDirection="column" width={state.viewport.columns}>
      <Text wrap="truncate-end">
        <Tinted tone="accent" bold>ctxlens </Tinted>
        <Text bold>{now.dockerSize}</Text>
        <Text> · {formatCount(now.files)} files</Text>
        <Tinted tone="muted">{pending ? ' …' : ''}   with no ignore file: </Tinted>
        <Text>
          {base.dockerSize} → {now.dockerSize}
        </Text>
        <Tinted tone="success"> ({percentChange(base.tarBytes, now.tarBytes)})</Tinted>
      </Text>
      <Text wrap="truncate-end">
        <Tinted tone="muted">builder </Tinted>
        <Text bold>{builderName}</Text>
        <Tinted tone="muted"> · </Tinted>
        <Text bold>
          <Shown text={ignore} />
        </Text>
        {hasUnsavedChanges(state) ? <Tinted tone="warn"> ● unsaved</Tinted> : null}
        {state.evaluationError !== undefined ? <Tinted tone="error"> ✗ rejected by Docker</Tinted> : null}
        <Tinted tone="muted"> · session </Tinted>
        <Text>{since === 0 ? '±0B' : `${signedSize(since)} (${startSizes?.dockerSize} → ${now.dockerSize})`}</Text>
      </Text>
    </Box>
  );
}

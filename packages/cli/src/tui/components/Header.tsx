// The figures the product exists for: what Docker would send now (under BuildKit, only what the
// Dockerfile asks for, beside everything the ignore file lets through), against the tree with no
// ignore file and against the start of the session; plus the builder and the ignore file in use.
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { FIGURES } from '@ctxlens/core';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { formatCount, plural } from '../../output/numbers.js';
import { sentFigure } from '../state/figures.js';
import { headerView } from '../state/header-view.js';
import { hasUnsavedChanges, isCurrent } from '../state/selectors.js';
import type { TuiState } from '../state/types.js';
import { Shown, Tinted } from './theme.js';

/** Props of Header. */
export interface HeaderProps {
  readonly state: TuiState;
}

/** Two lines: sizes sent and eligible, then builder, what BuildKit was asked for, ignore file, state of the edit and what the Dockerfile uses. */
export function Header({ state }: HeaderProps): ReactNode {
  const view = headerView(state);
  const session = state.session;
  if (view === undefined || session === undefined) return <Text>ctxlens</Text>;
  const pending = !isCurrent(state) && state.evaluationError === undefined;
  const builderName = state.builder === 'buildkit' ? 'BuildKit' : 'legacy';
  const ignore = session.ignoreExists ? session.ignoreLabel : `${session.ignoreLabel} (new)`;
  return (
    <Box flexDirection="column" width={state.viewport.columns}>
      <Text wrap="truncate-end">
        <Tinted tone="accent" bold>ctxlens </Tinted>
        {view.sent === '' ? <Text bold>BuildKit sends nothing</Text> : <Text bold>{view.sent}</Text>}
        {view.sent === '' ? null : <Text> · {plural(view.files, 'file')}</Text>}
        <Tinted tone="muted">{pending ? ' …' : ''}</Tinted>
        {view.eligible === undefined ? null : (
          <Tinted tone="muted">
            {'   eligible (COPY . .): '}
            {view.eligible.size} · {plural(view.eligible.files, 'file')}
          </Tinted>
        )}
        <Tinted tone="muted">   with no ignore file: </Tinted>
        <Text>
          {view.baseline.from} → {view.baseline.to}
        </Text>
        <Tinted tone="success"> ({view.baseline.change})</Tinted>
      </Text>
      <Text wrap="truncate-end">
        <Tinted tone="muted">builder </Tinted>
        <Text bold>{builderName}</Text>
        {/* The builder decides which figure the sizes above are: name it. */}
        <Tinted tone="muted"> ({sentFigure(state.builder).label})</Tinted>
        {view.request === undefined ? null : <Tinted tone={view.request.warn ? 'warn' : 'muted'}>{` · ${view.request.warn ? '⚠ ' : ''}${view.request.text}`}</Tinted>}
        <Tinted tone="muted"> · </Tinted>
        <Text bold>
          <Shown text={ignore} />
        </Text>
        {hasUnsavedChanges(state) ? <Tinted tone="warn"> ● unsaved</Tinted> : null}
        {state.evaluationError !== undefined ? <Tinted tone="error"> ✗ rejected by Docker</Tinted> : null}
        <Tinted tone="muted"> · session </Tinted>
        <Text>{view.since}</Text>
        {view.used === undefined ? null : (
          <Tinted tone="muted">
            {'   used: '}
            {plural(view.used.files, 'file')} {view.used.size} {FIGURES.bytes.label} ({formatCount(view.used.shippedFiles)} in the image)
          </Tinted>
        )}
      </Text>
    </Box>
  );
}

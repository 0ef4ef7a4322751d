// `b`: the builder switched; here is what changes with it: the paths one builder sends and the
// other does not, biggest first.
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { formatDockerSize } from '@ctxlens/core';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { plural } from '../../output/numbers.js';
import { sentFigure, sentSize, TREE_FIGURE } from '../state/figures.js';
import { layoutOf } from '../state/selectors.js';
import type { TuiState } from '../state/types.js';
import { visibleWindow } from '../state/viewport.js';
import { cell } from './format.js';
import { Shown, Tinted } from './theme.js';

/** Props of BuilderDiffView. */
export interface BuilderDiffViewProps {
  readonly state: TuiState;
}

const nameOf = (b: string): string => (b === 'buildkit' ? 'BuildKit' : 'legacy');

/** The builder-difference overlay. */
export function BuilderDiffView({ state }: BuilderDiffViewProps): ReactNode {
  const { bodyRows } = layoutOf(state);
  const width = state.viewport.columns;
  const data = state.modeData?.kind === 'builder-diff' ? state.modeData : undefined;
  const mode = state.mode;
  const cursor = mode.kind === 'builder-diff' ? mode.cursor : 0;
  const now = state.evaluation === undefined ? '…' : sentSize(state.evaluation.sizes, state.builder);
  const title = `Builder: now ${nameOf(state.builder)}`;
  if (data === undefined) return <Box height={bodyRows} flexDirection="column"><Text bold>{title}</Text><Tinted tone="muted">Comparing the builders…</Tinted></Box>;
  const { start, end } = visibleWindow(data.rows.length, cursor, bodyRows - 3);
  return (
    <Box flexDirection="column" height={bodyRows} width={width}>
      <Text bold wrap="truncate-end">
        {title} <Tinted tone="muted">({now} {sentFigure(state.builder).label}; {nameOf(data.other)} would send {sentSize(data.otherSizes, data.other)} {sentFigure(data.other).label})</Tinted>
      </Text>
      {state.session?.inputs.ignoreFileReason === 'dockerfile-specific' ? (
        <Tinted tone="warn">{`⚠ The legacy builder reads .dockerignore, not ${state.session.ignoreLabel}; these figures apply the rules you are editing to both.`}</Tinted>
      ) : null}
      <Text wrap="truncate-end">
        {data.rows.length === 0 ? 'Both builders send exactly the same entries with these rules.' : `${plural(data.rows.length + data.more, 'path')} where the builders differ (${TREE_FIGURE.label}):`}
      </Text>
      {data.rows.slice(start, end).map((row, k) => {
        const selected = start + k === cursor;
        const onlyNow = row.sentBy === state.builder;
        return (
          <Text key={row.index} inverse={selected} wrap="truncate-end">
            {selected ? '›' : ' '} <Tinted tone={onlyNow ? 'included' : 'excluded'}>{onlyNow ? '+' : '−'}</Tinted> {cell(formatDockerSize(row.bytes), 8, 'right')} <Shown text={row.path} width={Math.max(12, width - 40)} />
            <Tinted tone="muted"> sent only by {nameOf(row.sentBy)}</Tinted>
          </Text>
        );
      })}
      {data.more > 0 ? <Tinted tone="muted">  … and {data.more} more</Tinted> : null}
    </Box>
  );
}

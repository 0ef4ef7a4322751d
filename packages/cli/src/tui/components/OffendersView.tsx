// `o`: the biggest things sent, the known bloat and the secrets, each with its size or its risk.
// Enter shows the selected one in the tree, where `i` ignores it.
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { formatDockerSize, type TuiOffenderRow } from '@ctxlens/core';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { plural } from '../../output/numbers.js';
import { layoutOf } from '../state/selectors.js';
import type { TuiState } from '../state/types.js';
import { visibleWindow } from '../state/viewport.js';
import { cell } from './format.js';
import { Shown, type Tone, Tinted } from './theme.js';

/** Props of OffendersView. */
export interface OffendersViewProps {
  readonly state: TuiState;
}

interface Line {
  readonly kind: 'heading' | 'row' | 'note';
  readonly text: string;
  readonly row?: TuiOffenderRow;
  readonly section?: 'biggest' | 'bloat' | 'secrets';
  /** Position among selectable rows. */
  readonly position?: number;
}

function linesOf(biggest: readonly TuiOffenderRow[], bloat: readonly TuiOffenderRow[], secrets: readonly TuiOffenderRow[]): Line[] {
  const lines: Line[] = [];
  let position = 0;
  const section = (title: string, rows: readonly TuiOffenderRow[], name: 'biggest' | 'bloat' | 'secrets', empty: string): void => {
    lines.push({ kind: 'heading', text: title });
    if (rows.length === 0) lines.push({ kind: 'note', text: empty });
    for (const row of rows) lines.push({ kind: 'row', text: row.path, row, section: name, position: position++ });
  };
  section('Biggest sent', biggest, 'biggest', 'nothing is sent');
  section('Known bloat sent (dependencies, VCS, test output, logs, caches)', bloat, 'bloat', 'none found ✓');
  section('Secrets sent', secrets, 'secrets', 'none found ✓');
  return lines;
}

const SECTION_TONE: Record<'biggest' | 'bloat' | 'secrets', Tone> = { biggest: 'plain', bloat: 'warn', secrets: 'error' };

/** The offenders overlay. */
export function OffendersView({ state }: OffendersViewProps): ReactNode {
  const { bodyRows } = layoutOf(state);
  const width = state.viewport.columns;
  const data = state.modeData?.kind === 'offenders' ? state.modeData.offenders : undefined;
  const cursor = state.mode.kind === 'offenders' ? state.mode.cursor : 0;
  if (data === undefined) return <Box height={bodyRows}><Tinted tone="muted">Looking for offenders…</Tinted></Box>;
  const lines = linesOf(data.biggest, data.bloat, data.secrets);
  const at = Math.max(0, lines.findIndex((l) => l.position === cursor));
  const { start, end } = visibleWindow(lines.length, at, bodyRows - 1);
  return (
    <Box flexDirection="column" height={bodyRows} width={width}>
      <Text bold>Offenders <Tinted tone="muted">(file bytes sent · ↵ shows it in the tree, where i ignores it)</Tinted></Text>
      {lines.slice(start, end).map((line, k) => {
        if (line.kind === 'heading') return <Text key={k} bold underline>{line.text}</Text>;
        if (line.kind === 'note') return <Tinted key={k} tone="muted">{'  ' + line.text}</Tinted>;
        const row = line.row!;
        const selected = line.position === cursor;
        const what = line.section === 'secrets' ? `RISK: ${row.reason ?? 'secret'} is copied into the build` : (row.reason ?? row.category ?? plural(row.files, 'file'));
        return (
          <Text key={k} inverse={selected} wrap="truncate-end">
            {selected ? '›' : ' '} {cell(formatDockerSize(row.bytes), 8, 'right')} <Shown text={row.path + (row.isDir ? '/' : '')} width={Math.max(12, Math.floor(width * 0.4))} />{' '}
            <Tinted tone={SECTION_TONE[line.section!]}>{what}</Tinted>
            {row.pattern !== undefined ? <Tinted tone="muted">{`  → ${row.pattern}`}</Tinted> : null}
          </Text>
        );
      })}
    </Box>
  );
}

// `o`: the secrets sent, the biggest things sent and the known bloat, each with its risk or its size.
// Enter shows the selected one in the tree, where `i` ignores it.
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { FIGURES, formatDockerSize } from '@ctxlens/core';
import type { OffenderRow } from '@ctxlens/core/live';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { plural } from '../../output/numbers.js';
import { layoutOf } from '../state/selectors.js';
import type { ModeData, TuiState } from '../state/types.js';
import { visibleWindow } from '../state/viewport.js';
import { cell } from './format.js';
import { MARKS, Shown, type Tone, Tinted, USE_MARKS } from './theme.js';

/** Props of OffendersView. */
export interface OffendersViewProps {
  readonly state: TuiState;
}

type Section = 'biggest' | 'bloat' | 'secrets' | 'unrequested';

interface Line {
  readonly kind: 'heading' | 'row' | 'note';
  readonly text: string;
  readonly row?: OffenderRow;
  readonly section?: Section;
  /** Position among selectable rows. */
  readonly position?: number;
}

function linesOf(data: Extract<ModeData, { kind: 'offenders' }>): Line[] {
  const { biggest, bloat, secrets } = data.offenders;
  const lines: Line[] = [];
  let position = 0;
  const section = (title: string, rows: readonly OffenderRow[], name: Section, empty: string): void => {
    lines.push({ kind: 'heading', text: title });
    if (rows.length === 0) lines.push({ kind: 'note', text: empty });
    for (const row of rows) lines.push({ kind: 'row', text: row.path, row, section: name, position: position++ });
  };
  // Secrets lead, so they are on the first screen even at 80x24: one that ships in the image is
  // the worst thing the view can show.
  section('Secrets sent (shipped in the image first)', secrets, 'secrets', 'none found ✓');
  // Then the golden rule: bytes sent that no COPY or mount ever uses (summary lines, not selectable).
  if (data.sentUnused !== undefined) {
    const total = data.sentUnused.reduce((sum, g) => sum + g.bytes, 0);
    lines.push({ kind: 'heading', text: `Sent, never used by the Dockerfile: ${formatDockerSize(total)}` });
    if (data.sentUnused.length === 0) lines.push({ kind: 'note', text: 'nothing ✓' });
    for (const g of data.sentUnused.slice(0, 5)) lines.push({ kind: 'note', text: `${cell(formatDockerSize(g.bytes), 8, 'right')} ${g.top} (${plural(g.files, 'file')})` });
  }
  section('Biggest sent (never used first)', biggest, 'biggest', 'nothing is sent');
  section('Known bloat sent (dependencies, VCS, test output, logs, caches)', bloat, 'bloat', 'none found ✓');
  // Selectable rows follow offenderRows' order, so the section comes last.
  if (data.notRequested.length > 0) section('Eligible, not requested by the Dockerfile (a COPY . . would send them: let the ignore file catch them)', data.notRequested, 'unrequested', '');
  return lines;
}

/** A secret's risk, worst first: it ships in the image, it sits in a build stage, or the builder only sees it. */
function secretText(row: OffenderRow): string {
  const what = row.reason ?? 'secret';
  if (row.use === 'shipped') return `RISK: ${what} ships in the image: use RUN --mount=type=secret`;
  if (row.use === 'used') return `RISK: ${what} is copied into a build stage: use RUN --mount=type=secret`;
  if (row.use === 'unused') return `RISK: ${what} is sent to the builder, never used`;
  return `RISK: ${what} is copied into the build`;
}

const SECTION_TONE: Record<Section, Tone> = { biggest: 'plain', bloat: 'warn', secrets: 'error', unrequested: 'unrequested' };

/** The offenders overlay. */
export function OffendersView({ state }: OffendersViewProps): ReactNode {
  const { bodyRows } = layoutOf(state);
  const width = state.viewport.columns;
  const data = state.modeData?.kind === 'offenders' ? state.modeData : undefined;
  const cursor = state.mode.kind === 'offenders' ? state.mode.cursor : 0;
  if (data === undefined) return <Box height={bodyRows}><Tinted tone="muted">Looking for offenders…</Tinted></Box>;
  const lines = linesOf(data);
  const at = Math.max(0, lines.findIndex((l) => l.position === cursor));
  const { start, end } = visibleWindow(lines.length, at, bodyRows - 1);
  return (
    <Box flexDirection="column" height={bodyRows} width={width}>
      <Text bold>Offenders <Tinted tone="muted">({FIGURES.bytes.label} sent · ↵ shows it in the tree, where i ignores it)</Tinted></Text>
      {lines.slice(start, end).map((line, k) => {
        if (line.kind === 'heading') return <Text key={k} bold underline>{line.text}</Text>;
        if (line.kind === 'note') return <Tinted key={k} tone="muted">{'  ' + line.text}</Tinted>;
        const row = line.row!;
        const selected = line.position === cursor;
        const reason = row.reason ?? row.category ?? plural(row.files, 'file');
        const what = line.section === 'secrets' ? secretText(row) : line.section === 'unrequested' ? `${MARKS.unrequested} not requested · ${reason}` : row.use === 'unused' ? `${USE_MARKS['sent-unused']} never used · ${reason}` : reason;
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

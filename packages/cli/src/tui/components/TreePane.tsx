// The ncdu-like pane: the current directory's entries with their upload bytes (named in the title), a bar, a state
// glyph and name; excluded entries name their deciding rule, partly sent ones their sent size, and
// entries the Dockerfile does not ask for (BuildKit) say so.
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { formatDockerSize } from '@ctxlens/core';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { plural } from '../../output/numbers.js';
import { TREE_FIGURE } from '../state/figures.js';
import { layoutOf } from '../state/selectors.js';
import { type TreeRow, treeView } from '../state/tree-rows.js';
import type { TuiState } from '../state/types.js';
import { bar, cell } from './format.js';
import { MARKS, type Paint, paintShown, Tinted, USE_MARKS, usePaint } from './theme.js';

/** Props of TreePane. */
export interface TreePaneProps {
  readonly state: TuiState;
}

const SIZE_WIDTH = 8;

function suffixOf(row: TreeRow): string {
  if (row.mark === 'excluded') return row.rule ?? '';
  if (row.mark === 'partial') return `sent ${formatDockerSize(row.includedBytes)}`;
  if (row.mark === 'unrequested') return 'not requested';
  if (row.use === 'sent-unused') return 'never used';
  return '';
}

function useGlyph(row: TreeRow, paint: Paint): string {
  if (row.use === undefined) return '  ';
  return paint(row.use === 'used' ? 'included' : row.use === 'sent-unused' ? 'warn' : 'partial', USE_MARKS[row.use]) + ' ';
}

function rowText(row: TreeRow, width: number, barWidth: number, maxBytes: number, paint: Paint, showsUse: boolean): string {
  const suffix = suffixOf(row);
  const suffixWidth = suffix === '' ? 0 : Math.min(suffix.length, 20) + 1;
  const nameWidth = Math.max(4, width - 4 - SIZE_WIDTH - (showsUse ? 2 : 0) - (barWidth > 0 ? barWidth + 1 : 0) - suffixWidth);
  const b = bar(row.totalBytes, row.includedBytes, maxBytes, barWidth);
  const name = paintShown(paint, row.mark === 'excluded' || row.mark === 'unrequested' ? 'muted' : 'plain', row.name + (row.isDir ? '/' : ''), nameWidth, 'left', row.isDir);
  return [
    row.selected ? '›' : ' ',
    paint(row.mark, MARKS[row.mark]),
    ' ',
    cell(formatDockerSize(row.totalBytes), SIZE_WIDTH, 'right'),
    ' ',
    showsUse ? useGlyph(row, paint) : '',
    barWidth > 0 ? paint('included', b.sent) + paint('excluded', b.dropped) + b.rest + ' ' : '',
    name,
    suffix === '' ? '' : ' ' + paintShown(paint, row.use === 'sent-unused' && row.mark === 'included' ? 'warn' : row.mark === 'included' ? 'partial' : row.mark, suffix, suffixWidth - 1, 'right'),
  ].join('');
}

/** The tree pane: a title line and the visible window of the directory's listing. */
export function TreePane({ state }: TreePaneProps): ReactNode {
  const { treeWidth, treeRows, barWidth } = layoutOf(state);
  const view = treeView(state);
  const paint = usePaint();
  const focused = state.pane === 'tree' && state.mode.kind === 'browse';
  // The sizes are upload bytes (a 6-byte file shows 1.024kB), not the file bytes offenders show:
  // say so, in few words, so a filter note after it still fits a narrow tree.
  const order = state.tree.sort === 'size' ? `by ${TREE_FIGURE.label}` : `by name · ${TREE_FIGURE.label}`;
  const filter = (state.tree.filter === '' ? '' : ` · filter "${state.tree.filter}"`) + (state.tree.unusedOnly ? ' · sent but never used' : '');
  return (
    <Box flexDirection="column" width={treeWidth} height={treeRows}>
      <Text wrap="truncate-end">
        <Tinted tone={focused ? 'accent' : 'muted'} bold={focused}>{focused ? '▸ ' : '  '}{view.path}</Tinted>
        <Tinted tone="muted">  {plural(view.count, 'entry', 'entries')} · {order}{filter}</Tinted>
      </Text>
      {view.count === 0 ? <Tinted tone="muted">  {state.tree.filter === '' && !state.tree.unusedOnly ? '(empty directory)' : '(no entry matches the filter)'}</Tinted> : null}
      {view.rows.map((row) => (
        <Text key={row.index} inverse={row.selected && focused} wrap="truncate-end">
          {rowText(row, treeWidth, barWidth, view.maxBytes, paint, view.showsUse)}
        </Text>
      ))}
    </Box>
  );
}

// `?`: every key, straight from the keymap table, plus the legend of the tree's glyphs.
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { KEYMAP, type Scope } from '../state/keymap.js';
import { layoutOf } from '../state/selectors.js';
import type { TuiState } from '../state/types.js';
import { cell } from './format.js';
import { MARKS, Tinted } from './theme.js';

/** Props of HelpOverlay. */
export interface HelpOverlayProps {
  readonly state: TuiState;
}

const TITLES: Partial<Record<Scope, string>> = {
  tree: 'Tree',
  rules: 'Rules (Tab)',
  global: 'Anywhere',
  always: 'At any time',
  confirm: 'Dialogs',
  quit: 'Quitting with unsaved changes',
  choose: 'Proposals',
  list: 'Lists',
  text: 'Inputs',
};

/** Help lines: a heading per scope, then `keys  what they do`. */
function helpLines(): { heading: boolean; text: string }[] {
  const lines: { heading: boolean; text: string }[] = [];
  for (const scope of Object.keys(TITLES) as Scope[]) {
    lines.push({ heading: true, text: TITLES[scope]! });
    for (const b of KEYMAP.filter((x) => x.scope === scope)) lines.push({ heading: false, text: `${cell(b.label, 8)} ${b.help}` });
  }
  lines.push({ heading: true, text: 'Marks' });
  lines.push({ heading: false, text: `${MARKS.included} sent   ${MARKS.excluded} excluded   ${MARKS.partial} partly sent` });
  lines.push({ heading: false, text: `${MARKS.unrequested} not requested by the Dockerfile (BuildKit)` });
  lines.push({ heading: false, text: 'Tree sizes: upload bytes, as docker build counts them' });
  lines.push({ heading: true, text: 'Figures' });
  lines.push({ heading: false, text: "BuildKit: its 'transferring context' figure, first build" });
  lines.push({ heading: false, text: 'A rebuild on a warm builder sends only what changed' });
  lines.push({ heading: false, text: 'eligible (COPY . .): all the ignore file lets through' });
  return lines;
}

/** The help overlay, in as many columns as the height requires. */
export function HelpOverlay({ state }: HelpOverlayProps): ReactNode {
  const { bodyRows } = layoutOf(state);
  const lines = helpLines();
  const perColumn = Math.max(1, bodyRows - 1);
  const fit = Math.ceil(lines.length / perColumn);
  // Side by side when each column has room for the descriptions; otherwise one column that scrolls.
  const columnCount = state.viewport.columns / fit >= 44 ? fit : 1;
  const scroll = columnCount === 1 && state.mode.kind === 'help' ? Math.min(state.mode.scroll, Math.max(0, lines.length - perColumn)) : 0;
  const columns: (typeof lines)[] = [];
  for (let i = scroll; i < lines.length && columns.length < columnCount; i += perColumn) columns.push(lines.slice(i, i + perColumn));
  const width = Math.floor(state.viewport.columns / columnCount);
  return (
    <Box flexDirection="column" height={bodyRows} width={state.viewport.columns}>
      <Text bold>Keys <Tinted tone="muted">(Esc closes{columnCount === 1 ? ', ↑/↓ scroll' : ''})</Tinted></Text>
      <Box>
        {columns.map((column, c) => (
          <Box key={c} flexDirection="column" width={width}>
            {column.map((line, k) =>
              line.heading ? <Text key={k} bold underline wrap="truncate-end">{line.text}</Text> : <Text key={k} wrap="truncate-end">{line.text}</Text>,
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
}

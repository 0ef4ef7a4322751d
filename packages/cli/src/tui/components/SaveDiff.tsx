// `w`: the exact change to the ignore file before it is written. Everything not shown as changed
// (comments, blank lines, byte order mark, line endings) stays byte for byte.
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { plural } from '../../output/numbers.js';
import { diffDocument, diffHunks } from '../state/line-diff.js';
import { layoutOf } from '../state/selectors.js';
import type { TuiState } from '../state/types.js';
import { cell } from './format.js';
import { Shown, Tinted } from './theme.js';

/** Props of SaveDiff. */
export interface SaveDiffProps {
  readonly state: TuiState;
}

/** The save confirmation with the diff. */
export function SaveDiff({ state }: SaveDiffProps): ReactNode {
  const { bodyRows } = layoutOf(state);
  const session = state.session;
  if (session === undefined) return null;
  const doc = state.rules.doc;
  const hunks = diffHunks(diffDocument(session.originalBytes, doc));
  const room = Math.max(1, bodyRows - 5);
  const shown = hunks.slice(0, room);
  const kept = [doc.bom ? 'UTF-8 byte order mark' : undefined, doc.newline.length === 2 ? 'CRLF line endings' : 'LF line endings', 'comments and blank lines'].filter((x) => x !== undefined).join(', ');
  return (
    <Box flexDirection="column" height={bodyRows} width={state.viewport.columns}>
      <Text bold wrap="truncate-end">
        Save <Shown text={session.ignorePath} />? <Tinted tone="muted">{session.ignoreExists ? '' : '(new file)'}</Tinted>
      </Text>
      {shown.map((line, k) =>
        line === undefined ? (
          <Tinted key={k} tone="muted">  ⋯</Tinted>
        ) : (
          <Text key={k} wrap="truncate-end">
            <Tinted tone={line.op === 'add' ? 'included' : line.op === 'remove' ? 'excluded' : 'muted'}>
              {line.op === 'add' ? '+' : line.op === 'remove' ? '-' : ' '} {cell(String(line.number), 4, 'right')} {line.text}
            </Tinted>
          </Text>
        ),
      )}
      {hunks.length > shown.length ? <Tinted tone="muted">  … {plural(hunks.length - shown.length, 'more line')}</Tinted> : null}
      <Tinted tone="muted">Kept byte for byte: every other line, {kept}.</Tinted>
      <Tinted tone="muted">Written atomically, and only if the file did not change on disk since it was loaded.</Tinted>
      <Text>
        <Tinted tone="accent" bold>y/↵ write</Tinted> · n/Esc cancel
      </Text>
    </Box>
  );
}

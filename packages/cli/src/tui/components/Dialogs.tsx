// Confirmations, shown under the panes: a proposed rule with what it saves, an exception with the builders that honour
// it, the conflict prompt and the quit prompt. The save diff has its own file.
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { formatSent } from '../state/figures.js';
import { layoutOf, saveFailedRows } from '../state/selectors.js';
import type { TuiState } from '../state/types.js';
import { Shown, Tinted } from './theme.js';

/** Props of the dialogs. */
export interface DialogProps {
  readonly state: TuiState;
}

function Frame({ state, title, children }: DialogProps & { title: string; children?: ReactNode }): ReactNode {
  const { dialogRows } = layoutOf(state);
  return (
    <Box flexDirection="column" height={dialogRows} width={state.viewport.columns} borderStyle="round" paddingX={1}>
      <Text bold wrap="truncate-end">
        <Shown text={title} />
      </Text>
      {children}
    </Box>
  );
}

const pathOf = (state: TuiState, index: number): string => state.session?.evaluator.from.totals.inventory.path(index) ?? '';

function noOptionText(withheld: number): string {
  return withheld > 0 ? 'The Dockerfile uses this path: excluding it would break the build or change the image.' : 'No .dockerignore line can express this name (it holds a line break).';
}

/** `i`: the proposed rules for ignoring the selected path and what each saves. */
export function ConfirmIgnore({ state }: DialogProps): ReactNode {
  const mode = state.mode;
  if (mode.kind !== 'confirm-ignore') return null;
  const data = state.modeData?.kind === 'ignore-preview' && state.modeData.index === mode.index ? state.modeData : undefined;
  return (
    <Frame state={state} title={`Ignore ${pathOf(state, mode.index)}: add this rule to ${state.session?.ignoreLabel}?`}>
      {data === undefined ? <Tinted tone="muted">{mode.confirmed ? 'Adding it as soon as it is worked out…' : 'Working out the rule and what it saves…'}</Tinted> : null}
      {data?.options.length === 0 ? <Tinted tone="warn">{noOptionText(data.withheld)}</Tinted> : null}
      {data?.options.map((option, k) => (
        <Text key={option.rule.line} inverse={k === mode.choice} wrap="truncate-end">
          {k === mode.choice ? '› ' : '  '}
          <Shown text={option.rule.line} width={32} />
          <Tinted tone="success">{option.savesBytes === undefined ? '' : ` saves ${formatSent(option.savesBytes, state.builder)}`}</Tinted>
          <Tinted tone="muted">  {option.rule.reason}</Tinted>
        </Text>
      ))}
      <Tinted tone="muted">y/↵ add it (at the end of the file, so it wins) · Tab other rule · n/Esc cancel</Tinted>
    </Frame>
  );
}

/** `!`: the exception that re-includes the selected path, and whether each builder honours it. */
export function ConfirmInclude({ state }: DialogProps): ReactNode {
  const mode = state.mode;
  if (mode.kind !== 'confirm-include') return null;
  const data = state.modeData?.kind === 'include-preview' && state.modeData.index === mode.index ? state.modeData : undefined;
  return (
    <Frame state={state} title={`Re-include ${pathOf(state, mode.index)}: add this exception to ${state.session?.ignoreLabel}?`}>
      {data === undefined ? <Tinted tone="muted">Working out the exception…</Tinted> : null}
      {data !== undefined && data.rule === undefined ? <Tinted tone="warn">No .dockerignore line can express this name (it holds a line break).</Tinted> : null}
      {data?.rule !== undefined ? (
        <Text wrap="truncate-end">
          {'› '}
          <Shown text={data.rule.line} />
          <Tinted tone="warn">{data.addsBytes === undefined ? '' : `  adds ${formatSent(data.addsBytes, state.builder)} to the context`}</Tinted>
        </Text>
      ) : null}
      {data?.rule !== undefined && !data.legacyHonours ? (
        <Tinted tone="warn">⚠ The legacy builder would not honour this exception: it never walks into the excluded directory above this path.</Tinted>
      ) : null}
      {data?.rule !== undefined && !data.buildkitHonours ? <Tinted tone="warn">⚠ BuildKit would not honour this exception.</Tinted> : null}
      {data?.rule !== undefined && data.legacyHonours && data.buildkitHonours ? <Tinted tone="muted">Both builders honour it.</Tinted> : null}
      <Tinted tone="muted">y/↵ add it · n/Esc cancel</Tinted>
    </Frame>
  );
}

/** The file changed on disk since it was loaded: nothing was written. */
export function ConflictPrompt({ state }: DialogProps): ReactNode {
  return (
    <Frame state={state} title={`${state.session?.ignoreLabel} changed on disk since ctxlens loaded it`}>
      <Tinted tone="error">Nothing was written: your edits would overwrite someone else's change.</Tinted>
      <Text wrap="truncate-end">r reloads it from disk (then u replays your edits onto it) · Esc keeps editing</Text>
    </Frame>
  );
}

/** A save that failed for a reason other than a conflict: why, how to fix it; the edits are kept. */
export function SaveFailed({ state }: DialogProps): ReactNode {
  const mode = state.mode;
  if (mode.kind !== 'save-failed') return null;
  return (
    <Frame state={state} title={`Could not save ${state.session?.ignoreLabel}: your edits are kept`}>
      {saveFailedRows(mode, state.viewport.columns).map((row, k) => (
        <Tinted key={k} tone={row.hint ? 'plain' : 'error'}>
          {row.text}
        </Tinted>
      ))}
      <Text wrap="truncate-end">Esc/↵ keeps editing (w tries again)</Text>
    </Frame>
  );
}

/** `q` or Ctrl-C with unsaved changes. */
export function ConfirmQuit({ state }: DialogProps): ReactNode {
  return (
    <Frame state={state} title={`Quit without saving ${state.session?.ignoreLabel}?`}>
      <Text wrap="truncate-end">Your rule changes are not written. w saves and quits · y quits and drops them · n/Esc goes back · Ctrl-C again quits without saving</Text>
    </Frame>
  );
}

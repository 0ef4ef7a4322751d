// The screen: header, then either the two panes or what covers them, then the footer. App only
// reads state; Root owns the reducer and the hooks.
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { Box } from 'ink';
import type { ReactNode } from 'react';
import { layoutOf } from '../state/selectors.js';
import type { TuiState } from '../state/types.js';
import { BuilderDiffView } from './BuilderDiffView.js';
import { ConfirmIgnore, ConfirmInclude, ConfirmQuit, ConflictPrompt, SaveFailed } from './Dialogs.js';
import { ExplainPanel } from './ExplainPanel.js';
import { Footer } from './Footer.js';
import { Header } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { LoadingScreen } from './LoadingScreen.js';
import { OffendersView } from './OffendersView.js';
import { RulesPane } from './RulesPane.js';
import { SaveDiff } from './SaveDiff.js';
import { TreePane } from './TreePane.js';

/** Props of App. */
export interface AppProps {
  readonly state: TuiState;
  /** The context directory as the user gave it (for the loading screen). */
  readonly dir: string;
}

function Panes({ state }: { state: TuiState }): ReactNode {
  return (
    <Box flexDirection={layoutOf(state).stacked ? 'column' : 'row'}>
      <TreePane state={state} />
      <Box width={1} />
      <RulesPane state={state} />
    </Box>
  );
}

function Body({ state }: { state: TuiState }): ReactNode {
  switch (state.mode.kind) {
    case 'help':
      return <HelpOverlay state={state} />;
    case 'explain':
      return <ExplainPanel state={state} />;
    case 'offenders':
      return <OffendersView state={state} />;
    case 'builder-diff':
      return <BuilderDiffView state={state} />;
    case 'save':
      return <SaveDiff state={state} />;
    case 'confirm-ignore':
      return withDialog(state, <ConfirmIgnore state={state} />);
    case 'confirm-include':
      return withDialog(state, <ConfirmInclude state={state} />);
    case 'conflict':
      return withDialog(state, <ConflictPrompt state={state} />);
    case 'save-failed':
      return withDialog(state, <SaveFailed state={state} />);
    case 'confirm-quit':
      return withDialog(state, <ConfirmQuit state={state} />);
    case 'browse':
    case 'filter':
    case 'add-rule':
      return <Panes state={state} />;
    default: {
      const unreachable: never = state.mode;
      return unreachable;
    }
  }
}

/** A confirmation under the panes, so the tree stays in view while deciding. */
function withDialog(state: TuiState, dialog: ReactNode): ReactNode {
  return (
    <Box flexDirection="column">
      <Panes state={state} />
      {dialog}
    </Box>
  );
}

/** The whole screen for a state. */
export function App({ state, dir }: AppProps): ReactNode {
  if (state.phase !== 'ready' || state.evaluation === undefined) return <LoadingScreen dir={dir} progress={state.progress} />;
  return (
    <Box flexDirection="column" width={state.viewport.columns} height={state.viewport.rows - 1}>
      <Header state={state} />
      <Body state={state} />
      <Footer state={state} />
    </Box>
  );
}

// Tree pane commands: moving, opening and leaving directories, sorting, and starting the
// ignore / re-include / explain / filter flows on the selected entry.
import { SOME_EXCLUDED, SOME_INCLUDED } from '@ctxlens/core/live';
import type { Command } from './keymap.js';
import { currentListing, layoutOf, listDirectory, selectedEntry } from './selectors.js';
import { useFlags } from './use-marks.js';
import { hasUsage } from './usage.js';
import type { TreeState, TuiState } from './types.js';
import { moveCursor } from './viewport.js';

/**
 * Shows a directory with one of its entries selected (or the first).
 * @returns the new tree state
 */
export function treeAt(state: TuiState, dir: number, select: number | undefined, sort = state.tree.sort): TreeState {
  const totals = state.session?.evaluator.from.totals;
  if (totals === undefined) return state.tree;
  const keep = state.tree.unusedOnly ? useFlags(state.evaluation) : undefined;
  const rows = listDirectory(totals, dir, sort, '', keep);
  const at = select === undefined ? 0 : rows.indexOf(select);
  return { dir, cursor: Math.max(0, at), sort, filter: '', unusedOnly: state.tree.unusedOnly };
}

/**
 * Shows an entry in the tree: opens its parent directory and selects it.
 * @returns the new state
 */
export function revealEntry(state: TuiState, index: number): TuiState {
  const inv = state.session?.evaluator.from.totals.inventory;
  if (inv === undefined || index <= 0) return state;
  return { ...state, pane: 'tree', mode: { kind: 'browse' }, modeData: undefined, tree: treeAt(state, inv.parent[index]!, index) };
}

function flagsOf(state: TuiState, index: number): number {
  return state.evaluation?.selection?.flags[index] ?? 0;
}

/**
 * Applies a tree command.
 * @returns the new state, or undefined when the command is not a tree command
 */
export function reduceTreeCommand(state: TuiState, command: Command): TuiState | undefined {
  const rows = currentListing(state);
  const page = layoutOf(state).listRows;
  const move = (delta: number): TuiState => ({ ...state, tree: { ...state.tree, cursor: moveCursor(state.tree.cursor, delta, rows.length) } });
  const selected = selectedEntry(state);
  const inv = state.session?.evaluator.from.totals.inventory;
  switch (command) {
    case 'cursor-up':
      return move(-1);
    case 'cursor-down':
      return move(1);
    case 'page-up':
      return move(-page);
    case 'page-down':
      return move(page);
    case 'first':
      return move(-rows.length);
    case 'last':
      return move(rows.length);
    case 'open':
      if (selected === undefined || inv === undefined) return state;
      if (!inv.isDir(selected)) return { ...state, status: { text: `${inv.name(selected)} is not a directory`, tone: 'info' } };
      return { ...state, tree: treeAt(state, selected, undefined), status: undefined };
    case 'back':
      if (inv === undefined || state.tree.dir === 0) return state;
      return { ...state, tree: treeAt(state, inv.parent[state.tree.dir]!, state.tree.dir), status: undefined };
    case 'sort-size':
    case 'sort-name': {
      const sort = command === 'sort-size' ? 'size' : 'name';
      const totals = state.session?.evaluator.from.totals;
      if (totals === undefined) return state;
      const resorted = currentListing({ ...state, tree: { ...state.tree, sort } });
      const cursor = selected === undefined ? 0 : Math.max(0, resorted.indexOf(selected));
      return { ...state, tree: { ...state.tree, sort, cursor } };
    }
    case 'unused-only': {
      if (!state.tree.unusedOnly && !hasUsage(state.evaluation)) {
        return { ...state, status: { text: 'What is used is known only under BuildKit with a Dockerfile (b switches builder)', tone: 'info' } };
      }
      const tree = { ...state.tree, unusedOnly: !state.tree.unusedOnly };
      const listing = currentListing({ ...state, tree });
      const cursor = selected === undefined ? 0 : Math.max(0, listing.indexOf(selected));
      return { ...state, tree: { ...tree, cursor }, status: undefined };
    }
    case 'ignore':
      if (selected === undefined || inv === undefined) return state;
      if (flagsOf(state, selected) === SOME_EXCLUDED) return { ...state, status: { text: `${inv.path(selected)} is already excluded`, tone: 'info' } };
      return { ...state, mode: { kind: 'confirm-ignore', index: selected, choice: 0 }, modeData: undefined };
    case 'include':
      if (selected === undefined || inv === undefined) return state;
      if (flagsOf(state, selected) === SOME_INCLUDED) return { ...state, status: { text: `${inv.path(selected)} is already sent`, tone: 'info' } };
      return { ...state, mode: { kind: 'confirm-include', index: selected }, modeData: undefined };
    case 'explain':
      if (selected === undefined) return state;
      return { ...state, mode: { kind: 'explain', index: selected }, modeData: undefined };
    case 'filter':
      return { ...state, mode: { kind: 'filter', text: state.tree.filter } };
    default:
      return undefined;
  }
}

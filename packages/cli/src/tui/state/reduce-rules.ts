// Rules pane commands. Every edit goes through the core's lossless document functions and pushes
// the previous model on the undo stack; evaluation follows in a hook, keyed by the new lines.
import type { Command } from './keymap.js';
import { appendRule, deleteRule, moveRule, type RulesModel, ruleRows, toggleRule } from './rules-model.js';
import { currentRuleRows } from './selectors.js';
import type { Status, TuiState } from './types.js';
import { moveCursor } from './viewport.js';

/** Undo depth; older models are dropped. */
export const HISTORY_LIMIT = 200;

/**
 * The undo stack with one more model on top, the oldest dropped past HISTORY_LIMIT.
 * @returns the new stack
 */
export function remember(history: readonly RulesModel[], model: RulesModel): RulesModel[] {
  return [...history, model].slice(-HISTORY_LIMIT);
}

/**
 * Replaces the rules with an edited model, remembering the old one for undo.
 * @param select the document line whose rule row should be selected afterwards
 * @returns the new state
 */
export function applyEdit(state: TuiState, model: RulesModel, status: Status | undefined, select?: number): TuiState {
  const history = remember(state.history, state.rules);
  const rows = ruleRows(model);
  let rulesCursor = Math.min(state.rulesCursor, Math.max(0, rows.length - 1));
  if (select !== undefined) rulesCursor = Math.max(0, rows.findIndex((r) => r.line === select));
  return { ...state, rules: model, history, rulesCursor, status };
}

/**
 * Adds a line at the end of the ignore file.
 * @returns the new state, with the new rule selected
 */
export function addRuleLine(state: TuiState, text: string, status: Status): TuiState {
  const { model, line } = appendRule(state.rules, text);
  return applyEdit(state, model, status, line);
}

/**
 * Applies a rules-pane command.
 * @returns the new state, or undefined when the command is not a rules command
 */
export function reduceRulesCommand(state: TuiState, command: Command): TuiState | undefined {
  const rows = currentRuleRows(state);
  const row = rows[state.rulesCursor];
  switch (command) {
    case 'cursor-up':
    case 'cursor-down':
      return { ...state, rulesCursor: moveCursor(state.rulesCursor, command === 'cursor-up' ? -1 : 1, rows.length) };
    case 'toggle-rule':
      if (row === undefined) return state;
      return applyEdit(state, toggleRule(state.rules, row.line), { text: `${row.enabled ? 'switched off' : 'switched on'}: ${row.text}`, tone: 'info' }, row.line);
    case 'add-rule':
      return { ...state, mode: { kind: 'add-rule', text: '' } };
    case 'delete-rule':
      if (row === undefined) return state;
      return applyEdit(state, deleteRule(state.rules, row.line), { text: `deleted: ${row.text}  (u undoes)`, tone: 'info' });
    case 'move-rule-up':
    case 'move-rule-down': {
      const other = rows[state.rulesCursor + (command === 'move-rule-up' ? -1 : 1)];
      if (row === undefined || other === undefined) return state;
      // Jump over the neighbouring rule (comments and blank lines between them stay where they are).
      const edited = moveRule(state.rules, row.line, other.line);
      return applyEdit(state, edited, { text: `moved: ${row.text}`, tone: 'info' }, other.line);
    }
    default:
      return undefined;
  }
}

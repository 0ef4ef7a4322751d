// The core surface the terminal UI uses beyond computeContext: slice-wise scanning, O(n) totals,
// proposed rules, explanations under both builders, rule-line checks and offenders.
// Re-exported from the package index by one line, so the TUI's needs stay in one place.
export { scanInSlices } from './tui-load.js';
export { wholeContextPlan } from '../context/send-plan.js';
export type { ScannedTree, SliceScanOptions } from './tui-load.js';
export { fastContextSizes, inventoryTotals, selectionTotals, SOME_EXCLUDED, SOME_INCLUDED, SOME_NOT_REQUESTED } from './tui-totals.js';
export type { InventoryTotals, SelectionTotals } from './tui-totals.js';
export { proposeException, proposeIgnoreRules, recurrences } from './tui-propose.js';
export type { ProposalGuard, ProposedRule } from './tui-propose.js';
export { explainBothBuilders, explainUnder, explainWithLines } from './tui-explain.js';
export type { BuilderExplanations } from './tui-explain.js';
export { checkRuleLine } from './tui-validate-rule.js';
export type { RuleLineCheck } from './tui-validate-rule.js';
export { tuiOffenders } from './tui-offenders.js';
export type { OffenderUse, TuiOffenderRow, TuiOffenders, TuiOffendersOptions } from './tui-offenders.js';

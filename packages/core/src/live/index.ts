// @ctxlens/core/live: live re-evaluation on an in-memory inventory. A tool that keeps one complete
// inventory (computeContextWithBaseline) and re-evaluates rules on it as the user types
// (evaluateRules) uses these to redraw in milliseconds: per-subtree totals in typed arrays, rules
// proposed for an entry, explanations under either builder or under unsaved lines, the check of a
// line as it is typed, and the offenders view. Entries are addressed by inventory index
// (`context.inventory.indexOf(path)`); parents precede children. The ctxlens TUI is one caller; an
// editor extension can be another. Public and covered by semver, like the main entry.
export type { Inventory } from '../inventory/inventory.js';
export { EntryState } from '../walk/walk-result.js';
export type { WalkResult } from '../walk/walk-result.js';
export { inventoryTotals, selectionTotals, SOME_EXCLUDED, SOME_INCLUDED, SOME_NOT_REQUESTED } from './totals.js';
export type { InventoryTotals, SelectionTotals } from './totals.js';
export { proposeException, proposeIgnoreRules, recurrences } from './propose.js';
export type { ProposalGuard, ProposedRule } from './propose.js';
export { protectedEntries } from '../analysis/protect.js';
export { explainBothBuilders, explainUnder, explainWithLines } from './explain.js';
export type { BuilderExplanations } from './explain.js';
export { checkRuleLine } from './validate-rule.js';
export type { RuleLineCheck } from './validate-rule.js';
export { groupOffenders } from './offenders.js';
export type { OffenderUse, OffenderRow, OffenderGroups, GroupOffendersOptions } from './offenders.js';

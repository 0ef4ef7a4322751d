// The `e` panel's content: the path's verdict, the deciding rule and the trace, under the builder
// in use, and whether the other builder decides differently (core explain, like git check-ignore -v).
import type { Explanation } from '@ctxlens/core';
import { type BuilderExplanations, explainBothBuilders } from '@ctxlens/core/live';
import { errorText } from './error-text.js';
import type { TuiState } from './types.js';

/** What the explain panel shows. */
export type ExplainView = { readonly ok: true; readonly path: string; readonly isDir: boolean; readonly explained: BuilderExplanations } | { readonly ok: false; readonly path: string; readonly message: string };

/**
 * Explains the entry the explain panel was opened on.
 * @returns the explanations, or the error a rule raised
 */
export function explainView(state: TuiState): ExplainView | undefined {
  const mode = state.mode;
  const evaluation = state.evaluation;
  const inv = state.session?.evaluator.from.totals.inventory;
  if (mode.kind !== 'explain' || evaluation === undefined || inv === undefined) return undefined;
  const path = inv.path(mode.index);
  try {
    return { ok: true, path, isDir: inv.isDir(mode.index), explained: explainBothBuilders(evaluation.context, path) };
  } catch (error) {
    return { ok: false, path, message: errorText(error) };
  }
}

/**
 * A rule's place, e.g. `.dockerignore:3`.
 * @returns the label
 */
export function ruleLabel(rule: Explanation['rule']): string {
  if (rule === undefined) return '(no rule)';
  return rule.origin.line > 0 ? `${rule.origin.file}:${rule.origin.line}` : rule.origin.file;
}

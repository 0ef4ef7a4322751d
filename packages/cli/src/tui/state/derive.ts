// Re-evaluation plus every figure the screen shows, as one pure function callable outside React
// (the benchmark calls it on a million-entry inventory). No disk access: the base context's
// inventory is complete, and totals are typed arrays filled in O(n).
import { type BuildContext, type Builder, type ContextSizes, evaluateRules, fastContextSizes, type InventoryTotals, selectionTotals, type SelectionTotals } from '@ctxlens/core';

/** One evaluation of the rules, with the figures the screen needs. */
export interface Evaluation {
  /** Identifies the rules and builder (see evaluationKey). */
  readonly key: string;
  readonly builder: Builder;
  readonly context: BuildContext;
  /** Equal to `context.sizes`, computed from precomputed entry bytes. */
  readonly sizes: ContextSizes;
  /** Per-entry subtree totals; undefined for evaluations made only for their sizes. */
  readonly selection: SelectionTotals | undefined;
}

/**
 * A key for rule lines under a builder; line positions are part of it because explanations name them.
 * @returns the key
 */
export function evaluationKey(lines: readonly string[], builder: Builder): string {
  return builder + '\n' + lines.join('\n');
}

/** What every evaluation of one session shares. */
export interface EvaluationBase {
  /** A context over the complete inventory (the unfiltered one): evaluations start from it. */
  readonly base: BuildContext;
  readonly totals: InventoryTotals;
  /** Label of the ignore file in explanations, e.g. `.dockerignore`. */
  readonly file: string;
}

/**
 * Evaluates rule lines on the inventory and derives the sizes and, unless `sizesOnly`, the
 * per-directory totals the tree shows.
 * @example
 * const ev = deriveEvaluation(session, ['node_modules', '.git'], 'buildkit');
 * ev.sizes.dockerSize; ev.selection.includedBytes[dirIndex];
 * @returns the evaluation
 * @throws IgnoreFileError when a rule is one Docker rejects
 */
export function deriveEvaluation(from: EvaluationBase, lines: readonly string[], builder: Builder, sizesOnly = false): Evaluation {
  const context = evaluateRules(from.base, { rules: lines, builder, file: from.file });
  const sizes = fastContextSizes(from.totals, context);
  const selection = sizesOnly ? undefined : selectionTotals(from.totals, context.walk);
  return { key: evaluationKey(lines, builder), builder, context, sizes, selection };
}

/**
 * Adds the per-directory totals to an evaluation made for its sizes only.
 * @returns an evaluation with `selection` set
 */
export function withSelection(from: EvaluationBase, evaluation: Evaluation): Evaluation {
  if (evaluation.selection !== undefined) return evaluation;
  return { ...evaluation, selection: selectionTotals(from.totals, evaluation.context.walk) };
}

// Re-evaluation plus every figure the screen shows, as one pure function callable outside React
// (the benchmark calls it on a million-entry inventory). No disk access: the base context's
// inventory is complete, and totals are typed arrays filled in O(n).
import { type BuildContext, type Builder, type ContextSizes, type CtxlensError, evaluateRules, type SendPlan } from '@ctxlens/core';
import { type InventoryTotals, selectionTotals, type SelectionTotals, type WalkResult } from '@ctxlens/core/live';
import { fastContextSizes, wholeContextPlan } from '@ctxlens/core/internal';

/** One evaluation of the rules, with the figures the screen needs. */
export interface Evaluation {
  /** Identifies the rules and builder (see evaluationKey). */
  readonly key: string;
  /** The rule lines evaluated. */
  readonly lines: readonly string[];
  readonly builder: Builder;
  readonly context: BuildContext;
  /** Equal to `context.sizes`, computed from precomputed entry bytes. */
  readonly sizes: ContextSizes;
  /** Per-entry subtree totals; undefined for evaluations made only for their sizes. */
  readonly selection: SelectionTotals | undefined;
  /**
   * Under BuildKit, when the Dockerfile asks for less than everything: the eligible context (all the
   * ignore file lets through, which the legacy builder or a later `COPY . .` sends). Undefined when
   * it is the context itself, and for evaluations made only for their sizes.
   */
  readonly eligible: { readonly context: BuildContext; readonly walk: WalkResult; readonly sizes: ContextSizes } | undefined;
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
  /** What BuildKit asks for (scanInSlices' plan): evaluations under BuildKit keep it. */
  readonly plan?: SendPlan | undefined;
  /** BuildKit's error for the Dockerfile, when the session started under the legacy builder. */
  readonly planError?: CtxlensError | undefined;
}

/** Whether BuildKit's send set is smaller than what the ignore file lets through (the plan names paths or none). */
function sendsLessThanEligible(context: BuildContext): boolean {
  const scope = context.plan?.scope;
  return context.builder === 'buildkit' && (scope === 'paths' || scope === 'none');
}

/**
 * The eligible context beside a BuildKit send set that is smaller, else undefined. Its walk is the
 * send context's own eligibleWalk, made once and shared with the usage analysis (analyzeUsage walks
 * it too); the eligible BuildContext itself is built only when asked for (the offenders dialog).
 */
function eligibleOf(from: EvaluationBase, context: BuildContext, lines: readonly string[]): Evaluation['eligible'] {
  if (!sendsLessThanEligible(context)) return undefined;
  const sizes = context.eligibleSizesFrom(from.totals.figures);
  let whole: BuildContext | undefined;
  return {
    walk: context.eligibleWalk(),
    sizes,
    get context(): BuildContext {
      whole ??= evaluateRules(from.base, { rules: lines, builder: 'buildkit', file: from.file, plan: wholeContextPlan() });
      return whole;
    },
  };
}

/**
 * Evaluates rule lines on the inventory and derives the sizes and, unless `sizesOnly`, the
 * per-directory totals the tree shows.
 * @example
 * const ev = deriveEvaluation(session, ['node_modules', '.git'], 'buildkit');
 * ev.sizes.dockerSize; ev.selection.includedBytes[dirIndex];
 * @returns the evaluation
 * @throws IgnoreFileError when a rule is one Docker rejects
 * @throws DockerfileError under BuildKit when the session's Dockerfile is one BuildKit refuses
 */
export function deriveEvaluation(from: EvaluationBase, lines: readonly string[], builder: Builder, sizesOnly = false): Evaluation {
  if (builder === 'buildkit' && from.planError !== undefined) throw from.planError;
  const context = evaluateRules(from.base, { rules: lines, builder, file: from.file, plan: from.plan });
  const sizes = fastContextSizes(from.totals, context);
  const evaluation: Evaluation = { key: evaluationKey(lines, builder), lines, builder, context, sizes, selection: undefined, eligible: undefined };
  return sizesOnly ? evaluation : withSelection(from, evaluation);
}

/**
 * Adds the per-directory totals to an evaluation made for its sizes only.
 * @returns an evaluation with `selection` set
 */
export function withSelection(from: EvaluationBase, evaluation: Evaluation): Evaluation {
  if (evaluation.selection !== undefined) return evaluation;
  const eligible = eligibleOf(from, evaluation.context, evaluation.lines);
  return { ...evaluation, eligible, selection: selectionTotals(from.totals, evaluation.context.walk, eligible?.walk) };
}

// Evaluations of one session, cached by rule lines and builder: undo, toggling a rule back, and
// the rule-impact job (which evaluates each rule toggled) all land on results computed before.
// The cache is bounded by memory: an evaluation holds a few typed arrays as long as the inventory.
import type { Builder } from '@ctxlens/core';
import { deriveEvaluation, type Evaluation, type EvaluationBase, evaluationKey, withSelection } from '../state/derive.js';

/** Bytes an evaluation holds per inventory entry (walk state, deciding rule, order, totals). */
const BYTES_PER_ENTRY = 30;
const CACHE_BUDGET_BYTES = 240_000_000;

/** The outcome of evaluating rule lines: an evaluation, or Docker's error for them. */
export type EvaluationOutcome = { readonly ok: true; readonly evaluation: Evaluation } | { readonly ok: false; readonly key: string; readonly error: unknown };

/** Evaluates rule lines for one session, remembering recent results. */
export class Evaluator {
  readonly from: EvaluationBase;
  private readonly capacity: number;
  private readonly cache = new Map<string, EvaluationOutcome>();

  constructor(from: EvaluationBase) {
    this.from = from;
    const perEvaluation = Math.max(1, from.totals.inventory.count * BYTES_PER_ENTRY);
    this.capacity = Math.min(32, Math.max(2, Math.floor(CACHE_BUDGET_BYTES / perEvaluation)));
  }

  /**
   * Evaluates (or recalls) rule lines under a builder.
   * @param sizesOnly skip the per-directory totals (for figures that only need the context's size)
   * @returns the evaluation or the error
   */
  evaluate(lines: readonly string[], builder: Builder, sizesOnly = false): EvaluationOutcome {
    const key = evaluationKey(lines, builder);
    let outcome = this.cache.get(key);
    if (outcome === undefined) {
      try {
        outcome = { ok: true, evaluation: deriveEvaluation(this.from, lines, builder, sizesOnly) };
      } catch (error) {
        outcome = { ok: false, key, error };
      }
    } else this.cache.delete(key);
    if (outcome.ok && !sizesOnly && outcome.evaluation.selection === undefined) {
      outcome = { ok: true, evaluation: withSelection(this.from, outcome.evaluation) };
    }
    this.cache.set(key, outcome);
    // Map iteration order is insertion order: the first key is the least recently used.
    while (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value!);
    return outcome;
  }

  /** Whether an evaluation is cached (so asking for it costs nothing). */
  has(lines: readonly string[], builder: Builder): boolean {
    return this.cache.has(evaluationKey(lines, builder));
  }
}

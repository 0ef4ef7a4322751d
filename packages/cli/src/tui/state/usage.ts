// The golden rule's analysis of an evaluation (what the Dockerfile uses), kept apart from the
// evaluation: on a big tree it costs several times the evaluation itself, so a hook computes it
// after the frame with the new figures is painted (use-usage.ts), and the screen reads it here.
import { analyzeUsage, type BuildContext, type UsageAnalysis } from '@ctxlens/core';
import type { Evaluation } from './derive.js';

const cache = new WeakMap<BuildContext, UsageAnalysis>();

/**
 * Whether the evaluation can have a usage analysis: BuildKit, with the Dockerfile's reads known.
 * @returns true when computeUsage gives one
 */
export function hasUsage(evaluation: Evaluation | undefined): boolean {
  return evaluation !== undefined && evaluation.builder === 'buildkit' && evaluation.context.plan?.requests !== undefined;
}

/**
 * The analysis, once computed.
 * @returns it, or undefined when not computed yet or not possible
 */
export function usageOf(evaluation: Evaluation | undefined): UsageAnalysis | undefined {
  return evaluation === undefined ? undefined : cache.get(evaluation.context);
}

/**
 * Computes (or recalls) the analysis of an evaluation.
 * @returns it, or undefined when the evaluation cannot have one (see hasUsage)
 */
export function computeUsage(evaluation: Evaluation): UsageAnalysis | undefined {
  if (!hasUsage(evaluation)) return undefined;
  let usage = cache.get(evaluation.context);
  if (usage === undefined) {
    usage = analyzeUsage(evaluation.context);
    cache.set(evaluation.context, usage);
  }
  return usage;
}

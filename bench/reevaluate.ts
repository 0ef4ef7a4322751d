// Re-evaluation latency: what a rule toggle costs on a big inventory, with no disk access.
import { computeContextWithBaseline, evaluateRules } from '../packages/core/src/index.js';
import { median } from './measure.js';

/** Median time to evaluate toggled rule sets on an inventory. */
export interface ReevaluationResult {
  readonly entries: number;
  readonly samples: number;
  readonly medianMs: number;
}

/**
 * Loads the tree once, then alternately drops and restores each rule, timing each evaluation
 * including the size totals the UI shows.
 * @returns the median latency
 */
export async function measureReevaluation(dir: string, samples: number): Promise<ReevaluationResult> {
  const { context } = await computeContextWithBaseline(dir, { builder: 'buildkit' });
  const rules = context.rules.map((r) => r.origin.text);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const drop = i % (rules.length + 1);
    const set = rules.filter((_, j) => j !== drop);
    const started = performance.now();
    const next = evaluateRules(context, { rules: set });
    void next.sizes.bytes;
    times.push(performance.now() - started);
  }
  if (process.env.CTXLENS_BENCH_VERBOSE) console.log(times.map((t) => t.toFixed(0)).join(" "));
  return { entries: context.inventory.count, samples, medianMs: median(times) };
}

// Re-evaluation latency: what a rule toggle costs on a big inventory, with no disk access. Uses the
// TUI's own derive step (evaluation plus every total the screen shows), outside React.
import { computeContextWithBaseline } from '../packages/core/src/index.js';
import { inventoryTotals } from '../packages/core/src/live/index.js';
import { deriveEvaluation } from '../packages/cli/src/tui/state/derive.js';
import { median } from './measure.js';

/** Latency of rule toggles on one inventory. */
export interface ReevaluationResult {
  readonly entries: number;
  readonly samples: number;
  /** Median over all toggles. */
  readonly medianMs: number;
  /** The slowest case: the biggest exclusion switched off, so nearly every entry is walked and summed. */
  readonly worstRuleOffMs: number;
  readonly worstRule: string;
}

/**
 * Loads the tree once, then switches each rule off and on again, timing each re-evaluation.
 * @returns the latencies
 */
export async function measureReevaluation(dir: string, rounds: number): Promise<ReevaluationResult> {
  // The whole eligible context, as the TUI shows it (the bench tree's Dockerfile is 200 zero bytes,
  // which BuildKit's parser rejects).
  const { context, unfiltered } = await computeContextWithBaseline(dir, { builder: 'buildkit', wholeContext: true });
  const from = { base: unfiltered, totals: inventoryTotals(unfiltered.inventory), file: '.dockerignore' };
  const rules = context.rules.map((r) => r.origin.text);
  const times: number[] = [];
  const offTimes = new Map<string, number[]>();
  for (let r = 0; r < rounds; r++) {
    for (let drop = 0; drop < rules.length; drop++) {
      const started = performance.now();
      deriveEvaluation(from, rules.filter((_, j) => j !== drop), 'buildkit');
      const off = performance.now() - started;
      times.push(off);
      offTimes.set(rules[drop]!, [...(offTimes.get(rules[drop]!) ?? []), off]);
      const back = performance.now();
      deriveEvaluation(from, rules, 'buildkit');
      times.push(performance.now() - back);
    }
  }
  const [worstRule, worst] = [...offTimes].map(([rule, t]) => [rule, median(t)] as const).sort((a, b) => b[1] - a[1])[0]!;
  return { entries: unfiltered.inventory.count, samples: times.length, medianMs: median(times), worstRuleOffMs: worst, worstRule };
}

// Re-evaluation latency: what a rule toggle costs on a big inventory, with no disk access. Uses the
// TUI's own derive step (evaluation plus every total the screen shows) and its usage analysis (the
// golden-rule figures, computed once the frame is painted), outside React.
import { scanInSlices, type SliceScanOptions } from '../packages/core/src/internal.js';
import { createSession } from '../packages/cli/src/tui/session/session.js';
import { deriveEvaluation } from '../packages/cli/src/tui/state/derive.js';
import { computeUsage } from '../packages/cli/src/tui/state/usage.js';
import { median } from './measure.js';

/** Latency of rule toggles for one Dockerfile. */
export interface ToggleCase {
  readonly label: string;
  readonly samples: number;
  /** Median over all toggles of the evaluation the next frame shows. */
  readonly medianMs: number;
  /** The slowest rule switched off (median over rounds): the biggest exclusion, so nearly every entry is walked and summed. */
  readonly worstRuleOffMs: number;
  readonly worstRule: string;
  /** The usage analysis that follows each evaluation (BuildKit with the Dockerfile's reads only). */
  readonly usage: { readonly medianMs: number; readonly worstMs: number } | undefined;
}

/** Latency of rule toggles on one inventory. */
export interface ReevaluationResult {
  readonly entries: number;
  readonly cases: readonly ToggleCase[];
}

/** The Dockerfiles toggled: what the TUI shows in each case. */
const CASES: readonly { readonly label: string; readonly options: SliceScanOptions }[] = [
  { label: 'whole context (`--whole-context`)', options: { builder: 'buildkit', wholeContext: true } },
  // The bench tree's Dockerfile: FROM scratch, COPY . /app.
  { label: "the tree's Dockerfile (`COPY . /app`)", options: { builder: 'buildkit' } },
  { label: '`COPY src /app/src` (send set beside the eligible context)', options: { builder: 'buildkit', dockerfileText: 'FROM scratch\nCOPY src /app/src\n' } },
];

/**
 * Loads the tree once per Dockerfile, as the TUI does, then switches each rule off and on again,
 * timing each re-evaluation (never served from the session's cache) and the usage analysis after it.
 * @returns the latencies
 */
export async function measureReevaluation(dir: string, rounds: number): Promise<ReevaluationResult> {
  const cases: ToggleCase[] = [];
  let entries = 0;
  for (const c of CASES) {
    const tree = await scanInSlices(dir, c.options);
    const from = createSession(tree).evaluator.from;
    entries = from.totals.inventory.count;
    const rules = (tree.ignoreFileBytes?.toString('utf8') ?? '').split('\n').filter((line) => line.trim() !== '');
    const times: number[] = [];
    const usageTimes: number[] = [];
    const offTimes = new Map<string, number[]>();
    const toggle = (lines: readonly string[]): number => {
      const started = performance.now();
      const evaluation = deriveEvaluation(from, lines, 'buildkit');
      const took = performance.now() - started;
      times.push(took);
      const usageStarted = performance.now();
      if (computeUsage(evaluation) !== undefined) usageTimes.push(performance.now() - usageStarted);
      return took;
    };
    for (let r = 0; r < rounds; r++) {
      for (let drop = 0; drop < rules.length; drop++) {
        const off = toggle(rules.filter((_, j) => j !== drop));
        offTimes.set(rules[drop]!, [...(offTimes.get(rules[drop]!) ?? []), off]);
        toggle(rules);
      }
    }
    const [worstRule, worst] = [...offTimes].map(([rule, t]) => [rule, median(t)] as const).sort((a, b) => b[1] - a[1])[0]!;
    const usage = usageTimes.length === 0 ? undefined : { medianMs: median(usageTimes), worstMs: Math.max(...usageTimes) };
    cases.push({ label: c.label, samples: times.length, medianMs: median(times), worstRuleOffMs: worst, worstRule, usage });
  }
  return { entries, cases };
}

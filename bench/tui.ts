// The TUI section of `pnpm bench`, on every tree: rule toggles (bench/reevaluate.ts) and the
// first screen in a real terminal (bench/first-paint.ts). CTXLENS_BENCH_ONLY=tui runs it alone.
import * as os from 'node:os';
import { measureFirstPaint } from './first-paint.js';
import { median } from './measure.js';
import { measureReevaluation } from './reevaluate.js';

/** `CTXLENS_BENCH_ONLY` value that runs this section alone. */
export const TUI_SECTION = 'tui';

/** What reportTui measured, for the targets table. */
export interface TuiFigures {
  /** Toggle medians over the Dockerfile cases: lowest and highest, and the slowest single toggle. */
  readonly toggleMedians: readonly [number, number];
  readonly toggleSlowest: number;
  /** Median first screen, undefined when tmux could not run. */
  readonly firstScreen: number | undefined;
}

/**
 * Times the first screen, then rule toggles, and writes their lines.
 * @returns the figures the targets are judged on (the lines go to `out`)
 */
export async function reportTui(cli: string, dir: string, rounds: number, out: (line: string) => void): Promise<TuiFigures> {
  // The first screen first: the toggles leave a million-entry heap in this process, which slows
  // every spawn of tmux that polls the pane.
  const paints = Array.from({ length: rounds }, () => measureFirstPaint(cli, dir)).filter((x): x is number => x !== undefined);
  const re = await measureReevaluation(dir, rounds);
  const ms = (x: number): string => `${x.toFixed(1)} ms`;
  out(`Toggling a rule on the ${re.entries.toLocaleString('en-US')}-entry inventory (re-evaluation plus every total the TUI shows, no disk; each rule switched off and on, ${rounds} rounds; the slowest is the biggest exclusion switched off, which walks nearly every entry; targets: median < 30 ms, slowest < 100 ms):\n`);
  out(`| Dockerfile | toggles | median | slowest (rule off) | then the usage analysis: median | slowest |`);
  out(`|---|---|---|---|---|---|`);
  for (const c of re.cases) {
    out(`| ${c.label} | ${c.samples} | ${ms(c.medianMs)} | ${ms(c.worstRuleOffMs)} (\`${c.worstRule}\`) | ${c.usage ? ms(c.usage.medianMs) : '–'} | ${c.usage ? ms(c.usage.worstMs) : '–'} |`);
  }
  out('');
  if (paints.length > 0) out(`First screen of \`ctxlens\` in a 120×40 tmux terminal on this tree (node start-up included): median ${median(paints).toFixed(0)} ms over ${paints.length} starts, slowest ${Math.max(...paints).toFixed(0)} ms (target 200 ms).`);
  out(`Load average over the last minute when these runs ended: ${os.loadavg()[0]!.toFixed(1)} (${os.cpus().length} cores).`);
  const medians = re.cases.map((c) => c.medianMs);
  return { toggleMedians: [Math.min(...medians), Math.max(...medians)], toggleSlowest: Math.max(...re.cases.map((c) => c.worstRuleOffMs)), firstScreen: paints.length > 0 ? median(paints) : undefined };
}

// The gate section of `pnpm bench` (issue 14): a pre-commit hook or CI job runs `ctxlens check` on
// every commit, so it should cost what `ctxlens ls` costs, reading only what the builder walks.
// `lint` reads the whole tree when there is an ignore file (its rule findings need it), so its
// ratio shows what a whole read costs. One function per tree: run.ts calls it for every tree.
import * as os from 'node:os';
import { alternate, type Contender, median, timeCommand } from './measure.js';

/** `CTXLENS_BENCH_ONLY` value that runs this section alone. */
export const GATE_SECTION = 'gate';

/** The target: `check` with the default and size/file/secret rules at most this many times `ls`. */
export const GATE_TARGET = 1.2;

const LS = 'ctxlens ls';
/** The commands timed, each beside `ls` in the same alternation (default builder: BuildKit). */
const COMMANDS: readonly { readonly name: string; readonly args: readonly string[]; readonly target: boolean }[] = [
  { name: 'ctxlens check (default: deny secrets)', args: ['check'], target: true },
  { name: 'ctxlens check --max-size --max-files --deny secrets', args: ['check', '--max-size', '1TB', '--max-files', '100000000', '--deny', 'secrets'], target: true },
  { name: 'ctxlens check --builder legacy, same rules', args: ['check', '--builder', 'legacy', '--max-size', '1TB', '--max-files', '100000000', '--deny', 'secrets'], target: true },
  { name: 'ctxlens check --builder-divergence (whole tree)', args: ['check', '--builder-divergence'], target: false },
  { name: 'ctxlens lint (whole tree with an ignore file)', args: ['lint'], target: false },
];

/** One command's medians and their ratios against `ls` from the same run. */
export interface GateRow {
  readonly name: string;
  readonly medianMs: number;
  readonly peakMb: number;
  readonly timeVsLs: number;
  readonly rssVsLs: number;
  /** True when the 1.2x target applies to this row. */
  readonly target: boolean;
}

/** What the section measured on one tree. */
export interface GateFigures {
  readonly ls: { readonly medianMs: number; readonly peakMb: number };
  readonly rows: readonly GateRow[];
  readonly rounds: number;
  readonly load: number;
}

/**
 * Times `ls` and the gate commands on a tree, alternating, `rounds` times after a warm-up.
 * @param cli the bundled CLI (packages/cli/dist/ctxlens.mjs)
 * @param dir the tree, where every command runs with no DIR (as a hook runs it)
 * @returns medians and ratios against `ls`
 */
export async function measureGate(cli: string, dir: string, rounds: number): Promise<GateFigures> {
  // check exits 1 when a rule fails (the seed scenario sends a secret), lint on findings: both are results.
  const inTree = (args: readonly string[]) => () => timeCommand(process.execPath, [cli, ...args], dir, undefined, [0, 1]);
  const contenders: Contender[] = [{ name: LS, run: inTree(['ls']) }, ...COMMANDS.map((c) => ({ name: c.name, run: inTree(c.args) }))];
  const samples = await alternate(contenders, rounds);
  const med = (name: string, pick: (s: { ms: number; peakKb: number | undefined }) => number) => median(samples.get(name)!.map(pick));
  const time = (name: string) => med(name, (s) => s.ms);
  const peak = (name: string) => med(name, (s) => s.peakKb ?? NaN) / 1024;
  const ls = { medianMs: time(LS), peakMb: peak(LS) };
  const rows = COMMANDS.map((c) => ({ name: c.name, medianMs: time(c.name), peakMb: peak(c.name), timeVsLs: time(c.name) / ls.medianMs, rssVsLs: peak(c.name) / ls.peakMb, target: c.target }));
  return { ls, rows, rounds, load: os.loadavg()[0]! };
}

/**
 * Writes the section's table for one tree.
 * @param label the tree, as the report names it
 * @returns the worst ratio against `ls` of the commands the target applies to
 */
export function reportGate(label: string, figures: GateFigures, out: (line: string) => void): number {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  out(`### The commit gate on ${label}\n`);
  out(`\`check\` reads only what the builder walks, as \`ls\` does, unless \`builderDivergence\` is on; \`lint\` reads the whole tree when there is an ignore file. Medians of ${figures.rounds} alternating runs; load average ${figures.load.toFixed(1)} (${os.cpus().length} cores) when they ended.\n`);
  out(`| command | median | vs ls | peak RSS | RSS vs ls |`);
  out(`|---|---|---|---|---|`);
  out(`| ${LS} | ${s(figures.ls.medianMs)} | 1.00× | ${figures.ls.peakMb.toFixed(0)} MB | 1.00× |`);
  for (const r of figures.rows) out(`| ${r.name} | ${s(r.medianMs)} | ${r.timeVsLs.toFixed(2)}× | ${r.peakMb.toFixed(0)} MB | ${r.rssVsLs.toFixed(2)}× |`);
  const worst = Math.max(...figures.rows.filter((r) => r.target).map((r) => r.timeVsLs));
  out(`\nTarget: \`check\` with the default and size/file/secret rules ≤ ${GATE_TARGET.toFixed(1)}× \`ls\` → worst ${worst.toFixed(2)}×.\n`);
  return worst;
}

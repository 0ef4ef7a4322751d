// One core held busy, as on a shared CI runner (issue 14): a spinning child process that the bench
// starts before a measurement and kills after it, whatever happens in between.
import { spawn } from 'node:child_process';
import { median, type Sample } from './measure.js';

/** CTXLENS_BENCH_ONLY value that runs the quiet-against-busy comparison alone. */
export const BUSY_SECTION = 'busy';

/**
 * Runs `work` while a `node -e 'for(;;){}'` child spins on one core.
 * @returns what `work` returns
 * @throws what `work` throws, after the spinner is killed
 */
export async function withBusyCore<T>(work: () => Promise<T>): Promise<T> {
  const spinner = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
  // A bench stopped by Ctrl-C must not leave a core spinning.
  const kill = () => spinner.kill('SIGKILL');
  process.once('exit', kill);
  try {
    await new Promise<void>((resolve, reject) => spinner.once('spawn', resolve).once('error', reject));
    return await work();
  } finally {
    kill();
    process.off('exit', kill);
  }
}

/** What reportBusy found: each target's busy ratio against find, and the better floor's (NaN when none ran). */
export interface BusyRatios {
  readonly targets: ReadonlyMap<string, number>;
  readonly floorBest: number;
}

/** The scans compared quiet and busy, by contender name, with `find` first (the baseline). */
export interface BusyComparison {
  readonly find: string;
  readonly names: readonly string[];
  /** Names whose busy figure has a target against find's busy figure. */
  readonly targets: ReadonlyMap<string, number>;
  /**
   * The Node floors among `names` (readdir + lstat of every entry and nothing else): what any Node
   * program that sizes the tree costs, so a target below them cannot be met by ctxlens's own work.
   */
  readonly floors?: readonly string[];
}

/**
 * Writes the quiet-against-busy table: each contender's median in both runs and its ratio to
 * `find` measured in the same run (find runs on one core, so a busy core hardly moves it).
 * @returns the busy ratios against find of the targets and of the better floor (lines go to `out`)
 */
export function reportBusy(quiet: ReadonlyMap<string, Sample[]>, busy: ReadonlyMap<string, Sample[]>, c: BusyComparison, out: (line: string) => void): BusyRatios {
  const med = (samples: ReadonlyMap<string, Sample[]>, name: string) => median(samples.get(name)!.map((s) => s.ms));
  const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
  out(`With one core held busy by a spinning \`node -e 'for(;;){}'\` the bench starts and kills, against the same contenders quiet (each ratio against find in the same run):\n`);
  out(`| contender | quiet | vs find | one core busy | vs find | busy / quiet |`);
  out(`|---|---|---|---|---|---|`);
  for (const name of [c.find, ...c.names]) {
    const [q, b] = [med(quiet, name), med(busy, name)];
    out(`| ${name} | ${s(q)} | ${(q / med(quiet, c.find)).toFixed(2)}× | ${s(b)} | ${(b / med(busy, c.find)).toFixed(2)}× | ${(b / q).toFixed(2)}× |`);
  }
  out('');
  const targets = new Map([...c.targets.keys()].map((name) => [name, med(busy, name) / med(busy, c.find)] as const));
  const lines = [...c.targets].map(([name, target]) => `\`${name}\` ≤ ${target.toFixed(1)}× find with one core busy → ${targets.get(name)!.toFixed(2)}×`);
  if (lines.length > 0) out(`Targets: ${lines.join('; ')}.\n`);
  const floorBest = Math.min(...(c.floors ?? []).map((name) => med(busy, name) / med(busy, c.find)));
  if (Number.isFinite(floorBest)) out(`The Node floor rows are what any Node program that reads and lstat's every entry costs. With one core busy the better of them takes ${floorBest.toFixed(2)}× find: a target below that cannot be met by cutting ctxlens's own work.\n`);
  return { targets, floorBest };
}

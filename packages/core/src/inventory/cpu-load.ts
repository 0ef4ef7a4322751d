// How busy the machine is with other work. A full scan shares the cores with whatever else runs,
// and the scheduler gives each runnable thread about the same share: with one core held by another
// process, two scan threads get about two thirds of the two cores between them and three get three
// quarters. So a scan that finds other processes keeping a core busy starts one more thread
// (docs/benchmarks.md, "one core busy").
import * as os from 'node:os';

/** CPU time, in ms, of the whole machine (every core, not idle) and of this process (every thread), at one moment. */
export interface CpuSample {
  readonly at: number;
  readonly machineMs: number;
  readonly ownMs: number;
}

/**
 * Reads the machine's and this process's CPU time now (os.cpus: about 0.3 ms on Linux).
 * @returns the sample
 */
export function sampleCpu(): CpuSample {
  let machineMs = 0;
  for (const { times } of os.cpus()) machineMs += times.user + times.nice + times.sys + times.irq;
  const own = process.cpuUsage();
  return { at: performance.now(), machineMs, ownMs: (own.user + own.system) / 1000 };
}

/** Shortest stretch of other processes' CPU time that counts: the machine's figures move in 10 ms ticks per core. */
const MIN_OTHERS_MS = 20;

/**
 * Shortest time between two samples that tells a busy machine from a quiet one. With every core's
 * figure moving in 10 ms ticks, a shorter stretch is mostly rounding: the CLI's scan reaches its
 * first shared task about 10 ms after its workers start, where one busy core showed as quiet in
 * five runs out of six.
 */
export const BUSY_WINDOW_MS = 60;

/**
 * Whether other processes kept at least half a core busy between two samples: the CPU time the
 * machine spent that this process did not, against the time that passed.
 * @returns true when they did
 */
export function othersKeptBusy(from: CpuSample, to: CpuSample): boolean {
  const others = to.machineMs - from.machineMs - (to.ownMs - from.ownMs);
  return others >= MIN_OTHERS_MS && others >= 0.5 * (to.at - from.at);
}

import { spawn } from 'node:child_process';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BUSY_WINDOW_MS, type CpuSample, othersKeptBusy, sampleCpu } from './cpu-load.js';
import { startScanWorkers } from './scan-workers.js';

// [what, ms that passed, the machine's CPU ms, this process's CPU ms, kept busy?]
const CASES: [string, number, number, number, boolean][] = [
  ['nothing else ran', 100, 150, 150, false],
  ['another process held a core', 100, 250, 150, true],
  ['others used just half a core', 100, 200, 150, true],
  ['others used less than half a core', 100, 190, 150, false],
  ['a short stretch: one tick of another core is noise', 20, 45, 30, false],
  ['this process ahead of the machine figures (they tick in 10 ms steps)', 100, 140, 150, false],
];

describe('othersKeptBusy', () => {
  it.each(CASES)('%s', (_, elapsed, machine, own, busy) => {
    const from: CpuSample = { at: 1_000, machineMs: 50_000, ownMs: 300 };
    const to: CpuSample = { at: 1_000 + elapsed, machineMs: 50_000 + machine, ownMs: 300 + own };
    expect(othersKeptBusy(from, to)).toBe(busy);
  });
});

/** Runs `work` while a child process spins on one core. */
async function withSpinner<T>(work: () => Promise<T>): Promise<T> {
  const spinner = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
  try {
    await new Promise<void>((resolve, reject) => spinner.once('spawn', resolve).once('error', reject));
    return await work();
  } finally {
    spinner.kill('SIGKILL');
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The real machine: a spinning process is seen, and a scan's workers grow by one, once, only when
// asked, and not before the samples are far enough apart to tell.
describe.runIf(os.availableParallelism() >= 2 && process.platform === 'linux')('on this machine, with a core held busy', () => {
  it('the samples see the other process', async () => {
    await withSpinner(async () => {
      await pause(100);
      const from = sampleCpu();
      await pause(300);
      expect(othersKeptBusy(from, sampleCpu())).toBe(true);
    });
  });

  it('scan workers asked to grow start one more thread, once, and only after the busy window', async () => {
    await withSpinner(async () => {
      await pause(100);
      const started = performance.now();
      const workers = startScanWorkers(1, { growWhenBusy: true });
      try {
        // Too soon to tell (the CLI's scan asks about 10 ms in): no thread, and the question stays open.
        expect(workers.growIfBusy()).toBeUndefined();
        if (performance.now() - started < BUSY_WINDOW_MS) expect(workers.threads).toHaveLength(1);
        await pause(300);
        const grown = workers.growIfBusy();
        expect(grown).toBeInstanceOf(Worker);
        expect(workers.threads).toHaveLength(2);
        expect(workers.threads[1]).toBe(grown);
        await pause(300);
        expect(workers.growIfBusy()).toBeUndefined();
        expect(workers.threads).toHaveLength(2);
      } finally {
        workers.close();
      }
    });
  });

  it('scan workers not asked to grow never do', async () => {
    await withSpinner(async () => {
      const workers = startScanWorkers(1);
      try {
        await pause(300);
        expect(workers.growIfBusy()).toBeUndefined();
        expect(workers.threads).toHaveLength(1);
      } finally {
        workers.close();
      }
    });
  });
});

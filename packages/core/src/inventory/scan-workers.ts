// The worker threads of a scan, and the one unit of work they take. The worker code is the very
// functions the main thread runs (readDirectory, createTally), shipped as source text, so both
// threads read a directory the same way.
import * as fs from 'node:fs';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { bindingLstat, bindingReaddir, scanFsBinding } from './lstat-facts.js';
import { BUSY_WINDOW_MS, type CpuSample, othersKeptBusy, sampleCpu } from './cpu-load.js';
import { createRawReader, decodeName, toFsPath } from './raw-names.js';
import { type DirectoryRecord, readDirectory, RECORD_FIELDS } from './read-directory.js';
import { ACCEPTS, checkArgument } from '../validate.js';
import { sortByteOrder } from './sort-names.js';
import { createTally, emptyTally, plainUstarBytes, type SubtreeTally, type TaskBudget } from './tally.js';
import { ustarSplits } from '../tar/tar-size.js';

/**
 * One unit of work: [path for the file system (Inventory.fsPath), tally?, context-relative path,
 * that path is ASCII, entries]. A
 * record task reads the directory's whole subtree; a tally task sums it, or only `entries` of it
 * (and what is below them) when a big directory is shared out in pieces.
 */
export type Task = [fsPath: string, tally: boolean, rel: string, ascii: boolean, only: string[] | undefined];

/**
 * Entries one task reads before it leaves the rest of its subtree for later tasks. Small, so that
 * whichever thread is free takes the next piece: on a busy machine one thread can be slowed for a
 * while, and a big task would leave the other waiting for it. It also bounds the records in flight,
 * which the peak memory of a million-entry inventory is made of (20,000 took the real-shaped 1M tree
 * over 300 MB; docs/benchmarks.md).
 */
export const TASK_BUDGET = 4_000;

/** What a worker sends back for a task. */
export type TaskResult =
  /** Depth-first records of the subtree; null where a directory was left for later. */
  | { readonly records: (DirectoryRecord | null)[] }
  | { readonly tally: SubtreeTally; readonly deferred: TaskBudget['deferred'] };

/** Worker threads ready for scanParallel. */
export interface ScanWorkers {
  /** The threads, in the order they started; growIfBusy adds to it. */
  readonly threads: readonly Worker[];
  /**
   * Starts one more thread if other processes kept at least half a core busy since these started
   * (cpu-load.ts), only when asked for at the start and the machine has two cores or more. It
   * decides once, on the first call made BUSY_WINDOW_MS or more after the start; earlier calls
   * return nothing and leave the question open, so a scan asks as it goes.
   * @returns the thread it started, if any
   */
  growIfBusy(): Worker | undefined;
  /**
   * Stops the threads without waiting for them: a thread still starting up would otherwise keep
   * a small scan waiting tens of milliseconds. They no longer hold the process open.
   */
  close(): void;
}

// Runs inside each worker (CommonJS eval): per task, the records of a subtree depth first, or its
// tally, each up to the budget. \`__name\` is defined because esbuild-based runners (tsx) wrap function names with that helper.
const WORKER_SOURCE = `
var __name = (fn) => fn;
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const bindingLstat = ${bindingLstat.toString()};
const bindingReaddir = ${bindingReaddir.toString()};
const readDirectory = ${readDirectory.toString()};
const plainUstarBytes = ${plainUstarBytes.toString()};
const ustarSplits = ${ustarSplits.toString()};
const createTally = ${createTally.toString()};
const emptyTally = ${emptyTally.toString()};
const toFsPath = ${toFsPath.toString()};
const decodeName = ${decodeName.toString()};
// The main thread probed Node's fs binding (lstat-facts.ts); this thread uses it if it may.
const reader = (${createRawReader.toString()})(fs, toFsPath, decodeName, ...(workerData.fsBinding ? [bindingLstat(process.binding('fs')), bindingReaddir(process.binding('fs'))] : []));
const sortByteOrder = ${sortByteOrder.toString()};
// One tally function for the life of the thread (tally.ts says why).
const sum = createTally(reader, plainUstarBytes, ustarSplits);
// Depth first; once the budget is spent, a subdirectory gets a null record instead: left for later.
function scanTree(fsPath, out, budget) {
  const record = readDirectory(reader, fsPath, sortByteOrder);
  out.push(record);
  budget.left -= record.names.length;
  for (let i = 0; i < record.names.length; i++) {
    if ((record.facts[i * ${RECORD_FIELDS}] & 7) !== 1) continue;
    if (budget.left <= 0) out.push(null);
    else scanTree(fsPath + '/' + record.names[i], out, budget);
  }
}
parentPort.on('message', ({ tasks, entries }) => {
  parentPort.postMessage(tasks.map(([fsPath, tally, rel, ascii, only]) => {
    const budget = { left: entries, deferred: [] };
    if (tally) return { tally: sum(fsPath, rel, ascii, emptyTally(), only, budget), deferred: budget.deferred };
    const records = [];
    scanTree(fsPath, records, budget);
    return { records };
  }));
});
`;

/**
 * Starts the worker threads of a scan now, so that they are ready when it needs them: a thread
 * takes tens of milliseconds to start, which would otherwise come after the top levels are read.
 * @returns the workers; close them when done
 */
export function startScanWorkers(count: number, options: { readonly growWhenBusy?: boolean } = {}): ScanWorkers {
  checkArgument(count, 'count', ACCEPTS.count);
  checkArgument(options, 'options', ACCEPTS.object);
  // Small worker heaps: records are handed over per batch, and a million-entry inventory must stay
  // under 300 MB for the whole process. No inherited execArgv: a host started with
  // `--input-type=module` would otherwise run this CommonJS source as an ES module.
  const workerData = { fsBinding: count > 0 && scanFsBinding(fs) !== undefined };
  const start = (): Worker => new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData, resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 } });
  const workers = Array.from({ length: Math.max(0, count) }, start);
  let since: CpuSample | undefined = options.growWhenBusy === true && count > 0 && os.availableParallelism() >= 2 ? sampleCpu() : undefined;
  return {
    threads: workers,
    growIfBusy: () => {
      if (since === undefined || performance.now() - since.at < BUSY_WINDOW_MS) return undefined;
      const busy = othersKeptBusy(since, sampleCpu());
      since = undefined;
      if (!busy) return undefined;
      const worker = start();
      workers.push(worker);
      return worker;
    },
    close: () => {
      for (const worker of workers) {
        worker.unref();
        worker.terminate().catch(() => undefined);
      }
    },
  };
}


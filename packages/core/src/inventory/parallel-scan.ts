// Reading a big tree on two threads. One Node thread doing readdir + lstat takes about 1.5x as
// long as `find`; two threads beat it (docs/benchmarks.md). The main thread lists the top levels,
// then it and a worker thread share the subtrees below: the main thread records its share straight
// into the inventory, the worker sends records that are attached per directory, so the inventory
// holds the same entries, each directory's in byte order, as a single-threaded scan. Subtrees the
// caller only needs totals of are tallied instead (tally.ts).
import { Worker } from 'node:worker_threads';
import { nodeFs } from '../fs-adapter.js';
import type { Inventory } from './inventory.js';
import { type DirectoryRecord, readDirectory, RECORD_FIELDS } from './read-directory.js';
import { addTally, emptyTally, plainUstarBytes, type SubtreeTally, tallySubtree } from './tally.js';

/** Options of the parallel scan. */
export interface ParallelScanOptions {
  /** Threads reading, this one included unless `mainThreadReads` is false. @default 2 (two cores) */
  readonly threads?: number;
  /**
   * False keeps this thread free while the workers read (an interactive UI renders on it and must
   * stay responsive); true lets it take its share, which is faster for batch work.
   * @default true
   */
  readonly mainThreadReads?: boolean;
  /** Below this many entries after the top levels, threads cost more than they save. @default 20000 */
  readonly minEntries?: number;
  /**
   * Directories whose subtrees only need totals (see tally.ts): they are summed, not recorded.
   * Asked of directories the scan hands out; a directory below a tallied one is never asked.
   * @default none: every directory is recorded
   */
  readonly tally?: (dir: number) => boolean;
  /** Workers started earlier (startScanWorkers), so their start-up overlaps other work; the caller closes them. */
  readonly workers?: ScanWorkers;
}

/** Worker threads ready for scanParallel. */
export interface ScanWorkers {
  readonly threads: readonly Worker[];
  /** Stops the threads. */
  close(): Promise<void>;
}

// Runs inside each worker (CommonJS eval): per task, the records of a whole subtree depth first,
// or its tally. \`__name\` is defined because esbuild-based runners (tsx) wrap function names with that helper.
const WORKER_SOURCE = `
var __name = (fn) => fn;
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const readDirectory = ${readDirectory.toString()};
const plainUstarBytes = ${plainUstarBytes.toString()};
const tallySubtree = ${tallySubtree.toString()};
const emptyTally = ${emptyTally.toString()};
const reader = { readdir: (p) => fs.readdirSync(p), lstat: (p) => fs.lstatSync(p), readlink: (p) => fs.readlinkSync(p) };
const readUnsorted = (abs, only) => readDirectory(reader, abs, false, only);
function scanTree(abs, out) {
  const record = readDirectory(reader, abs);
  out.push(record);
  for (let i = 0; i < record.names.length; i++) if ((record.facts[i * ${RECORD_FIELDS}] & 7) === 1) scanTree(abs + '/' + record.names[i], out);
}
parentPort.on('message', (tasks) => {
  parentPort.postMessage(tasks.map(([abs, tally, rel, ascii, only]) => {
    if (tally) return tallySubtree(readUnsorted, plainUstarBytes, abs, rel, ascii, emptyTally(), only);
    const out = [];
    scanTree(abs, out);
    return out;
  }));
});
`;

/**
 * One unit of work: [absolute path, tally?, relative path, relative path is ASCII, entries]. A
 * record task reads the directory's whole subtree; a tally task sums it, or only `entries` of it
 * (and what is below them) when a big directory is shared out in pieces.
 */
type Task = [abs: string, tally: boolean, rel: string, ascii: boolean, only: string[] | undefined];

const MAX_TASKS_PER_BATCH = 16;
/** Entries per piece of a big pruned directory (node_modules holds tens of thousands of packages). */
const TALLY_PIECE = 32;

/**
 * Starts the worker threads of a scan now, so that they are ready when it needs them: a thread
 * takes tens of milliseconds to start, which would otherwise come after the top levels are read.
 * @returns the workers; close them when done
 */
export function startScanWorkers(count: number): ScanWorkers {
  // Small worker heaps: records are handed over per batch, and a million-entry inventory must stay
  // under 300 MB for the whole process.
  const workers = Array.from({ length: Math.max(0, count) }, () => new Worker(WORKER_SOURCE, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 } }));
  return {
    threads: workers,
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Reads every directory not read yet, on two threads when the tree is big and the inventory reads
 * the real file system; otherwise it is the same as `inv.scanAll()`.
 * @returns when the inventory holds the whole tree
 */
export async function scanAllParallel(inv: Inventory, options: Omit<ParallelScanOptions, 'tally'> = {}): Promise<void> {
  await scanParallel(inv, options);
}

/**
 * Reads every directory not read yet, like scanAllParallel, except that subtrees `options.tally`
 * picks are summed instead of recorded (only when threads are used: a small tree, or an inventory
 * that does not read the real file system, is simply read whole).
 * @returns the tallies, by the index of the directory whose contents each one sums (not recorded in the inventory)
 */
export async function scanParallel(inv: Inventory, options: ParallelScanOptions = {}): Promise<Map<number, SubtreeTally>> {
  const mainReads = options.mainThreadReads ?? true;
  const threads = options.workers ? options.workers.threads.length + (mainReads ? 1 : 0) : (options.threads ?? 2);
  const workerCount = mainReads ? threads - 1 : threads;
  const minEntries = options.minEntries ?? 20_000;
  const tallies = new Map<number, SubtreeTally>();
  if (inv.fs !== nodeFs || workerCount < 1) {
    inv.scanAll();
    return tallies;
  }
  // Breadth-first on this thread, through the directories the builder walks, until there is
  // enough independent work to share. Pruned directories are only listed, never recorded: their
  // listings are cut into pieces, so even one huge node_modules keeps both threads busy. Below a
  // tallied directory everything is tallied, so the caller's test runs once per pruned subtree.
  const tally = options.tally ?? (() => false);
  const tallied = new Set<number>();
  const classify = (dirs: number[]): number[] => {
    for (const dir of dirs) if (dir !== 0 && (tallied.has(inv.parent[dir]!) || tally(dir))) tallied.add(dir);
    return dirs;
  };
  let pending = classify(unscannedDirs(inv));
  const listed = new Map<number, string[] | undefined>();
  // Entries expected below the pruned directories listed so far: like the pending directories
  // below, each name counts for ten.
  let estimate = 0;
  const listPruned = (): void => {
    for (const dir of pending) {
      if (!tallied.has(dir) || listed.has(dir)) continue;
      const names = listNames(inv.absolutePath(dir));
      listed.set(dir, names);
      estimate += (names?.length ?? 0) * 10;
    }
  };
  for (;;) {
    listPruned();
    const walked = pending.filter((dir) => !tallied.has(dir));
    if (walked.length === 0 || pending.length >= threads * 32 || inv.count + estimate >= minEntries) break;
    for (const dir of walked) inv.children(dir);
    pending = [...pending.filter((dir) => tallied.has(dir)), ...classify(walked.flatMap((dir) => childDirs(inv, dir)))];
  }
  if (pending.length === 0 || inv.count + estimate + pending.length * 10 < minEntries) {
    inv.scanAll();
    return tallies;
  }
  // Whole subtrees first, pieces of pruned listings last: the pieces are small and alike, so
  // they even out the threads at the end instead of leaving one alone with a big subtree.
  const dirs: number[] = [];
  const tasks: Task[] = [];
  const pieces: [number, Task][] = [];
  for (const dir of pending) {
    const abs = inv.absolutePath(dir);
    const names = listed.get(dir);
    if (!tallied.has(dir) || names === undefined) {
      dirs.push(dir);
      tasks.push([abs, tallied.has(dir), inv.path(dir), inv.isAsciiPath(dir), undefined]);
      continue;
    }
    for (let at = 0; at < names.length; at += TALLY_PIECE) pieces.push([dir, [abs, true, inv.path(dir), inv.isAsciiPath(dir), names.slice(at, at + TALLY_PIECE)]]);
  }
  for (const [dir, task] of pieces) {
    dirs.push(dir);
    tasks.push(task);
  }
  const workers = options.workers ?? startScanWorkers(workerCount);
  try {
    await shareTasks(inv, dirs, tasks, workers.threads, mainReads, tallies);
  } finally {
    if (options.workers === undefined) await workers.close();
  }
  inv.trim();
  return tallies;
}

/** A pruned directory's names, or undefined when it cannot be listed (its tally task then meets the error as a scan would). */
function listNames(abs: string): string[] | undefined {
  try {
    return nodeFs.readdir(abs);
  } catch {
    return undefined;
  }
}

function childDirs(inv: Inventory, dir: number): number[] {
  const [start, n] = inv.children(dir);
  const out: number[] = [];
  for (let c = start; c < start + n; c++) if (inv.isDir(c) && !inv.isScanned(c)) out.push(c);
  return out;
}

function unscannedDirs(inv: Inventory): number[] {
  const out: number[] = [];
  for (let i = 0; i < inv.count; i++) if (inv.isDir(i) && !inv.isScanned(i)) out.push(i);
  return out;
}

/** Attaches a subtree's records, consumed in the depth-first order the worker produced them. */
function attachSubtree(inv: Inventory, dir: number, records: DirectoryRecord[], cursor: { at: number }): void {
  inv.attach(dir, records[cursor.at++]!);
  const [start, n] = inv.children(dir);
  for (let c = start; c < start + n; c++) if (inv.isDir(c)) attachSubtree(inv, c, records, cursor);
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Works through the tasks on the workers, and on this thread too when `mainReads`. Batches are
 * guided: big while much is left (fewer messages), small at the end, so no thread is left alone
 * with a long tail. Each worker holds two batches, so it never waits while this thread is busy.
 */
async function shareTasks(inv: Inventory, dirs: readonly number[], tasks: readonly Task[], workers: readonly Worker[], mainReads: boolean, tallies: Map<number, SubtreeTally>): Promise<void> {
  let next = 0;
  let talliedEntries = 0;
  let talliedBytes = 0;
  const threads = workers.length + (mainReads ? 1 : 0);
  const take = (): [number, number] | undefined => {
    if (next >= dirs.length) return undefined;
    const size = Math.min(MAX_TASKS_PER_BATCH, Math.max(1, Math.ceil((dirs.length - next) / (threads * 8))));
    const batch: [number, number] = [next, Math.min(next + size, dirs.length)];
    next = batch[1];
    return batch;
  };
  const settle = (k: number, result: DirectoryRecord[] | SubtreeTally): void => {
    const dir = dirs[k]!;
    if (Array.isArray(result)) return attachSubtree(inv, dir, result, { at: 0 });
    const sofar = tallies.get(dir);
    if (sofar === undefined) tallies.set(dir, result);
    else addTally(sofar, result);
    talliedEntries += result.entries;
    talliedBytes += result.bytes;
    inv.onProgress?.(inv.count + talliedEntries, inv.scannedBytes + talliedBytes);
  };
  const read = (abs: string, only?: string[]): DirectoryRecord => readDirectory(inv.fs, abs, false, only);
  let failure: unknown;
  const detach: (() => void)[] = [];
  const workersDone = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        const inFlight: number[] = [];
        const give = (): void => {
          if (failure !== undefined) return reject(failure);
          const batch = take();
          if (batch === undefined) {
            if (inFlight.length === 0) resolve();
            return;
          }
          inFlight.push(batch[0]);
          worker.postMessage(tasks.slice(batch[0], batch[1]));
        };
        const onMessage = (results: (DirectoryRecord[] | SubtreeTally)[]): void => {
          const first = inFlight.shift()!;
          results.forEach((result, k) => settle(first + k, result));
          give();
        };
        const onError = (error: unknown): void => {
          failure ??= error;
          reject(error);
        };
        worker.on('message', onMessage).on('error', onError);
        detach.push(() => worker.off('message', onMessage).off('error', onError));
        give();
        give();
      }),
  );
  const allWorkers = Promise.all(workersDone);
  // Handled here so that a worker failing while this thread is busy is not an unhandled rejection;
  // the loop below sees it through `failure`.
  allWorkers.catch(() => undefined);
  try {
    for (let batch = mainReads ? take() : undefined; batch !== undefined; batch = take()) {
      for (let k = batch[0]; k < batch[1]; k++) {
        if (failure !== undefined) throw failure;
        if (inv.signal?.aborted) throw inv.signal.reason ?? new Error('aborted');
        const [abs, isTally, rel, ascii, only] = tasks[k]!;
        if (isTally) settle(k, tallySubtree(read, plainUstarBytes, abs, rel, ascii, emptyTally(), only));
        else inv.scanSubtree(dirs[k]!);
      }
      // Let the workers' answers in, and hand them their next batches.
      await nextTurn();
    }
    await allWorkers;
  } catch (error) {
    failure ??= error;
    throw error;
  } finally {
    for (const d of detach) d();
  }
}

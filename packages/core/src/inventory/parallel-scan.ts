// Reading a big tree on two threads. One Node thread doing readdir + lstat takes about 1.5x as
// long as `find`; two threads beat it (docs/benchmarks.md). The main thread lists the top levels,
// then it and a worker thread share the subtrees below: the main thread records its share straight
// into the inventory, the worker sends records that are attached per directory, so the inventory
// holds the same entries, each directory's in byte order, as a single-threaded scan. Subtrees the
// caller only needs totals of are tallied instead (tally.ts).
import { InputError } from '../errors.js';
import { nodeFs } from '../fs-adapter.js';
import type { Inventory } from './inventory.js';
import { readInSlices, sliceClock } from './scan-slices.js';
import { type ScanWorkers, startScanWorkers, type Task, TASK_BUDGET } from './scan-workers.js';
import { shareTasks } from './share-tasks.js';
import type { SubtreeTally } from './tally.js';

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
  /** Entries one task reads before it leaves the rest of its subtree to new tasks. @default TASK_BUDGET */
  readonly taskBudget?: number;
  /** Workers started earlier (startScanWorkers), so their start-up overlaps other work; the caller closes them. */
  readonly workers?: ScanWorkers;
  /**
   * Called once on this thread, before the scan resolves, as soon as every directory that is not
   * tallied has been recorded: work on those alone (a context walk) then overlaps the tallies still
   * running on other threads. Its error fails the scan.
   */
  readonly onRecorded?: () => void;
}

/**
 * Entries expected below each name of a pruned directory, to tell a big tree from a small one
 * before reading it. A package in node_modules holds dozens of entries: a real `npm ci` of a few
 * dozen popular packages has 83 per top-level name (39,654 below 479 names), the real-shaped bench
 * trees about 55. Counting ten, as for other pending directories, read the real node_modules and
 * the seed scenario (23,000 entries) on one thread and recorded all of it.
 */
export const PRUNED_ENTRIES_PER_NAME = 50;

/** Entries per piece of a big pruned directory (node_modules holds tens of thousands of packages). */
const TALLY_PIECE = 32;

/**
 * Reads every directory not read yet, on two threads when the tree is big and the inventory reads
 * the real file system; otherwise it is the same as `inv.scanAll()`. Either way this thread's reads
 * pause for the event loop every few milliseconds (scan-slices.ts), so timers and an abort get in.
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
    await readInSlices(inv);
    inv.trim();
    options.onRecorded?.();
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
  // Entries expected below the pruned directories listed so far.
  let estimate = 0;
  const listPruned = (): void => {
    for (const dir of pending) {
      if (!tallied.has(dir) || listed.has(dir)) continue;
      const names = listNames(inv.fsPath(dir));
      listed.set(dir, names);
      estimate += (names?.length ?? 0) * PRUNED_ENTRIES_PER_NAME;
    }
  };
  // The top levels of a big tree take a while too: pause for the event loop every slice.
  const clock = sliceClock();
  for (;;) {
    listPruned();
    const walked = pending.filter((dir) => !tallied.has(dir));
    if (walked.length === 0 || pending.length >= threads * 32 || inv.count + estimate >= minEntries) break;
    for (const dir of walked) {
      inv.children(dir);
      if (clock.due()) await clock.pause();
    }
    pending = [...pending.filter((dir) => tallied.has(dir)), ...classify(walked.flatMap((dir) => childDirs(inv, dir)))];
  }
  if (pending.length === 0 || inv.count + estimate + pending.length * 10 < minEntries) {
    await readInSlices(inv);
    inv.trim();
    options.onRecorded?.();
    return tallies;
  }
  // Whole subtrees first, pieces of pruned listings last: the pieces are small and alike, so
  // they even out the threads at the end instead of leaving one alone with a big subtree.
  const dirs: number[] = [];
  const tasks: Task[] = [];
  const pieces: [number, Task][] = [];
  for (const dir of pending) {
    const fsPath = inv.fsPath(dir);
    const names = listed.get(dir);
    if (!tallied.has(dir) || names === undefined) {
      dirs.push(dir);
      tasks.push([fsPath, tallied.has(dir), inv.path(dir), inv.isAsciiPath(dir), undefined]);
      continue;
    }
    for (let at = 0; at < names.length; at += TALLY_PIECE) pieces.push([dir, [fsPath, true, inv.path(dir), inv.isAsciiPath(dir), names.slice(at, at + TALLY_PIECE)]]);
  }
  for (const [dir, task] of pieces) {
    dirs.push(dir);
    tasks.push(task);
  }
  const workers = options.workers ?? startScanWorkers(workerCount);
  try {
    // Asked as the tasks are shared: the time since the workers started tells whether other
    // processes keep a core busy, and a thread that starts early in a long scan takes a good share.
    await shareTasks(inv, dirs, tasks, workers.threads, tallies, { mainReads, taskBudget: options.taskBudget ?? TASK_BUDGET, onRecorded: options.onRecorded, grow: workers.growIfBusy });
  } finally {
    if (options.workers === undefined) workers.close();
  }
  // Scan threads were handed paths relative to the working directory (Inventory.fsPath).
  if (!inv.fsPathsHold()) throw new InputError('INPUT_INVALID', `the working directory changed while ctxlens read ${inv.root}, so what it read cannot be trusted`, inv.root, 'Do not call process.chdir() while a scan runs.');
  inv.trim();
  return tallies;
}

/** A pruned directory's names, or undefined when it cannot be listed (its tally task then meets the error as a scan would). */
function listNames(fsPath: string): string[] | undefined {
  try {
    return nodeFs.readdir(fsPath);
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


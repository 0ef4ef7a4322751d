// Working through a scan's tasks on worker threads and, for batch work, on this thread too. A task
// reads at most `taskBudget` entries and hands what is left of its subtree back as new tasks, so the
// queue grows while it drains: the scan ends when it is empty and no thread is busy.
import type { Worker } from 'node:worker_threads';
import type { Inventory } from './inventory.js';
import type { DirectoryRecord } from './read-directory.js';
import { sliceClock, yieldToEventLoop } from './scan-slices.js';
import type { Task, TaskResult } from './scan-workers.js';
import { addTally, createTally, emptyTally, plainUstarBytes, type SubtreeTally, type Tally, type TaskBudget } from './tally.js';
import { ustarSplits } from '../tar/tar-size.js';

// A batch is at most this many tasks (of at most TASK_BUDGET entries each), and a worker holds at
// most two: a thread the machine slows down keeps only that much of the queue from the free one, and
// only that much in records travels at once (memory).
const MAX_TASKS_PER_BATCH = 4;

/**
 * Attaches a subtree's records, consumed in the depth-first order the worker produced them.
 * @returns the directories the worker left for later (a null record)
 */
function attachSubtree(inv: Inventory, dir: number, records: readonly (DirectoryRecord | null)[], cursor: { at: number }, deferred: number[]): void {
  const record = records[cursor.at++];
  if (record === null || record === undefined) {
    deferred.push(dir);
    return;
  }
  inv.attach(dir, record);
  const [start, n] = inv.children(dir);
  for (let c = start; c < start + n; c++) if (inv.isDir(c)) attachSubtree(inv, c, records, cursor, deferred);
}

/** How shareTasks shares. */
export interface ShareOptions {
  /** Whether this thread takes tasks too (batch work), or only hands them out (an interactive UI). */
  readonly mainReads: boolean;
  /** Entries one task reads before it leaves the rest of its subtree to new tasks. */
  readonly taskBudget: number;
  /**
   * Called once on this thread as soon as every record task is done, while tally tasks may still
   * run: work that needs only the recorded directories overlaps the tallies (not called when the
   * scan fails first).
   */
  readonly onRecorded?: (() => void) | undefined;
  /**
   * Asked as the scan goes on (ScanWorkers.growIfBusy): a thread it returns joins the workers and
   * takes tasks like them.
   */
  readonly grow?: (() => Worker | undefined) | undefined;
}

/**
 * Works through the tasks on the workers, and on this thread too when `mainReads`. Batches are
 * guided: big while much is queued (fewer messages), small at the end, so no thread is left alone
 * with a long tail. Each worker holds two batches, so it never waits while this thread is busy.
 * Records go into the inventory; tallies into `tallies`, under the directory each task belongs to
 * (`keys`; pieces and deferred parts add up).
 * @returns once every task, and every task they left behind, is done
 * @throws the first worker error or onRecorded's, or the signal's reason when the inventory's signal fires
 */
export async function shareTasks(
  inv: Inventory,
  keys: number[],
  tasks: Task[],
  workers: readonly Worker[],
  tallies: Map<number, SubtreeTally>,
  { mainReads, taskBudget, onRecorded, grow }: ShareOptions,
): Promise<void> {
  let next = 0;
  let tally: Tally | undefined;
  // Record tasks queued or running; onRecorded runs when none is left.
  let recordsLeft = tasks.filter(([, isTally]) => !isTally).length;
  let recorded = onRecorded;
  let talliedEntries = 0;
  let talliedBytes = 0;
  let failure: unknown;
  // Grows when `grow` gives a thread.
  const threads = [...workers];
  const inFlight = threads.map((): number[] => []);
  const take = (): [number, number] | undefined => {
    if (next >= tasks.length) return undefined;
    const size = Math.min(MAX_TASKS_PER_BATCH, Math.max(1, Math.ceil((tasks.length - next) / ((threads.length + (mainReads ? 1 : 0)) * 8))));
    const batch: [number, number] = [next, Math.min(next + size, tasks.length)];
    next = batch[1];
    return batch;
  };
  // Woken whenever a worker answers or fails, so this thread can finish or take new tasks.
  let wake: (() => void) | undefined;
  const poke = (): void => {
    wake?.();
    wake = undefined;
  };
  const give = (w: number): void => {
    if (failure !== undefined || inv.signal?.aborted) return;
    while (inFlight[w]!.length < 2) {
      const batch = take();
      if (batch === undefined) return;
      inFlight[w]!.push(batch[0]);
      threads[w]!.postMessage({ tasks: tasks.slice(batch[0], batch[1]), entries: taskBudget });
    }
  };
  const enqueue = (key: number, task: Task): void => {
    keys.push(key);
    tasks.push(task);
  };
  const deferRecords = (dirs: readonly number[]): void => {
    for (const d of dirs) enqueue(d, [inv.fsPath(d), false, inv.path(d), inv.isAsciiPath(d), undefined]);
    recordsLeft += dirs.length;
  };
  // Runs onRecorded once no record task is left (at once when there were none).
  const checkRecorded = (): void => {
    if (recordsLeft > 0 || recorded === undefined || failure !== undefined) return;
    const run = recorded;
    recorded = undefined;
    try {
      run();
    } catch (error) {
      failure ??= error;
    }
  };
  // A record task is done: its subtree is attached and what it left is queued.
  const recordDone = (): void => {
    recordsLeft--;
    checkRecorded();
  };
  const settleTally = (key: number, tally: SubtreeTally, deferred: TaskBudget['deferred']): void => {
    const sofar = tallies.get(key);
    if (sofar === undefined) tallies.set(key, tally);
    else addTally(sofar, tally);
    for (const [fsPath, rel, ascii] of deferred) enqueue(key, [fsPath, true, rel, ascii, undefined]);
    talliedEntries += tally.entries;
    talliedBytes += tally.bytes;
    inv.onProgress?.(inv.count + talliedEntries, inv.scannedBytes + talliedBytes);
  };
  const settle = (k: number, result: TaskResult): void => {
    if ('tally' in result) return settleTally(keys[k]!, result.tally, result.deferred);
    const deferred: number[] = [];
    attachSubtree(inv, keys[k]!, result.records, { at: 0 }, deferred);
    deferRecords(deferred);
    recordDone();
  };
  const giveAll = (): void => threads.forEach((_, w) => give(w));
  const listen = (worker: Worker, w: number): (() => void) => {
    const onMessage = (results: TaskResult[]): void => {
      const first = inFlight[w]!.shift()!;
      results.forEach((result, k) => settle(first + k, result));
      // New tasks may have come back: every idle worker can take some.
      askGrow();
      giveAll();
      poke();
    };
    const onError = (error: unknown): void => {
      failure ??= error;
      poke();
    };
    worker.on('message', onMessage).on('error', onError);
    return () => worker.off('message', onMessage).off('error', onError);
  };
  const detach = threads.map(listen);
  // A new thread queues its first batches at once: it picks them up as soon as it has started.
  const askGrow = (): void => {
    const worker = grow?.();
    if (worker === undefined) return;
    threads.push(worker);
    inFlight.push([]);
    detach.push(listen(worker, threads.length - 1));
  };
  // An abort wakes this thread at once, even while it only waits for the workers.
  inv.signal?.addEventListener('abort', poke);
  try {
    checkRecorded();
    giveAll();
    for (;;) {
      if (failure !== undefined) throw failure;
      if (inv.signal?.aborted) throw inv.signal.reason ?? new Error('aborted');
      const batch = mainReads ? take() : undefined;
      if (batch !== undefined) {
        const clock = sliceClock();
        for (let k = batch[0]; k < batch[1]; k++) {
          // A batch can hold a few hundred thousand entries: pause for the event loop (timers, an
          // abort, the workers' answers) every slice, not only between batches.
          if (clock.due()) {
            await clock.pause();
            if (failure !== undefined) throw failure;
          }
          if (inv.signal?.aborted) throw inv.signal.reason ?? new Error('aborted');
          const [fsPath, isTally, rel, ascii, only] = tasks[k]!;
          if (isTally) {
            const budget: TaskBudget = { left: taskBudget, deferred: [] };
            tally ??= createTally(inv.reader, plainUstarBytes, ustarSplits);
            settleTally(keys[k]!, tally(fsPath, rel, ascii, emptyTally(), only, budget), budget.deferred);
          } else {
            deferRecords(inv.scanSubtree(keys[k]!, taskBudget));
            recordDone();
          }
        }
        askGrow();
        giveAll();
        // Let the workers' answers in, and hand them their next batches.
        await yieldToEventLoop();
        continue;
      }
      if (next >= tasks.length && inFlight.every((batches) => batches.length === 0)) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } catch (error) {
    failure ??= error;
    throw error;
  } finally {
    inv.signal?.removeEventListener('abort', poke);
    for (const d of detach) d();
  }
}

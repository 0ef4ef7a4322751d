// Working through a scan's tasks on worker threads and, for batch work, on this thread too.
import type { Worker } from 'node:worker_threads';
import type { Inventory } from './inventory.js';
import { type DirectoryRecord, readDirectory } from './read-directory.js';
import type { Task } from './scan-workers.js';
import { addTally, emptyTally, plainUstarBytes, type SubtreeTally, tallySubtree } from './tally.js';

const MAX_TASKS_PER_BATCH = 16;

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
 * Records go into the inventory; tallies into `tallies`, by directory (pieces add up).
 * @returns once every task is done
 * @throws the first worker error, or the signal's reason when the inventory's signal fires
 */
export async function shareTasks(inv: Inventory, dirs: readonly number[], tasks: readonly Task[], workers: readonly Worker[], mainReads: boolean, tallies: Map<number, SubtreeTally>): Promise<void> {
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
  const read = (abs: string, only?: string[]): DirectoryRecord => readDirectory(inv.fs, abs, undefined, only);
  let failure: unknown;
  const detach: (() => void)[] = [];
  const workersDone = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        const inFlight: number[] = [];
        const give = (): void => {
          if (failure !== undefined) return reject(failure);
          if (inv.signal?.aborted) return reject(inv.signal.reason ?? new Error('aborted'));
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

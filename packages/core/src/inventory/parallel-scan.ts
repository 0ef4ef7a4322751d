// Reading a big tree on two threads. One Node thread doing readdir + lstat takes about 1.5x as
// long as `find`; two worker threads beat it (docs/benchmarks.md). The main thread reads the top
// levels itself, hands whole subtrees to workers, and attaches their records in walk order, so the
// resulting inventory is identical to a single-threaded scan.
import { Worker } from 'node:worker_threads';
import { nodeFs } from '../fs-adapter.js';
import type { Inventory } from './inventory.js';
import { type DirectoryRecord, readDirectory, RECORD_FIELDS } from './read-directory.js';

/** Options of the parallel scan. */
export interface ParallelScanOptions {
  /** Worker threads. @default 2 */
  readonly threads?: number;
  /** Below this many entries after the top levels, threads cost more than they save. @default 20000 */
  readonly minEntries?: number;
}

// Runs inside each worker (CommonJS eval): the records of whole subtrees, depth first.
// \`__name\` is defined because esbuild-based runners (tsx) wrap function names with that helper.
const WORKER_SOURCE = `
var __name = (fn) => fn;
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const readDirectory = ${readDirectory.toString()};
const reader = { readdir: (p) => fs.readdirSync(p), lstat: (p) => fs.lstatSync(p), readlink: (p) => fs.readlinkSync(p) };
function scanTree(abs, out) {
  const record = readDirectory(reader, abs);
  out.push(record);
  for (let i = 0; i < record.names.length; i++) if ((record.facts[i * ${RECORD_FIELDS}] & 7) === 1) scanTree(abs + '/' + record.names[i], out);
}
parentPort.on('message', (tasks) => {
  parentPort.postMessage(tasks.map((task) => { const out = []; scanTree(task, out); return out; }));
});
`;

const TASKS_PER_MESSAGE = 8;

/**
 * Reads every directory not read yet, using worker threads when the tree is big and the inventory
 * reads the real file system; otherwise it is the same as `inv.scanAll()`.
 * @returns when the inventory holds the whole tree
 */
export async function scanAllParallel(inv: Inventory, options: ParallelScanOptions = {}): Promise<void> {
  const threads = options.threads ?? 2;
  const minEntries = options.minEntries ?? 20_000;
  if (inv.fs !== nodeFs || threads < 1) {
    inv.scanAll();
    return;
  }
  // Breadth-first on this thread until there is enough independent work to share.
  let pending = unscannedDirs(inv);
  while (pending.length > 0 && pending.length < threads * 32 && inv.count < minEntries) {
    for (const dir of pending) inv.children(dir);
    pending = pending.flatMap((dir) => childDirs(inv, dir));
  }
  if (pending.length === 0 || inv.count + pending.length * 10 < minEntries) {
    inv.scanAll();
    return;
  }
  await scanWithWorkers(inv, pending, threads);
  inv.trim();
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

async function scanWithWorkers(inv: Inventory, dirs: number[], threads: number): Promise<void> {
  // Small worker heaps: records are handed over per batch, and a million-entry inventory must stay
  // under 300 MB for the whole process.
  const workers = Array.from({ length: Math.min(threads, dirs.length) }, () => new Worker(WORKER_SOURCE, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 } }));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let batch: number[] = [];
            const give = (): void => {
              if (inv.signal?.aborted) return reject(inv.signal.reason ?? new Error('aborted'));
              if (next >= dirs.length) return resolve();
              batch = dirs.slice(next, next + TASKS_PER_MESSAGE);
              next += batch.length;
              worker.postMessage(batch.map((d) => inv.absolutePath(d)));
            };
            worker.on('message', (results: DirectoryRecord[][]) => {
              results.forEach((records, k) => attachSubtree(inv, batch[k]!, records, { at: 0 }));
              give();
            });
            worker.on('error', reject);
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

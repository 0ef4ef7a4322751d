// The worker threads of a scan, and the one unit of work they take. The worker code is the very
// functions the main thread runs (readDirectory, tallySubtree), shipped as source text, so both
// threads read a directory the same way.
import { Worker } from 'node:worker_threads';
import { createRawReader } from './raw-names.js';
import { readDirectory, RECORD_FIELDS } from './read-directory.js';
import { sortByteOrder } from './sort-names.js';
import { emptyTally, plainUstarBytes, tallySubtree } from './tally.js';

/**
 * One unit of work: [absolute path, tally?, relative path, relative path is ASCII, entries]. A
 * record task reads the directory's whole subtree; a tally task sums it, or only `entries` of it
 * (and what is below them) when a big directory is shared out in pieces.
 */
export type Task = [abs: string, tally: boolean, rel: string, ascii: boolean, only: string[] | undefined];

/** Worker threads ready for scanParallel. */
export interface ScanWorkers {
  readonly threads: readonly Worker[];
  /**
   * Stops the threads without waiting for them: a thread still starting up would otherwise keep
   * a small scan waiting tens of milliseconds. They no longer hold the process open.
   */
  close(): void;
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
const reader = (${createRawReader.toString()})(fs);
const sortByteOrder = ${sortByteOrder.toString()};
const readUnsorted = (abs, only) => readDirectory(reader, abs, undefined, only);
function scanTree(abs, out) {
  const record = readDirectory(reader, abs, sortByteOrder);
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
    close: () => {
      for (const worker of workers) {
        worker.unref();
        worker.terminate().catch(() => undefined);
      }
    },
  };
}


// A one-line progress report on stderr while a big tree is read. Only on a terminal, so logs and
// pipes stay clean; the line is erased when the scan ends so later output starts at column 0.
import type { ScanProgressEvent } from '@ctxlens/core';
import type { Io } from '../io.js';
import { formatCount, formatSize } from './numbers.js';

/** A progress reporter to hand to computeContext's `onProgress`. */
export interface Progress {
  /** Undefined when progress is off, so the core skips the callbacks entirely. */
  readonly onProgress: ((event: ScanProgressEvent) => void) | undefined;
  /** Erases the line if anything was drawn. */
  done(): void;
}

const ERASE_LINE = '\r\u001b[2K';
/** Redraw at most this often: terminals are slow and the numbers blur anyway. */
const INTERVAL_MS = 100;

/**
 * Creates a progress reporter; a no-op unless `enabled` and stderr is a terminal.
 * @returns the reporter
 */
export function createProgress(io: Io, enabled: boolean): Progress {
  if (!enabled || !io.isTTY.stderr) return { onProgress: undefined, done: () => undefined };
  let drawn = false;
  let last = -Infinity;
  return {
    onProgress: (event) => {
      if (event.elapsedMs - last < INTERVAL_MS) return;
      last = event.elapsedMs;
      drawn = true;
      io.stderr.write(`${ERASE_LINE}scanning… ${formatCount(event.entries)} entries, ${formatSize(event.bytes)}, ${(event.elapsedMs / 1000).toFixed(1)}s`);
    },
    done: () => {
      if (drawn) io.stderr.write(ERASE_LINE);
      drawn = false;
    },
  };
}

// Reading the tree from this thread without holding the event loop. The reads are synchronous (the
// fastest way to walk from one thread), so a long scan would starve timers, I/O callbacks and an
// AbortSignal.timeout() until it ended. Instead it runs in slices of a few milliseconds with a
// macrotask between them: a slice costs one clock read per directory, the pause a few microseconds.
import { AbortError } from '../errors.js';
import type { Inventory } from './inventory.js';

/** How long one synchronous slice may run before the event loop gets a turn. */
export const SLICE_MS = 16;

/** Options of readInSlices. */
export interface SliceOptions {
  /** @default SLICE_MS */
  readonly sliceMs?: number;
  /** Called after each slice (progress). */
  readonly onSlice?: () => void;
  /**
   * Whether to read below a directory: false leaves it unread (a walk that needs it reads it then).
   * @default every directory is read
   */
  readonly enter?: (dir: number) => boolean;
}

/**
 * Lets timers and I/O callbacks run: setImmediate's callback runs after the event loop's timers and
 * poll phases, unlike a resolved promise, which would run first.
 * @returns once the event loop has gone round
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A slice timer for loops that read in their own order (the parallel scan's). */
export interface SliceClock {
  /** True once the current slice has run its time. */
  due(): boolean;
  /** Yields to the event loop and starts the next slice. */
  pause(): Promise<void>;
}

/**
 * Starts a slice timer.
 * @returns the clock, its first slice running
 */
export function sliceClock(sliceMs = SLICE_MS): SliceClock {
  let end = performance.now() + sliceMs;
  return {
    due: () => performance.now() >= end,
    async pause() {
      await yieldToEventLoop();
      end = performance.now() + sliceMs;
    },
  };
}

/**
 * Reads the directories not read yet, depth first in walk order as
 * Inventory.scanAll does, yielding to the event loop between slices.
 * @returns once every directory `enter` allows has been read
 * @throws AbortError when the inventory's signal fires (checked after every pause); a read that
 *   meets the fired signal throws its reason
 */
export async function readInSlices(inv: Inventory, options: SliceOptions = {}): Promise<void> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const enter = options.enter;
  const stack = [0];
  while (stack.length > 0) {
    const sliceEnd = performance.now() + sliceMs;
    // At least one directory per slice, however short the slice.
    do {
      const dir = stack.pop()!;
      const [start, n] = inv.children(dir);
      // Pushed in reverse so directories are read in walk order, as Inventory.scanAll does.
      for (let c = start + n - 1; c >= start; c--) if (inv.isDir(c) && (enter === undefined || enter(c))) stack.push(c);
    } while (stack.length > 0 && performance.now() < sliceEnd);
    options.onSlice?.();
    await yieldToEventLoop();
    if (inv.signal?.aborted) throw new AbortError();
  }
}

// The scan starts before Ink and React are loaded (loading Ink takes about 300 ms), and the
// component that shows it picks it up when it mounts: the tree is being read while the UI loads.
import type { ScanProgressEvent } from '@ctxlens/core';
import { scanInSlices, type ScannedTree, type SliceScanOptions } from '@ctxlens/core/internal';
import type { TreeLoader } from '../hooks/use-session.js';
import { scanOptionsOf, type TuiOptions } from '../options.js';

/** A scan already running, handed to the UI as its loader. */
export interface EarlyScan {
  /** Returns the running scan; the UI's progress listener and abort signal are attached to it. */
  readonly loader: TreeLoader;
  /** Stops the scan (before the UI took it over). */
  abort(): void;
}

/**
 * Starts reading the tree now.
 * @returns the scan, to pass to <Root loader/>
 */
export function startEarlyScan(options: TuiOptions, cwd: string): EarlyScan {
  const controller = new AbortController();
  let listener: ((progress: ScanProgressEvent) => void) | undefined;
  let last: ScanProgressEvent | undefined;
  let running: Promise<ScannedTree>;
  try {
    running = scanInSlices(options.dir, {
      ...scanOptionsOf(options, cwd),
      signal: controller.signal,
      onProgress: (progress) => {
        last = progress;
        listener?.(progress);
      },
    });
  } catch (error) {
    running = Promise.reject(error);
  }
  // The UI reports failures; until it takes over, nobody else should see an unhandled rejection.
  running.catch(() => undefined);
  const loader: TreeLoader = (_dir: string, taken: SliceScanOptions) => {
    listener = taken.onProgress;
    if (last !== undefined) listener?.(last);
    taken.signal?.addEventListener('abort', () => controller.abort(), { once: true });
    return running;
  };
  return { loader, abort: () => controller.abort() };
}

// The async entry points leave the event loop its turns while they read the disk, so a timer (an
// AbortSignal.timeout, a progress repaint) runs during a scan instead of after it, and an abort
// stops the scan early with AbortError.
import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortError } from '../errors.js';
import { type FsAdapter, nodeFs } from '../fs-adapter.js';
import type { ContextOptions } from '../options.js';
import { computeContext, computeContextWithBaseline, measureContext } from './compute-context.js';

const DIRS = 200;
const FILES = 12_000;

/** Busy for `ms`: a read this slow makes the scan need many slices on any machine. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* a slow disk */
  }
}

/** The real tree through an adapter whose directory reads each take half a millisecond, counted. */
function slowFs(): FsAdapter & { reads: number } {
  const fsa = {
    ...nodeFs,
    reads: 0,
    readdir(path: string): string[] {
      fsa.reads++;
      spin(0.5);
      return nodeFs.readdir(path);
    },
  };
  return fsa;
}

const APIS = [
  ['computeContext', (dir: string, options: ContextOptions) => computeContext(dir, options)],
  ['computeContextWithBaseline', (dir: string, options: ContextOptions) => computeContextWithBaseline(dir, options)],
  ['measureContext', (dir: string, options: ContextOptions) => measureContext(dir, options)],
] as const;

describe('scans yield to the event loop and stop on abort', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-yield-');
    // 200 directories: at least 100 ms of reads through slowFs, several slices of 16 ms; enough
    // entries for a few progress reports (one every 4096).
    await buildTree(tmp.path, [{ file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' }, ...Array.from({ length: FILES }, (_, i) => ({ file: `d${i % DIRS}/f${i}` }))]);
  });
  afterAll(() => tmp.cleanup());

  it.each(APIS)('%s: a timer set before the scan runs before the scan resolves', async (_, api) => {
    let fired = false;
    setTimeout(() => (fired = true), 0);
    const fs = slowFs();
    await api(tmp.path, { fs });
    expect(fs.reads).toBeGreaterThan(DIRS);
    expect(fired).toBe(true);
  });

  it.each(APIS)('%s: a timer-driven abort rejects with AbortError before the tree is read', async (_, api) => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 0);
    const fs = slowFs();
    await expect(api(tmp.path, { fs, signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    expect(fs.reads).toBeLessThan(DIRS);
  });

  it.each(APIS)('%s: AbortSignal.timeout stops it too', async (_, api) => {
    const fs = slowFs();
    await expect(api(tmp.path, { fs, signal: AbortSignal.timeout(1) })).rejects.toBeInstanceOf(AbortError);
    expect(fs.reads).toBeLessThan(DIRS);
  });

  it.each(APIS)('%s: progress stops where a timer-driven abort came', async (_, api) => {
    const controller = new AbortController();
    const seen: number[] = [];
    const fs = slowFs();
    // Aborted by a timer set at the first progress report: the scan must give it a turn.
    const onProgress = (e: { entries: number }): void => {
      if (seen.push(e.entries) === 1) setTimeout(() => controller.abort(), 0);
    };
    await expect(api(tmp.path, { fs, signal: controller.signal, onProgress })).rejects.toBeInstanceOf(AbortError);
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThan(FILES + DIRS);
  });
});

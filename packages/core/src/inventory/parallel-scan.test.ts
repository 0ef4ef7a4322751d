import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { EventEmitter } from 'node:events';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFs } from '../fs-adapter.js';
import { Inventory } from './inventory.js';
import { PRUNED_ENTRIES_PER_NAME, scanAllParallel, scanParallel } from './parallel-scan.js';
import { startScanWorkers, type Task } from './scan-workers.js';

function snapshot(inv: Inventory): string[] {
  const rows: string[] = [];
  const visit = (dir: number) => {
    const [start, n] = inv.children(dir);
    for (let c = start; c < start + n; c++) {
      rows.push([inv.path(c), inv.kind(c), inv.sizes[c], inv.mtime(c), inv.nlinks[c], inv.isAsciiPath(c), inv.linkTargets.get(c), inv.problems.get(c)?.code].join('|'));
      if (inv.isDir(c)) visit(c);
    }
  };
  visit(0);
  return rows;
}

/**
 * A scan worker the machine slows down (a busy core): every batch reaches the real worker only
 * after a delay. Counts the tasks it holds, handed over and not yet answered.
 */
class SlowWorker extends EventEmitter {
  held = 0;
  maxHeld = 0;
  answered = 0;
  constructor(
    private readonly real: Worker,
    private readonly delayMs: number,
  ) {
    super();
    real.on('message', (results: unknown[]) => {
      this.held -= results.length;
      this.answered += results.length;
      this.emit('message', results);
    });
    real.on('error', (error) => this.emit('error', error));
  }
  postMessage(message: { tasks: Task[] }): void {
    this.held += message.tasks.length;
    this.maxHeld = Math.max(this.maxHeld, this.held);
    setTimeout(() => this.real.postMessage(message), this.delayMs);
  }
}

describe('scanAllParallel', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-par-');
    const spec = [];
    for (let a = 0; a < 12; a++) {
      for (let b = 0; b < 6; b++) {
        for (let f = 0; f < 5; f++) spec.push({ file: `d${a}/s${b}/deep/f${f}-é.txt`, size: a * 100 + f });
        spec.push({ symlink: `d${a}/s${b}/link`, target: `../s${(b + 1) % 6}` });
      }
      spec.push({ dir: `d${a}/empty` });
    }
    spec.push({ hardlink: 'd0/hard', target: 'd1/s0/deep/f0-é.txt' }, { file: '😀/x' }, { file: '\ue000/x' });
    await buildTree(tmp.path, spec);
  });
  afterAll(() => tmp.cleanup());

  // A task budget of 3 entries leaves nearly every subtree to later tasks: the queue grows while it drains.
  for (const mainThreadReads of [true, false]) {
    for (const taskBudget of [undefined, 3]) {
      it(`records exactly what a single-threaded scan records, in the same walk order (main thread reads: ${mainThreadReads}, task budget ${taskBudget ?? 'default'})`, async () => {
        const single = new Inventory(tmp.path, nodeFs).scanAll();
        const parallel = new Inventory(tmp.path, nodeFs);
        await scanAllParallel(parallel, { threads: 2, minEntries: 10, mainThreadReads, ...(taskBudget === undefined ? {} : { taskBudget }) });
        expect(parallel.count).toBe(single.count);
        expect(snapshot(parallel)).toEqual(snapshot(single));
        for (let i = 0; i < parallel.count; i++) if (parallel.isDir(i)) expect(parallel.isScanned(i)).toBe(true);
      });
    }
  }

  // A worker sits on what it was handed until it answers. Were it handed big batches, the free
  // thread would wait for the slow one at the end (issue 14: `size` at 1.5-1.8x find with one core
  // busy), and the records in flight would weigh on the peak memory of a big inventory.
  it('hands a slow worker at most two small batches (8 tasks): the free thread takes the rest, and the scan records what a single-threaded one does', async () => {
    // A hundred top-level directories: a hundred tasks to share from the start.
    const wide = await makeTempDir('ctxlens-wide-');
    await buildTree(wide.path, Array.from({ length: 100 }, (_, a) => ({ file: `d${a}/sub/f.js`, size: a })));
    const workers = startScanWorkers(1);
    const slow = new SlowWorker(workers.threads[0]!, 30);
    try {
      const parallel = new Inventory(wide.path, nodeFs);
      await scanParallel(parallel, { minEntries: 10, workers: { threads: [slow as unknown as Worker], growIfBusy: () => undefined, close: () => workers.close() } });
      expect(snapshot(parallel)).toEqual(snapshot(new Inventory(wide.path, nodeFs).scanAll()));
      expect(slow.answered).toBeGreaterThan(0);
      expect(slow.maxHeld).toBeLessThanOrEqual(8);
    } finally {
      workers.close();
      await wide.cleanup();
    }
  });

  // A busy machine is told only some time after the workers start (cpu-load.ts), so the thread it
  // earns joins a scan already running: it must get tasks like the others, for records and tallies.
  for (const mainThreadReads of [true, false]) {
    it(`a thread that joins mid-scan takes tasks, and the scan records what a single-threaded one does (main thread reads: ${mainThreadReads})`, async () => {
      const wide = await makeTempDir('ctxlens-grow-');
      await buildTree(wide.path, Array.from({ length: 100 }, (_, a) => ({ file: `${a < 50 ? 'node_modules/' : ''}d${a}/sub/f.js`, size: a })));
      const first = startScanWorkers(1);
      const extra = startScanWorkers(1);
      // The first worker answers slowly, so the scan is still running when the new thread arrives.
      const slow = new SlowWorker(first.threads[0]!, 20);
      const joined = new SlowWorker(extra.threads[0]!, 0);
      let asked = 0;
      const grow = () => (++asked === 3 ? (joined as unknown as Worker) : undefined);
      try {
        const tallied = new Inventory(wide.path, nodeFs);
        const tallies = await scanParallel(tallied, { minEntries: 10, mainThreadReads, taskBudget: 3, tally: (dir) => tallied.path(dir) === 'node_modules', workers: { threads: [slow as unknown as Worker], growIfBusy: grow, close: () => undefined } });
        expect(asked).toBeGreaterThan(3);
        expect(joined.answered).toBeGreaterThan(0);
        const whole = snapshot(new Inventory(wide.path, nodeFs).scanAll());
        const below = (rows: string[]) => rows.filter((row) => row.startsWith('node_modules/'));
        expect(snapshot(tallied).filter((row) => !row.startsWith('node_modules/'))).toEqual(whole.filter((row) => !row.startsWith('node_modules/')));
        expect([...tallies.values()].reduce((sum, t) => sum + t.entries, 0)).toBe(below(whole).length);
        expect(below(whole)).toHaveLength(150);
      } finally {
        first.close();
        extra.close();
        await wide.cleanup();
      }
    });
  }

  for (const mainThreadReads of [true, false]) {
    it(`stops with the signal's reason when it fires during the scan (main thread reads: ${mainThreadReads})`, async () => {
      const inv = new Inventory(tmp.path, nodeFs);
      const controller = new AbortController();
      inv.signal = controller.signal;
      const scanning = scanAllParallel(inv, { threads: 2, minEntries: 10, mainThreadReads });
      controller.abort(new Error('stop'));
      await expect(scanning).rejects.toThrow('stop');
    });
  }

  // measureContext walks the context in onRecorded while the other thread still tallies.
  for (const [label, options] of [
    ['threads, tiny tasks', { threads: 2, minEntries: 10, taskBudget: 3 }],
    ['one thread', { threads: 1 }],
    ['small tree', { threads: 2, minEntries: 1e9 }],
  ] as const) {
    it(`calls onRecorded once, before it resolves, with every directory that is not tallied recorded (${label})`, async () => {
      const inv = new Inventory(tmp.path, nodeFs);
      const tallied = (dir: number) => /^d[0-5]$/.test(inv.path(dir));
      const seen: boolean[] = [];
      const tallies = await scanParallel(inv, {
        ...options,
        tally: tallied,
        onRecorded: () => {
          const unread: string[] = [];
          const visit = (dir: number): void => {
            const [start, n] = inv.children(dir);
            // children() of an unread directory would read it now: only read ones are visited.
            for (let c = start; c < start + n; c++) if (inv.isDir(c) && !tallied(c)) (inv.isScanned(c) ? visit(c) : unread.push(inv.path(c)));
          };
          visit(0);
          seen.push(unread.length === 0);
        },
      });
      expect(seen).toEqual([true]);
      if (options.threads === 2 && options.minEntries === 10) expect(tallies.size).toBeGreaterThan(0);
    });
  }

  it('fails the scan with the error onRecorded throws', async () => {
    const inv = new Inventory(tmp.path, nodeFs);
    const scanning = scanParallel(inv, {
      threads: 2,
      minEntries: 10,
      taskBudget: 3,
      tally: (dir) => /^d[0-5]$/.test(inv.path(dir)),
      onRecorded: () => {
        throw new Error('walk failed');
      },
    });
    await expect(scanning).rejects.toThrow('walk failed');
  });

  it('keeps every entry after its parent, which O(n) subtree sums rely on', async () => {
    const parallel = new Inventory(tmp.path, nodeFs);
    await scanAllParallel(parallel, { threads: 2, minEntries: 10, taskBudget: 3 });
    for (let i = 1; i < parallel.count; i++) expect(parallel.parent[i]).toBeLessThan(i);
  });
});

// Scans hand the file system paths relative to the working directory when the context is in it
// (Inventory.fsPath): the same tree must come out either way, and a scan whose working directory
// changes under it must fail rather than report what it read elsewhere.
describe('a tree big only below a pruned directory', () => {
  // node_modules with just enough packages to pass the default threshold at the expected entries
  // per name, each package holding one file: tallied on threads, not read whole on this one.
  const packages = Math.ceil(20_000 / PRUNED_ENTRIES_PER_NAME);
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-pruned-');
    await buildTree(tmp.path, [{ file: 'app.js', size: 3 }, ...Array.from({ length: packages }, (_, i) => ({ file: `node_modules/p${i}/index.js`, size: i }))]);
  });
  afterAll(() => tmp.cleanup());

  it(`is shared out from ${packages} names, each expected to hold ${PRUNED_ENTRIES_PER_NAME} entries`, async () => {
    const inv = new Inventory(tmp.path, nodeFs);
    const workers = startScanWorkers(1);
    try {
      const tallies = await scanParallel(inv, { workers, tally: (dir) => inv.path(dir) === 'node_modules' });
      const total = [...tallies.values()].reduce((n, t) => n + t.entries, 0);
      expect(total).toBe(2 * packages);
    } finally {
      workers.close();
    }
  });
});

describe('paths handed to the file system', () => {
  let tmp: TempDir;
  let elsewhere: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-rel-');
    elsewhere = await makeTempDir('ctxlens-elsewhere-');
    const spec = [];
    for (let a = 0; a < 8; a++) for (let f = 0; f < 6; f++) spec.push({ file: `d${a}/sub/f${f}-é.txt`, size: a * 10 + f });
    spec.push({ symlink: 'd0/link', target: '../d1' }, { hardlink: 'd2/hard', target: 'd3/sub/f0-é.txt' });
    await buildTree(tmp.path, spec);
  });
  afterAll(async () => {
    await tmp.cleanup();
    await elsewhere.cleanup();
  });

  async function inDirectory<T>(dir: string, run: () => T | Promise<T>): Promise<T> {
    const before = process.cwd();
    process.chdir(dir);
    try {
      return await run();
    } finally {
      process.chdir(before);
    }
  }
  const childNamed = (inv: Inventory, name: string): number => {
    const [start, n] = inv.children(0);
    for (let c = start; c < start + n; c++) if (inv.name(c) === name) return c;
    throw new Error(`no ${name}`);
  };

  it('are relative to the working directory when the context is in it, and absolute otherwise', async () => {
    await inDirectory(tmp.path, () => {
      const inv = new Inventory(tmp.path, nodeFs);
      expect(inv.fsPath(0)).toBe('.');
      expect(inv.fsPath(childNamed(inv, 'd1'))).toBe('d1');
      expect(inv.absolutePath(childNamed(inv, 'd1'))).toBe(`${tmp.path}/d1`);
    });
    await inDirectory(path.dirname(tmp.path), () => {
      const inv = new Inventory(tmp.path, nodeFs);
      expect(inv.fsPath(childNamed(inv, 'd1'))).toBe(`${path.basename(tmp.path)}/d1`);
    });
    await inDirectory(elsewhere.path, () => {
      const inv = new Inventory(tmp.path, nodeFs);
      expect(inv.fsPath(childNamed(inv, 'd1'))).toBe(`${tmp.path}/d1`);
    });
  });

  it('turn absolute once the working directory changes, for reads after it', async () => {
    const inv = await inDirectory(tmp.path, () => new Inventory(tmp.path, nodeFs));
    expect(process.cwd()).not.toBe(tmp.path);
    expect(inv.fsPath(0)).toBe(tmp.path);
    expect(inv.fsPathsHold()).toBe(false);
    expect(snapshot(inv.scanAll())).toEqual(snapshot(new Inventory(tmp.path, nodeFs).scanAll()));
  });

  it('give the same tree as absolute paths, on both threads, with small tasks', async () => {
    const absolute = new Inventory(tmp.path, nodeFs).scanAll();
    const relative = await inDirectory(tmp.path, async () => {
      const inv = new Inventory(tmp.path, nodeFs);
      await scanAllParallel(inv, { threads: 2, minEntries: 5, taskBudget: 3 });
      return inv;
    });
    expect(snapshot(relative)).toEqual(snapshot(absolute));
  });

  it('fail a scan whose working directory changed while it ran, naming the cause', async () => {
    const before = process.cwd();
    process.chdir(tmp.path);
    let scanning: Promise<void>;
    try {
      const inv = new Inventory(tmp.path, nodeFs);
      scanning = scanAllParallel(inv, { threads: 2, minEntries: 5, taskBudget: 3, mainThreadReads: false });
    } finally {
      process.chdir(elsewhere.path);
    }
    try {
      await expect(scanning).rejects.toThrow(/working directory changed while ctxlens read .*ctxlens-rel-/);
    } finally {
      process.chdir(before);
    }
  });
});

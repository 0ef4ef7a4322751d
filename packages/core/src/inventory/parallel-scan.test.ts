import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFs } from '../fs-adapter.js';
import { Inventory } from './inventory.js';
import { scanAllParallel } from './parallel-scan.js';

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

  it('keeps every entry after its parent, which O(n) subtree sums rely on', async () => {
    const parallel = new Inventory(tmp.path, nodeFs);
    await scanAllParallel(parallel, { threads: 2, minEntries: 10, taskBudget: 3 });
    for (let i = 1; i < parallel.count; i++) expect(parallel.parent[i]).toBeLessThan(i);
  });
});

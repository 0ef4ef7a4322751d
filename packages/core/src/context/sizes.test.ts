import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeContext, computeContextWithBaseline, evaluateRules } from './compute-context.js';
import { entryFigures } from './sizes.js';

describe('sizes', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-sizes-');
    await buildTree(tmp.path, [
      { file: 'Dockerfile', content: 'FROM scratch\n' },
      { file: 'a.bin', size: 1000 },
      { hardlink: 'b.bin', target: 'a.bin' },
      { file: 'node_modules/x/index.js', size: 5000 },
      { file: '.dockerignore', content: 'node_modules\n' },
    ]);
  });
  afterAll(() => tmp.cleanup());

  it('counts a hardlinked file once, and its second name as a link in the tar', async () => {
    const ctx = await computeContext(tmp.path, { builder: 'legacy' });
    const b = ctx.entries().find((e) => e.path === 'b.bin')!;
    expect(b.hardlinkOf).toBe('a.bin');
    expect(b.tarBytes).toBe(512);
    expect(ctx.sizes.bytes).toBe(1000 + 13 + 13);
    // headers: .dockerignore, Dockerfile, a.bin, b.bin; contents: 512 + 512 + 1024; trailer 1024
    expect(ctx.sizes.tarBytes).toBe(4 * 512 + 512 + 512 + 1024 + 1024);
    expect(ctx.sizes.dockerSize).toBe('5.12kB');
  });

  it('gives the size without the ignore file from the same scan', async () => {
    const { context, unfiltered } = await computeContextWithBaseline(tmp.path, { builder: 'legacy' });
    expect(unfiltered.sizes.bytes).toBe(context.sizes.bytes + 5000);
    expect(unfiltered.filePaths()).toContain('node_modules/x/index.js');
  });

  it('re-evaluates other rules on the inventory without the disk', async () => {
    const { context } = await computeContextWithBaseline(tmp.path, { builder: 'legacy' });
    await tmp.cleanup();
    const without = evaluateRules(context, { rules: [] });
    expect(without.filePaths()).toContain('node_modules/x/index.js');
    const more = evaluateRules(context, { rules: ['node_modules', '*.bin'] });
    expect(more.filePaths()).toEqual(['.dockerignore', 'Dockerfile']);
  });
});

describe("BuildKit's transfer figure, summed when first read", () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-transfer-');
    // A hardlink, a symlink, and a/f, which the walk sends but fsutil's Open refuses (issue 11).
    await buildTree(tmp.path, [
      { file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' },
      { file: 'a.bin', size: 70_000 },
      { hardlink: 'b.bin', target: 'a.bin' },
      { symlink: 'link', target: 'a.bin' },
      { file: 'a/f', size: 10 },
      { file: '.dockerignore', content: 'a\n!a/f\na\n' },
    ]);
  });
  afterAll(() => tmp.cleanup());

  it('equals the figure summed from per-entry figures in one pass, and is in the JSON', async () => {
    const ctx = await computeContext(tmp.path, { builder: 'buildkit' });
    const eager = ctx.sizesFrom(entryFigures(ctx.inventory));
    const lazy = ctx.sizes;
    expect(eager.transferBytes).toBeGreaterThan(70_000);
    expect(lazy.transferBytes).toBe(eager.transferBytes);
    expect(lazy.transferSize).toBe(eager.transferSize);
    expect(JSON.parse(JSON.stringify(lazy))).toEqual(JSON.parse(JSON.stringify(eager)));
    expect({ ...lazy }).toEqual({ ...eager });
  });

  it('is 0 when the build reads no context', async () => {
    const none = await makeTempDir('ctxlens-transfer-none-');
    try {
      await buildTree(none.path, [{ file: 'Dockerfile', content: 'FROM scratch\n' }, { file: 'x', size: 5 }]);
      const ctx = await computeContext(none.path, { builder: 'buildkit' });
      expect(ctx.sizes.transferBytes).toBe(0);
      expect(ctx.sizes.transferSize).toBe('');
    } finally {
      await none.cleanup();
    }
  });
});

describe('diagnostics', () => {
  it('warns about an ignore-file line that is not UTF-8, naming file and line', async () => {
    const tmp = await makeTempDir('ctxlens-utf8-');
    try {
      await buildTree(tmp.path, [{ file: 'Dockerfile' }, { file: '.dockerignore', content: Buffer.from([0x61, 0x0a, 0xff, 0xfe, 0x0a]) }]);
      const ctx = await computeContext(tmp.path, { wholeContext: true });
      expect(ctx.diagnostics).toContainEqual(expect.objectContaining({ code: 'invalid-utf8-rule', message: expect.stringContaining('.dockerignore:2 is not valid UTF-8') }));
    } finally {
      await tmp.cleanup();
    }
  });
});

describe('progress and cancellation', () => {
  let tree: TempDir;
  beforeAll(async () => {
    tree = await makeTempDir('ctxlens-progress-');
    const spec = [{ file: 'Dockerfile' }];
    for (let d = 0; d < 60; d++) for (let f = 0; f < 100; f++) spec.push({ file: `d${d}/f${f}` });
    await buildTree(tree.path, spec);
  });
  afterAll(() => tree.cleanup());

  it('reports entries, bytes and elapsed time while it reads the tree', async () => {
    const events: { entries: number; bytes: number; elapsedMs: number }[] = [];
    const { unfiltered } = await computeContextWithBaseline(tree.path, { wholeContext: true, onProgress: (e) => events.push(e) });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e, i) => i === 0 || e.entries >= events[i - 1]!.entries)).toBe(true);
    expect(events.at(-1)!.entries).toBeLessThanOrEqual(unfiltered.inventory.count);
    expect(events.every((e) => e.elapsedMs >= 0)).toBe(true);
  });

  it('stops with an AbortError when the signal fires', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(computeContext(tree.path, { wholeContext: true, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError', code: 'ABORTED' });
    const late = new AbortController();
    const run = computeContextWithBaseline(tree.path, { wholeContext: true, signal: late.signal, onProgress: () => late.abort() });
    await expect(run).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

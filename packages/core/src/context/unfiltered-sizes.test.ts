import type { ContextSizes } from './sizes.js';
import { buildTree, generateCase, makeTempDir, type TempDir, type TreeEntry, writeCase } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Builder } from '../options.js';
import { computeContextWithBaseline, measureContext } from './compute-context.js';

/** The figures tallies can give: all but BuildKit's transfer, which needs every entry's send position. */
function tallied(sizes: ContextSizes): ContextSizes {
  const { transferBytes: _bytes, transferSize: _size, ...rest } = sizes;
  return rest;
}

const long = (n: number): string => 'L'.repeat(n);

// Every entry whose tar header or byte count needs more than the plain path: in a directory the
// rules prune (tallied on a thread) and in one the builder walks (recorded in the inventory).
function awkwardEntries(under: string): TreeEntry[] {
  return [
    { file: `${under}/plain.txt`, size: 700 },
    { file: `${under}/${long(60)}/${long(60)}.txt`, size: 3 },
    { file: `${under}/${long(101)}`, size: 1 },
    { file: `${under}/näme/ünïcode.js`, size: 10 },
    { file: `${under}/😀/x`, size: 2 },
    { symlink: `${under}/link-short`, target: 'plain.txt' },
    { symlink: `${under}/link-long`, target: long(150) },
    { symlink: `${under}/link-unicode`, target: 'ü' },
    { file: `${under}/old.txt`, size: 5, mtime: new Date('1960-01-01T00:00:00Z') },
    { file: `${under}/huge.bin`, size: 8 ** 11 + 1 },
    { fifo: `${under}/pipe` },
    { socket: `${under}/sock` },
    { dir: `${under}/empty` },
    { dir: `${under}/deep/er/still/empty` },
  ];
}

const SPEC: TreeEntry[] = [
  { file: 'Dockerfile', content: 'FROM scratch\n' },
  { file: '.dockerignore', content: 'node_modules\n.git\n**/*.log\n!keep/**\n' },
  ...awkwardEntries('node_modules/pkg'),
  ...awkwardEntries('src'),
  ...awkwardEntries('.git/objects'),
  { file: 'node_modules/a.log', size: 1 },
  { file: 'keep/x.log', size: 4 },
  // Hardlinks whose first name in walk order sits in a pruned subtree, in the walked part, or in
  // another pruned subtree: the content goes with the first name only.
  { file: '.git/objects/shared', size: 1500 },
  { hardlink: 'node_modules/pkg/shared-again', target: '.git/objects/shared' },
  { hardlink: 'src/shared-too', target: '.git/objects/shared' },
  { file: 'src/origin', size: 2000 },
  { hardlink: 'node_modules/zz/copy', target: 'src/origin' },
  { hardlink: `node_modules/zz/${long(120)}`, target: 'src/origin' },
  { symlink: 'src/linked-link', target: long(120) },
  { hardlink: 'node_modules/linked-link', target: 'src/linked-link' },
  // a-c sorts before a/ in whole paths but after it in the walk: walk order decides the first name.
  { file: 'node_modules/a/b', size: 900 },
  { hardlink: 'node_modules/a-c', target: 'node_modules/a/b' },
  // Enough names for node_modules/ to be shared out in several pieces, with a hardlink across them.
  ...Array.from({ length: 80 }, (_, i): TreeEntry => ({ file: `node_modules/m${String(i).padStart(2, '0')}`, size: i })),
  { hardlink: 'node_modules/p79', target: 'node_modules/m00' },
];

describe('measureContext', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-measure-');
    await buildTree(tmp.path, SPEC);
  });
  afterAll(() => tmp.cleanup());

  for (const builder of ['legacy', 'buildkit'] as Builder[]) {
    // minEntries 2 shares the root's directories at once, 10 reads a level more first (tallying
    // below node_modules/ and .git/); the default reads this small tree on one thread, with no tally.
    // A task budget of 4 entries splits every subtree into many tasks, recorded and tallied alike.
    for (const [minEntries, taskBudget] of [[2, undefined], [10, undefined], [undefined, undefined], [2, 4]] as const) {
      it(`gives the same figures as the full inventory (${builder}, minEntries ${minEntries ?? 'default'}, task budget ${taskBudget ?? 'default'})`, async () => {
        const full = await computeContextWithBaseline(tmp.path, { builder });
        const measured = await measureContext(tmp.path, { builder }, { threads: 2, ...(minEntries === undefined ? {} : { minEntries }), ...(taskBudget === undefined ? {} : { taskBudget }) });
        expect(measured.unfilteredSizes).toEqual(tallied(full.unfiltered.sizes));
        expect(measured.context.sizes).toEqual(full.context.sizes);
        expect(measured.context.filePaths()).toEqual(full.context.filePaths());
        expect(measured.context.diagnostics).toEqual(full.context.diagnostics);
      });
    }
  }

  // One pruned directory of thousands of symlinks (special entries) and subdirectories (left for
  // later under a small task budget): more than a tally's columns hold at first, so they grow mid-task.
  it('gives the same figures as the full inventory when one tally task meets thousands of special entries and deferred directories', async () => {
    const wide = await makeTempDir('ctxlens-measure-wide-');
    try {
      await buildTree(wide.path, [
        { file: 'Dockerfile', content: 'FROM scratch\n' },
        { file: '.dockerignore', content: 'node_modules\n' },
        { file: 'src/a.js', size: 3 },
        ...Array.from({ length: 4_500 }, (_, i): TreeEntry => ({ symlink: `node_modules/wide/l${i}`, target: `t${i}` })),
        ...Array.from({ length: 1_100 }, (_, i): TreeEntry => ({ file: `node_modules/wide/d${i}/f`, size: i })),
      ]);
      const full = await computeContextWithBaseline(wide.path, { builder: 'legacy' });
      const measured = await measureContext(wide.path, { builder: 'legacy' }, { threads: 2, minEntries: 2, taskBudget: 4 });
      expect(measured.unfilteredSizes).toEqual(tallied(full.unfiltered.sizes));
      expect(measured.unfilteredSizes.symlinks).toBe(4_500);
      // The 1,100 below wide/, with the Dockerfile, the ignore file and src/a.js.
      expect(measured.unfilteredSizes.files).toBe(1_103);
    } finally {
      await wide.cleanup();
    }
  });

  it('counts the content of a hardlink once, under the name the walk meets first', async () => {
    const { unfilteredSizes } = await measureContext(tmp.path, { builder: 'legacy' }, { threads: 2, minEntries: 2 });
    const { unfiltered } = await computeContextWithBaseline(tmp.path, { builder: 'legacy' });
    const byPath = new Map(unfiltered.entries().map((e) => [e.path, e]));
    expect(byPath.get('.git/objects/shared')!.hardlinkOf).toBeUndefined();
    expect(byPath.get('src/shared-too')!.hardlinkOf).toBe('.git/objects/shared');
    expect(byPath.get('node_modules/a-c')!.hardlinkOf).toBe('node_modules/a/b');
    expect(unfilteredSizes.bytes).toBe(unfiltered.sizes.bytes);
  });

  it('records only what the builder walks when the tree is shared between threads', async () => {
    const { context } = await measureContext(tmp.path, { builder: 'legacy' }, { threads: 2, minEntries: 2 });
    const inv = context.inventory;
    const pruned = inv.indexOf('node_modules', false);
    expect(pruned).toBeGreaterThan(0);
    expect(inv.isScanned(pruned)).toBe(false);
    expect(inv.indexOf('src/plain.txt', false)).toBeGreaterThan(0);
  });

  it('stops with AbortError when its signal fires', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(measureContext(tmp.path, { signal: controller.signal }, { threads: 2, minEntries: 2 })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('measureContext on random cases', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-measure-random-');
  });
  afterAll(() => tmp.cleanup());

  it('agrees with the full inventory on 60 seeded random trees and ignore files, both builders', async () => {
    let compared = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const c = generateCase(seed);
      const dir = `${tmp.path}/case-${seed}`;
      await writeCase(dir, c);
      for (const builder of ['legacy', 'buildkit'] as Builder[]) {
        const outcome = async <T>(run: () => Promise<T>) => run().then((value) => ({ value }), (error: Error) => ({ error: `${error.name}: ${error.message}` }));
        const full = await outcome(() => computeContextWithBaseline(dir, { builder }));
        const measured = await outcome(() => measureContext(dir, { builder }, { threads: 2, minEntries: seed % 3 === 0 ? 2 : 6, taskBudget: seed % 2 === 0 ? 5 : 20_000 }));
        if ('error' in full) {
          expect(measured, c.description).toEqual(full);
          continue;
        }
        if (!('value' in measured)) throw new Error(`${c.description}: ${measured.error}`);
        expect(measured.value.unfilteredSizes, c.description).toEqual(tallied(full.value.unfiltered.sizes));
        expect(measured.value.context.sizes, c.description).toEqual(full.value.context.sizes);
        expect(measured.value.context.filePaths(), c.description).toEqual(full.value.context.filePaths());
        compared++;
      }
    }
    console.log(`measureContext: ${compared} contexts agreed with the full inventory`);
    expect(compared).toBeGreaterThan(60);
  }, 120_000);
});

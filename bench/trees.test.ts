import { buildTree, makeTempDir, type TempDir, type TreeEntry } from '@ctxlens/test-fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realShapedTree } from './real-shaped-tree.js';
import { measureShape, type TreeShape } from './tree-shape.js';

// Small trees whose shape is counted by hand.
const SHAPES: { name: string; spec: TreeEntry[]; shape: TreeShape }[] = [
  { name: 'one file', spec: [{ file: 'a' }], shape: { entries: 1, dirs: 0, symlinks: 0, medianPerDir: 1, meanPerDir: 1, maxDepth: 1, medianDepth: 1 } },
  {
    // Per directory: root a, b, l (3); a: x, y, c (3); a/c: z (1); b (0): median (1 + 3) / 2. Depths: 3 at 1, 3 at 2, 1 at 3.
    name: 'nested, with a symlink and an empty directory',
    spec: [{ file: 'a/x' }, { file: 'a/y' }, { file: 'a/c/z' }, { dir: 'b/' }, { symlink: 'l', target: 'a' }],
    shape: { entries: 7, dirs: 3, symlinks: 1, medianPerDir: 2, meanPerDir: 7 / 4, maxDepth: 3, medianDepth: 2 },
  },
];

describe('measureShape', () => {
  it.each(SHAPES)('measures $name', async ({ spec, shape }) => {
    const tmp = await makeTempDir('ctxlens-shape-');
    try {
      await buildTree(tmp.path, spec);
      expect(measureShape(tmp.path)).toEqual(shape);
    } finally {
      await tmp.cleanup();
    }
  });
});

describe('realShapedTree', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-real-shaped-');
  });
  afterAll(() => tmp.cleanup());

  it('makes a small-directory tree with scoped packages, .bin symlinks, nested node_modules and a .git of packs and loose objects, the same each time', () => {
    const first = realShapedTree(path.join(tmp.path, 'a'), 5000);
    const second = realShapedTree(path.join(tmp.path, 'b'), 5000);
    const listing = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
    expect(listing(second.dir)).toEqual(listing(first.dir));
    expect(second.shape).toEqual(first.shape);
    expect(first.shape.entries).toBeGreaterThanOrEqual(5000);
    expect(first.shape.entries).toBeLessThan(5500);
    expect(first.shape.medianPerDir).toBeLessThanOrEqual(5);
    const names = listing(first.dir);
    expect(names.some((n) => /^node_modules\/@[a-z-]+\/[^/]+\/package\.json$/.test(n))).toBe(true);
    expect(names.some((n) => /\/node_modules\/[^/]+\/package\.json$/.test(n.replace(/^node_modules\//, '')))).toBe(true);
    expect(names.some((n) => /^\.git\/objects\/[0-9a-f]{2}\/[0-9a-f]{38}$/.test(n))).toBe(true);
    expect(names.some((n) => /^\.git\/objects\/pack\/pack-[0-9a-f]{40}\.pack$/.test(n))).toBe(true);
    for (const ext of ['.d.ts', '.js.map', 'README.md', 'LICENSE']) expect(names.some((n) => n.endsWith(ext))).toBe(true);
    const bin = path.join(first.dir, 'node_modules/.bin');
    const links = fs.readdirSync(bin);
    expect(links.length).toBeGreaterThan(0);
    // Every .bin entry is a symlink to a file that exists, as npm makes them.
    for (const link of links) expect(fs.statSync(path.join(bin, link)).isFile()).toBe(true);
    // Made once: a second call reuses the tree and its marker.
    expect(realShapedTree(path.join(tmp.path, 'a'), 5000)).toEqual(first);
  });
});

import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeContextWithBaseline, evaluateRules } from '../context/compute-context.js';
import { AbortError, DockerfileError, InputError } from '../errors.js';
import { nodeFs } from '../fs-adapter.js';
import { scanInSlices } from './load.js';

describe('scanInSlices', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-tui-load-');
    const spec = [
      { file: '.dockerignore', content: '# deps\nnode_modules\n' },
      { file: 'Dockerfile', content: 'FROM scratch\n' },
      { file: 'src/a.js', size: 10 },
      ...Array.from({ length: 300 }, (_, i) => ({ file: `node_modules/p${i % 30}/f${i}.js`, size: i })),
    ];
    await buildTree(tmp.path, spec);
  });
  afterAll(() => tmp.cleanup());

  // An fs adapter that is not nodeFs takes the sliced path; nodeFs takes the parallel scan.
  const sliced = { ...nodeFs };

  it.each([
    ['parallel scan', undefined],
    ['sliced scan', sliced],
  ] as const)('reads the same inventory as computeContextWithBaseline (%s)', async (_, fs) => {
    const tree = await scanInSlices(tmp.path, fs === undefined ? {} : { fs, sliceMs: 0 });
    const { context } = await computeContextWithBaseline(tmp.path, { wholeContext: true });
    // Index order depends on the scan's order (breadth-first top levels in the parallel scan); the tree does not.
    expect(tree.unfiltered.inventory.allPaths().sort()).toEqual(context.inventory.allPaths().sort());
    expect(tree.ignoreFileBytes?.toString()).toBe('# deps\nnode_modules\n');
    expect(tree.inputs.ignoreFile).toBe(context.inputs.ignoreFile);
    const again = evaluateRules(tree.unfiltered, { rules: ['# deps', 'node_modules'] });
    expect(again.sizes).toEqual(context.sizes);
  });

  it('reports progress, and yields to the event loop between slices', async () => {
    const seen: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await scanInSlices(tmp.path, { fs: sliced, sliceMs: 0, onProgress: (p) => seen.push(p.entries) });
    clearInterval(timer);
    expect(seen.length).toBeGreaterThan(1);
    // 335 entries and the root.
    expect(seen[seen.length - 1]).toBe(336);
    expect(ticks).toBeGreaterThan(0);
  });

  it('stops when aborted', async () => {
    const abort = new AbortController();
    const scan = scanInSlices(tmp.path, { fs: sliced, sliceMs: 0, signal: abort.signal });
    abort.abort();
    await expect(scan).rejects.toBeInstanceOf(AbortError);
  });

  it('names a missing context directory before reading anything', async () => {
    await expect(scanInSlices(tmp.path + '/nope')).rejects.toBeInstanceOf(InputError);
  });

  it("reads BuildKit's plan whatever the builder, so evaluations keep the Dockerfile's request", async () => {
    for (const builder of ['buildkit', 'legacy'] as const) {
      const tree = await scanInSlices(tmp.path, { builder, dockerfileText: 'FROM scratch\nCOPY src ./src\n' });
      expect(tree.plan?.scope).toBe('paths');
      const ctx = evaluateRules(tree.unfiltered, { rules: ['node_modules'], builder: 'buildkit', plan: tree.plan });
      expect(ctx.filePaths()).toEqual(['src/a.js']);
    }
    const whole = await scanInSlices(tmp.path, { wholeContext: true });
    expect(whole.plan?.scope).toBe('whole');
  });

  it('keeps a Dockerfile BuildKit refuses as an error under the legacy builder, and fails with it under BuildKit', async () => {
    const bad = 'FROM scratch\nCOPY --nope a b\n';
    const legacy = await scanInSlices(tmp.path, { builder: 'legacy', dockerfileText: bad });
    expect(legacy.plan).toBeUndefined();
    expect(legacy.planError).toBeInstanceOf(DockerfileError);
    await expect(scanInSlices(tmp.path, { builder: 'buildkit', dockerfileText: bad })).rejects.toBeInstanceOf(DockerfileError);
  });
});

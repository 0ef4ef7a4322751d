import { buildTree, makeTempDir, type TempDir, type TreeSpec } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeContext } from '../context/compute-context.js';
import { nodeFs } from '../fs-adapter.js';
import { Inventory } from '../inventory/inventory.js';
import { compileRules } from '../patterns/pattern-set.js';
import { walkBuildKit } from './buildkit.js';
import { walkLegacy } from './legacy.js';
import { walkEverything } from './walk-result.js';
import type { Builder } from '../options.js';

/** Builder behaviour on small trees. The legacy column is also checked against the real Docker client by the conformance suite. */
const cases: readonly { name: string; tree: TreeSpec; ignore: string; legacy: string[]; buildkit: string[]; from: string }[] = [
  {
    name: 'an exception with a glob re-includes inside excluded directories only for BuildKit',
    tree: [{ file: 'Dockerfile' }, { file: 'vendor/lib/a.go' }, { file: 'vendor/lib/a.txt' }],
    ignore: 'vendor\n!**/*.go\n',
    legacy: ['.dockerignore', 'Dockerfile'],
    buildkit: ['.dockerignore', 'Dockerfile', 'vendor/', 'vendor/lib/', 'vendor/lib/a.go'],
    from: 'fsutil filter.go onlyPrefixExcludeExceptions; moby TarWithOptions prefix check',
  },
  {
    name: 'a literal exception: both enter, only BuildKit sends the excluded parent directory',
    tree: [{ file: 'Dockerfile' }, { file: 'foo/bar' }, { file: 'foo/baz' }],
    ignore: 'foo\n!foo/bar\n',
    legacy: ['.dockerignore', 'Dockerfile', 'foo/bar'],
    buildkit: ['.dockerignore', 'Dockerfile', 'foo/', 'foo/bar'],
    from: 'issue #2 §4',
  },
  {
    name: 'the legacy client forces the Dockerfile and .dockerignore back in',
    tree: [{ file: 'Dockerfile' }, { file: 'app.js' }],
    ignore: '*\n',
    legacy: ['.dockerignore', 'Dockerfile'],
    buildkit: [],
    from: 'docker/cli TrimBuildFilesFromExcludes',
  },
  {
    name: 'a trailing-glob exception is still a prefix for BuildKit',
    tree: [{ file: 'Dockerfile' }, { file: 'cfg/a.json' }, { file: 'cfg/sub/b.json' }],
    ignore: 'cfg\n!cfg/**\n',
    legacy: ['.dockerignore', 'Dockerfile', 'cfg/a.json', 'cfg/sub/', 'cfg/sub/b.json'],
    buildkit: ['.dockerignore', 'Dockerfile', 'cfg/', 'cfg/a.json', 'cfg/sub/', 'cfg/sub/b.json'],
    from: 'fsutil patternWithoutTrailingGlob',
  },
  {
    name: 'symlinks are entries, never followed, dangling ones too',
    tree: [{ file: 'Dockerfile' }, { dir: 'real' }, { file: 'real/x' }, { symlink: 'link', target: 'real' }, { symlink: 'dangling', target: 'nowhere' }],
    ignore: '',
    legacy: ['Dockerfile', 'dangling', 'link', 'real/', 'real/x'],
    buildkit: ['Dockerfile', 'dangling', 'link', 'real/', 'real/x'],
    from: 'issue #2 §4',
  },
  {
    name: 'empty directories are sent; sockets only by BuildKit',
    tree: [{ file: 'Dockerfile' }, { dir: 'empty' }, { socket: 'sock' }, { fifo: 'pipe' }],
    ignore: '',
    legacy: ['Dockerfile', 'empty/', 'pipe'],
    buildkit: ['Dockerfile', 'empty/', 'pipe', 'sock'],
    from: 'issue #2 §4; issue 11: the real BuildKit receives a socket as an empty file',
  },
];

const names = (entries: readonly { path: string; kind: string }[]) => entries.map((e) => e.path + (e.kind === 'dir' ? '/' : '')).sort();

describe.each(cases)('$name', ({ tree, ignore, legacy, buildkit }) => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-walk-');
    await buildTree(tmp.path, ignore === '' ? tree : [...tree, { file: '.dockerignore', content: ignore }]);
  });
  afterAll(() => tmp.cleanup());
  it.each([
    ['legacy', legacy],
    ['buildkit', buildkit],
  ] as [Builder, string[]][])('%s', async (builder, expected) => {
    const ctx = await computeContext(tmp.path, { builder, wholeContext: true });
    expect(names(ctx.entries())).toEqual(expected);
  });
});

describe('ignore-file selection', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-select-');
    await buildTree(tmp.path, [
      { file: 'build/app.Dockerfile' },
      { file: 'build/app.Dockerfile.dockerignore', content: 'secret\n' },
      { file: '.dockerignore', content: 'build\n' },
      { file: 'secret' },
      { file: 'dockerfile' },
    ]);
  });
  afterAll(() => tmp.cleanup());

  it('BuildKit prefers <Dockerfile>.dockerignore beside the Dockerfile', async () => {
    const ctx = await computeContext(tmp.path, { builder: 'buildkit', dockerfile: `${tmp.path}/build/app.Dockerfile`, wholeContext: true });
    expect(ctx.inputs.ignoreFileReason).toBe('dockerfile-specific');
    expect(ctx.filePaths()).not.toContain('secret');
    expect(ctx.filePaths()).toContain('build/app.Dockerfile');
  });

  it('the legacy builder reads only the root .dockerignore, and forces the Dockerfile back', async () => {
    const ctx = await computeContext(tmp.path, { builder: 'legacy', dockerfile: `${tmp.path}/build/app.Dockerfile` });
    expect(ctx.inputs.ignoreFileReason).toBe('context-root');
    expect(ctx.filePaths()).toEqual(['.dockerignore', 'build/app.Dockerfile', 'dockerfile', 'secret']);
  });

  it('falls back to a lowercase dockerfile', async () => {
    const ctx = await computeContext(tmp.path, { builder: 'legacy' });
    expect(ctx.inputs.dockerfileRelative).toBe('dockerfile');
  });

  it('names a missing Dockerfile', async () => {
    await expect(computeContext(tmp.path, { dockerfile: 'nope/Dockerfile', cwd: tmp.path })).rejects.toThrow(`${tmp.path}/nope/Dockerfile`);
  });

  it('names a missing context directory', async () => {
    await expect(computeContext(`${tmp.path}/missing`)).rejects.toThrow(`${tmp.path}/missing`);
  });
});

describe('a walk that reads the disk lazily', () => {
  it('has a state for every entry it read, including those read during the walk', async () => {
    const tmp = await makeTempDir('ctxlens-lazy-');
    try {
      await buildTree(tmp.path, [{ file: 'Dockerfile' }, { file: 'a/b/c.txt' }, { file: 'x/y.txt' }, { file: '.dockerignore', content: 'x\n' }]);
      for (const builder of ['legacy', 'buildkit'] as const) {
        const ctx = await computeContext(tmp.path, { builder, wholeContext: true });
        expect(ctx.walk.state.length).toBe(ctx.inventory.count);
        const included = ctx.inventory.allPaths().filter((_, i) => ctx.isIncluded(i)).sort();
        expect(included).toEqual(['.dockerignore', 'Dockerfile', 'a', 'a/b', 'a/b/c.txt']);
      }
    } finally {
      await tmp.cleanup();
    }
  });
});

describe('walkEverything', () => {
  it('sends what a rule-less legacy walk sends, in the same order', async () => {
    const tmp = await makeTempDir('ctxlens-all-');
    try {
      await buildTree(tmp.path, [{ file: 'Dockerfile' }, { file: 'b/z' }, { file: 'b.txt' }, { file: 'a/é/x' }, { dir: 'empty' }, { socket: 's' }, { symlink: 'l', target: 'b' }]);
      const inv = new Inventory(tmp.path, nodeFs).scanAll();
      const all = walkEverything(inv, 'legacy');
      const legacy = walkLegacy(inv, compileRules([]));
      expect(all.order).toEqual(legacy.order);
      expect(Array.from(all.state)).toEqual(Array.from(legacy.state));
      expect(all.diagnostics.map((d) => d.code)).toEqual(['socket-skipped']);
      // BuildKit sends the socket (as an empty regular file: issue 11, seen on the real BuildKit).
      const bk = walkEverything(inv, 'buildkit');
      expect(bk.order).toEqual(walkBuildKit(inv, compileRules([])).order);
      expect(Array.from(bk.order, (i) => inv.path(i))).toContain('s');
      expect(bk.diagnostics).toEqual([]);
    } finally {
      await tmp.cleanup();
    }
  });

  // More entries than a walk's first order buffer holds (1,024), so both builders' walks grow it.
  it('matches both builders on a tree of thousands of entries, in order and in length', async () => {
    const tmp = await makeTempDir('ctxlens-all-');
    try {
      const files = Array.from({ length: 3000 }, (_, i) => ({ file: `d${Math.floor(i / 100)}/f${i % 100}` }));
      await buildTree(tmp.path, [{ file: 'Dockerfile' }, ...files]);
      const inv = new Inventory(tmp.path, nodeFs).scanAll();
      const all = walkEverything(inv, 'buildkit');
      expect(all.order.length).toBe(3031);
      expect(walkLegacy(inv, compileRules([])).order).toEqual(all.order);
      expect(walkBuildKit(inv, compileRules([])).order).toEqual(all.order);
    } finally {
      await tmp.cleanup();
    }
  });
});

describe('a Dockerfile the legacy client fails to force back in', () => {
  it('is reported as an error, with the line that fixes it', async () => {
    const tmp = await makeTempDir('ctxlens-dfmiss-');
    try {
      await buildTree(tmp.path, [{ file: 'a/b/c/Dockerfile' }, { file: '.dockerignore', content: '**/c\n' }]);
      const ctx = await computeContext(tmp.path, { builder: 'legacy', dockerfile: `${tmp.path}/a/b/c/Dockerfile` });
      expect(ctx.filePaths()).toEqual(['.dockerignore']);
      expect(ctx.diagnostics).toContainEqual(expect.objectContaining({ code: 'legacy-dockerfile-not-sent', severity: 'error', message: expect.stringContaining('!a/b/c/Dockerfile') }));
      const fine = await computeContext(tmp.path, { builder: 'legacy', dockerfile: `${tmp.path}/a/b/c/Dockerfile`, extraRules: ['!a/b/c/Dockerfile'] });
      expect(fine.diagnostics.map((d) => d.code)).not.toContain('legacy-dockerfile-not-sent');
    } finally {
      await tmp.cleanup();
    }
  });
});

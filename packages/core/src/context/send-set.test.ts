import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerfileError } from '../errors.js';
import { computeContext } from './compute-context.js';
import { SEND_SET_VECTORS } from './send-set.vectors.js';

const names = (entries: readonly { path: string; kind: string }[]): string[] => entries.map((e) => e.path + (e.kind === 'dir' ? '/' : '')).sort();

describe("BuildKit's send set", () => {
  describe.each(SEND_SET_VECTORS)('$name', (row) => {
    let tmp: TempDir;
    beforeAll(async () => {
      tmp = await makeTempDir('ctxlens-sendset-');
      await buildTree(tmp.path, [...row.tree, { file: 'Dockerfile', content: row.dockerfile }, ...(row.ignore === undefined ? [] : [{ file: '.dockerignore', content: row.ignore }])]);
    });
    afterAll(() => tmp.cleanup());

    it(`sends what BuildKit sends (${row.source})`, async () => {
      const ctx = await computeContext(tmp.path, { ...(row.target === undefined ? {} : { target: row.target }), ...(row.buildArgs === undefined ? {} : { buildArgs: row.buildArgs }) });
      const ignoreFile = row.ignore === undefined ? [] : ['.dockerignore'];
      const sent = names(ctx.entries()).filter((p) => !ignoreFile.includes(p));
      if (row.sends === 'none') {
        expect(sent).toEqual([]);
        expect(ctx.plan?.scope).toBe('none');
        expect(ctx.sizes.transferBytes).toBe(0);
        expect(ctx.diagnostics.map((d) => d.code)).toContain('no-context-use');
      } else {
        expect(sent).toEqual(row.sends);
      }
    });
  });
});

describe('send-set options and errors', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-sendset-opts-');
    await buildTree(tmp.path, [
      { file: 'Dockerfile', content: 'FROM scratch\n\nCOPY src ./src\n' },
      { file: 'src/a.ts', content: 'x' },
      { file: 'docs/b.md', content: 'x' },
      { file: 'node_modules/m/deep/index.js', content: 'x' },
      { file: 'bad.Dockerfile', content: 'FROM scratch\nCOPY --parents a /b\n' },
    ]);
  });
  afterAll(() => tmp.cleanup());

  it('wholeContext sends everything that passes the ignore file, as if COPY . .', async () => {
    const ctx = await computeContext(tmp.path, { wholeContext: true });
    expect(ctx.filePaths()).toEqual(['Dockerfile', 'bad.Dockerfile', 'docs/b.md', 'node_modules/m/deep/index.js', 'src/a.ts']);
    expect(ctx.plan?.wholeBecause).toBe('option');
  });

  it('reads nothing outside the requested paths from disk', async () => {
    const ctx = await computeContext(tmp.path);
    expect(ctx.filePaths()).toEqual(['src/a.ts']);
    const inv = ctx.inventory;
    expect(inv.isScanned(inv.indexOf('src', false))).toBe(true);
    expect(inv.isScanned(inv.indexOf('node_modules', false))).toBe(false);
    expect(inv.isScanned(inv.indexOf('docs', false))).toBe(false);
  });

  it('takes the Dockerfile as text (docker build -f -)', async () => {
    const ctx = await computeContext(tmp.path, { dockerfileText: 'FROM scratch\nCOPY docs /d\n' });
    expect(ctx.filePaths()).toEqual(['docs/b.md']);
  });

  it('a directory without a Dockerfile: the whole eligible context and a note', async () => {
    const ctx = await computeContext(`${tmp.path}/docs`);
    expect(ctx.filePaths()).toEqual(['b.md']);
    expect(ctx.diagnostics.map((d) => d.code)).toContain('no-dockerfile');
  });

  it("a Dockerfile BuildKit refuses fails with BuildKit's message and line", async () => {
    const run = computeContext(tmp.path, { dockerfile: `${tmp.path}/bad.Dockerfile` });
    await expect(run).rejects.toBeInstanceOf(DockerfileError);
    await expect(run).rejects.toMatchObject({ line: 2 });
  });

  it('a missing --target is an error naming the stages', async () => {
    await expect(computeContext(tmp.path, { target: 'nope' })).rejects.toThrow('target stage "nope" could not be found');
  });

  it('the legacy builder ignores the Dockerfile and uploads the whole context', async () => {
    const ctx = await computeContext(tmp.path, { builder: 'legacy' });
    expect(ctx.filePaths()).toContain('docs/b.md');
    expect(ctx.plan).toBeUndefined();
  });

  it('explains a path the Dockerfile does not ask for, and names the instruction for one it does', async () => {
    const ctx = await computeContext(tmp.path);
    const out = ctx.explain('docs/b.md');
    expect(out.included).toBe(false);
    expect(out.eligible).toBe(true);
    expect(out.request?.kind).toBe('not-requested');
    expect(out.request?.reason).toBe('not requested by the Dockerfile');
    const sent = ctx.explain('src/a.ts');
    expect(sent.included).toBe(true);
    expect(sent.request?.kind).toBe('path');
    expect(sent.request?.instructions).toEqual(['Dockerfile:3 COPY src ./src']);
  });

  it('keeps the eligible entries (passing the ignore file) apart from the sent ones', async () => {
    const ctx = await computeContext(tmp.path);
    const inv = ctx.inventory;
    const eligible = [...ctx.eligibleWalk().order].filter((i) => !inv.isDir(i)).map((i) => inv.path(i)).sort();
    expect(eligible).toEqual(['Dockerfile', 'bad.Dockerfile', 'docs/b.md', 'node_modules/m/deep/index.js', 'src/a.ts']);
    expect(ctx.filePaths()).toEqual(['src/a.ts']);
  });
});

describe("BuildKit's transfer figure on a real tree", () => {
  let tmp: TempDir;
  const mtime = new Date(1_700_000_000_000);
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-transfer-');
    await buildTree(tmp.path, [
      { file: 'Dockerfile', content: 'FROM scratch\nCOPY a /\n' },
      { file: 'a', content: 'hello', mode: 0o644, mtime },
      { dir: 'd', mode: 0o755, mtime },
      { file: 'd/f', content: 'xy', mode: 0o644, mtime },
      { file: 'f', size: 1095, mode: 0o644, mtime: new Date('2024-01-01T00:00:00Z') },
    ]);
  });
  afterAll(() => tmp.cleanup());

  // a: stat packet 20 (path 3, mode 3, size 2, time 10, wrapped in 2), data 9 + closing 2; FIN 2.
  it('one 5-byte file: 33 bytes, printed 33B', async () => {
    const ctx = await computeContext(tmp.path);
    expect(ctx.sizes.transferBytes).toBe(33);
    expect(ctx.sizes.transferSize).toBe('33B');
    expect(ctx.entries().map((e) => e.transferBytes)).toEqual([31]);
  });

  // Seen on the real BuildKit (28.5.2 / buildx 0.29.1, branch wip/buildkit-oracle): a lone 1,095-byte
  // file costs 1,125 bytes, printed 1.12kB. Stat packet 21, data 1,100 + closing 2, FIN 2.
  it('a lone 1,095-byte file: 1,125 bytes, printed 1.12kB, as on the real BuildKit', async () => {
    const ctx = await computeContext(tmp.path, { dockerfileText: 'FROM scratch\nCOPY f /\n' });
    expect(ctx.sizes.transferBytes).toBe(1125);
    expect(ctx.sizes.transferSize).toBe('1.12kB');
  });

  // d: 21 (path 3, Go mode with ModeDir 6, time 10); d/f: 22 and data with id 1: 8 + closing 4; FIN 2.
  it('a directory and its file: the file is the second stat packet, so its data packets carry id 1', async () => {
    const ctx = await computeContext(tmp.path, { dockerfileText: 'FROM scratch\nCOPY d /d\n' });
    expect(ctx.sizes.transferBytes).toBe(21 + 22 + 12 + 2);
  });
});

describe('sources BuildKit will not receive', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-missing-');
    await buildTree(tmp.path, [
      { file: 'Dockerfile', content: 'FROM scratch\n' },
      { file: 'a' },
      { file: 'secret/k' },
      { file: 'secret/keep/k' },
      { file: 'src/x.ts' },
      { symlink: 'out', target: '../../etc' },
      { symlink: 'lnk', target: 'src' },
      { file: '.dockerignore', content: 'secret\n!secret/keep\n' },
    ]);
  });
  afterAll(() => tmp.cleanup());

  const errors = async (dockerfile: string): Promise<string[]> => {
    const ctx = await computeContext(tmp.path, { dockerfileText: dockerfile });
    return ctx.diagnostics.filter((d) => d.code === 'buildkit-source-missing').map((d) => d.message.split(': ').slice(1).join(': ').split('. The path')[0]!);
  };

  it.each([
    ['a missing only source: not found', 'FROM scratch\nCOPY nope /x\n', ['failed to compute cache key: failed to calculate checksum of ref …: "/nope": not found']],
    ['an excluded only source: not found', 'FROM scratch\nCOPY secret/k /x\n', ['failed to compute cache key: failed to calculate checksum of ref …: "/secret/k": not found']],
    ['one of several sources missing: lstat', 'FROM scratch\nCOPY a nope /x/\n', ['lstat /nope: no such file or directory']],
    ['a glob that matches nothing: fine', 'FROM scratch\nCOPY *.go /x/\n', []],
    ["a glob whose directory is excluded: lstat", 'FROM scratch\nCOPY secret/k/*.k /x/\n', ['lstat /secret/k: no such file or directory']],
    ['present sources: fine', 'FROM scratch\nCOPY a src /x/\n', []],
    ['a directory sent only as the parent of a re-included path: fine', 'FROM scratch\nCOPY secret /x/\n', []],
    ['a symlink leading out of the context: not found', 'FROM scratch\nCOPY out /x\n', ['failed to compute cache key: failed to calculate checksum of ref …: "/out": not found']],
    ['a symlink to a sent directory: fine', 'FROM scratch\nCOPY lnk /x\n', []],
    ['a bind mount source is not a glob: not found', 'FROM scratch\nRUN --mount=type=bind,source=*,target=/m true\n', ['failed to compute cache key: failed to calculate checksum of ref …: "/*": not found']],
  ])('%s (issue 11, real BuildKit)', async (_, dockerfile, expected) => {
    expect(await errors(dockerfile)).toEqual(expected);
  });
});

describe('explain under a Dockerfile', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-explain-parent-');
    await buildTree(tmp.path, [{ file: 'Dockerfile', content: 'FROM scratch\nCOPY src/lib/deep.ts /x\nCOPY . /all\n' }, { file: 'src/lib/deep.ts' }, { file: 'src/other' }]);
  });
  afterAll(() => tmp.cleanup());

  it('a directory sent on the way to a requested file is a parent', async () => {
    const ctx = await computeContext(tmp.path, { target: undefined, dockerfileText: 'FROM scratch\nCOPY src/lib/deep.ts /x\n' });
    expect(ctx.explain('src/lib').request).toMatchObject({ kind: 'parent', instructions: ['Dockerfile:2 COPY src/lib/deep.ts /x'] });
    expect(ctx.explain('src/lib').included).toBe(true);
    expect(ctx.explain('src/other').request?.kind).toBe('not-requested');
  });

  it('COPY . . asks for everything, and explain names it', async () => {
    const ctx = await computeContext(tmp.path);
    expect(ctx.explain('src/other').request).toMatchObject({ kind: 'whole', instructions: ['Dockerfile:3 COPY . /all'] });
  });

  it('a build that reads no context explains every path as not sent', async () => {
    const ctx = await computeContext(tmp.path, { dockerfileText: 'FROM scratch\nENV A=1\n' });
    expect(ctx.explain('src/other')).toMatchObject({ included: false, eligible: true, request: { kind: 'no-context-use' } });
  });
});

describe('files the sender cannot open arrive empty', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-open-');
    await buildTree(tmp.path, [{ file: 'a/f', content: 'x', mode: 0o644, mtime: new Date('2024-01-01T00:00:00Z') }, { file: '.dockerignore', content: 'a\n!a/f\na\n' }]);
  });
  afterAll(() => tmp.cleanup());

  // The walk sends a/f (parent results); Open checks MatchesOrParentMatches, which excludes it.
  // a/f: stat packet 22, then only the closing data packet (id 2: 4 bytes), not the 7-byte chunk.
  it("after a, !a/f, a: a/f is sent, its data is not (issue 11, seen on the real BuildKit)", async () => {
    const ctx = await computeContext(tmp.path, { dockerfileText: 'FROM scratch\nCOPY . /\n' });
    const entry = ctx.entries().find((e) => e.path === 'a/f');
    expect(entry?.transferBytes).toBe(26);
  });
});

describe('found by the real-BuildKit suite', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-real-found-');
    await buildTree(tmp.path, [{ file: 'tgt' }, { symlink: 's', target: 'tgt' }, { hardlink: 'h', target: 's' }, { symlink: 'aa', target: 'nowhere' }]);
  });
  afterAll(() => tmp.cleanup());

  it('a hard-linked symlink is sent as a symlink: its linkname is its target (random seed 18)', async () => {
    const ctx = await computeContext(tmp.path, { dockerfileText: 'FROM scratch\nCOPY . /\n' });
    const bytes = new Map(ctx.entries().map((e) => [e.path, e.transferBytes]));
    expect(bytes.get('h')).toBe(bytes.get('s'));
  });

  it('a control character inside an all-ASCII ignore file fails the request before anything is sent (random seeds 37, 44; issue 11)', async () => {
    await expect(computeContext(tmp.path, { dockerfileText: 'FROM scratch\nCOPY . /\n', extraRules: ['a\fb'] })).rejects.toThrow('header key "exclude-patterns" contains value with non-printable ASCII characters');
    await expect(computeContext(tmp.path, { dockerfileText: 'FROM scratch\nCOPY . /\n', extraRules: ['a\tb'] })).rejects.toThrow('non-printable');
    // The whole-context view stands for a COPY . ., so it fails the same way; a target that reads
    // nothing sends no request, and the legacy builder has no such header.
    await expect(computeContext(tmp.path, { wholeContext: true, extraRules: ['a\tb'] })).rejects.toThrow('non-printable');
    await expect(computeContext(tmp.path, { dockerfileText: 'FROM scratch\n', extraRules: ['a\tb'] })).resolves.toBeDefined();
    await expect(computeContext(tmp.path, { builder: 'legacy', dockerfileText: 'FROM scratch\nCOPY . /\n', extraRules: ['a\tb'] })).resolves.toBeDefined();
  });

  it('beside a non-ASCII rule, a tab or a lone CR passes: BuildKit then encodes the list (random seeds 11, 67)', async () => {
    const ctx = await computeContext(tmp.path, { dockerfileText: 'FROM scratch\nCOPY . /\n', extraRules: ['a\tb', 'c\rd', 'é'] });
    expect(ctx.filePaths()).toContain('tgt');
  });

  it('a glob matching a link that leads nowhere fails with not found (random seed 34)', async () => {
    const ctx = await computeContext(tmp.path, { dockerfileText: 'FROM scratch\nCOPY a* /x/\n' });
    expect(ctx.diagnostics.find((d) => d.code === 'buildkit-source-missing')?.message).toContain('"/aa": not found');
  });

});

import { afterAll, describe, expect, it } from 'vitest';
import type { TreeSpec } from '../trees/tree-spec.js';
import {
  BUSYBOX_IMAGE,
  buildkitOracle,
  formatBuildkitSize,
  fsutilOracleMissing,
  lockDaemon,
  makeBuildkitContext,
  parseRawjsonProgress,
  pruneBuildCache,
  runBuildkitBuild,
  runInChroot,
  startFsutilOracle,
  type BuildkitBuildOptions,
  type BuildkitBuildResult,
  type BuildkitContext,
  type BuildkitOracle,
  type FsutilFilter,
  type FsutilOracle,
} from './index.js';

const found = await buildkitOracle();
const oracle: BuildkitOracle | null = 'skip' in found ? null : found;
const skipped = 'skip' in found ? ` [SKIPPED: ${found.skip}]` : '';
const bkIt = it.skipIf(oracle === null);
const fsutilSkip = oracle === null ? (found as { skip: string }).skip : fsutilOracleMissing(oracle);
const fsutilIt = it.skipIf(fsutilSkip !== null);
let fsutil: FsutilOracle | undefined;

const contexts: BuildkitContext[] = [];
const buildTimes: number[] = [];

afterAll(async () => {
  await fsutil?.close();
  for (const context of contexts) await context.cleanup();
  if (buildTimes.length > 0) {
    const sorted = [...buildTimes].sort((a, b) => a - b);
    console.log(`buildkit oracle: ${sorted.length} builds, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms per first-transfer build (prune, build, read)`);
  }
});

async function context(spec: TreeSpec): Promise<BuildkitContext> {
  const made = await makeBuildkitContext(oracle!, spec, { mtime: new Date('2024-01-01T00:00:00Z') });
  contexts.push(made);
  return made;
}

async function build(dir: string, dockerfile: string, extra: Omit<BuildkitBuildOptions, 'dir' | 'dockerfile'> = {}): Promise<BuildkitBuildResult> {
  const result = await runBuildkitBuild(oracle!, { dir, dockerfile: { text: dockerfile }, ...extra });
  buildTimes.push(result.totalMs);
  return result;
}

const paths = (r: BuildkitBuildResult) => r.received.map((e) => e.path);

const PROJECT: TreeSpec = [
  { file: 'package.json', content: '{"name":"x"}\n', mode: 0o644 },
  { file: 'src/index.ts', content: 'export {};\n', mode: 0o644 },
  { file: 'src/util.ts', content: 'export const u = 1;\n', mode: 0o600 },
  { file: '.env', content: 'SECRET=1\n', mode: 0o644 },
  { file: 'node_modules/a/index.js', content: 'module.exports = 1;\n', mode: 0o644 },
  { file: '.dockerignore', content: '.env\nnode_modules\n', mode: 0o644 },
  { file: 'run.sh', content: '#!/bin/sh\n', mode: 0o755 },
  { symlink: 'latest', target: 'src/index.ts' },
  { dir: 'empty', mode: 0o755 },
];

describe('formatBuildkitSize', () => {
  // Each row was printed by the real BuildKit (--progress=plain, "transferring context: X") for a
  // context whose rawjson count was the left-hand number.
  const printed: [number, string][] = [
    [930, '930B'],
    [1030, '1.03kB'],
    [1125, '1.12kB'], // an exact tie rounds to even, unlike toFixed
    [1135, '1.14kB'],
    [1430, '1.43kB'],
    [1530, '1.53kB'],
    [31032, '31.03kB'],
    [999211, '999.21kB'],
    [1500302, '1.50MB'],
  ];
  it.each(printed)('%i bytes print as %s', (bytes, text) => {
    expect(formatBuildkitSize(bytes)).toBe(text);
  });

  it('keeps whole bytes under 1000 and carries a rounding into the next digit', () => {
    expect(formatBuildkitSize(0)).toBe('0B');
    expect(formatBuildkitSize(999)).toBe('999B');
    expect(formatBuildkitSize(1000)).toBe('1.00kB');
    expect(formatBuildkitSize(9_999_999)).toBe('10.00MB');
  });
});

describe('parseRawjsonProgress', () => {
  it("takes the load step's last transfer count, not the ignore file's", () => {
    const lines = [
      { vertexes: [{ digest: 'sha256:i', name: '[internal] load .dockerignore' }] },
      { statuses: [{ id: 'transferring context:', vertex: 'sha256:i', current: 45 }] },
      { vertexes: [{ digest: 'sha256:c', name: '[internal] load build context' }] },
      { statuses: [{ id: 'transferring context:', vertex: 'sha256:c', current: 32 }] },
      { statuses: [{ id: 'transferring context:', vertex: 'sha256:c', current: 218 }] },
    ];
    const summary = parseRawjsonProgress(`${lines.map((l) => JSON.stringify(l)).join('\n')}\nERROR: failed to build\n`);
    expect(summary).toMatchObject({ loadedContext: true, transferredBytes: 218, loadError: null, text: 'ERROR: failed to build' });
    expect(summary.steps).toEqual(['[internal] load .dockerignore', '[internal] load build context']);
  });
});

describe(`real BuildKit oracle${skipped}`, () => {
  bkIt('COPY . / receives exactly the files the .dockerignore keeps, with their kinds, sizes and modes', async () => {
    const ctx = await context(PROJECT);
    const r = await build(ctx.dir, 'FROM scratch\nCOPY . /\n');
    expect(r.ok).toBe(true);
    expect(r.loadedContext).toBe(true);
    expect(paths(r)).toEqual(['.dockerignore', 'empty', 'latest', 'package.json', 'run.sh', 'src', 'src/index.ts', 'src/util.ts']);
    const byPath = new Map(r.received.map((e) => [e.path, e]));
    expect(byPath.get('src/util.ts')).toMatchObject({ kind: 'file', size: 20, mode: 0o600 });
    expect(byPath.get('run.sh')).toMatchObject({ kind: 'file', size: 10, mode: 0o755 });
    expect(byPath.get('latest')).toMatchObject({ kind: 'symlink', target: 'src/index.ts' });
    expect(byPath.get('empty')).toMatchObject({ kind: 'dir' });
    expect(r.transferredBytes).toBeGreaterThan(0);
    expect(r.transferred).toBe(formatBuildkitSize(r.transferredBytes!));
  });

  bkIt('the buildx plugin run on its own transfers and receives what `docker buildx build` does', async () => {
    const ctx = await context(PROJECT);
    const dockerfile = 'FROM scratch\nCOPY . /\n';
    const direct = await build(ctx.dir, dockerfile);
    const viaDocker = await build(ctx.dir, dockerfile, { cli: 'docker' });
    expect(viaDocker.ok).toBe(true);
    expect(direct.received).toEqual(viaDocker.received);
    expect(direct.transferredBytes).toBe(viaDocker.transferredBytes);
    // The same steps; the order in which BuildKit reports them varies between runs (the context's load
    // can be reported after the COPY that waits for it starts).
    expect([...direct.steps].sort()).toEqual([...viaDocker.steps].sort());
  });

  bkIt('COPY package.json ./ receives just that file', async () => {
    const ctx = await context(PROJECT);
    const r = await build(ctx.dir, 'FROM scratch\nCOPY package.json ./\n');
    expect(r.ok).toBe(true);
    expect(r.received).toEqual([{ path: 'package.json', kind: 'file', size: 13, mode: 0o644 }]);
    expect(r.transferredBytes).toBeGreaterThan(13);
  });

  bkIt('a Dockerfile with only ENV has no load step and receives nothing', async () => {
    const ctx = await context(PROJECT);
    const r = await build(ctx.dir, 'FROM scratch\nENV A=1\n');
    expect(r.ok).toBe(true);
    expect(r.loadedContext).toBe(false);
    expect(r.steps).not.toContain('[internal] load build context');
    expect(r.transferredBytes).toBeUndefined();
    expect(r.received).toEqual([]);
  });

  bkIt('a missing plain COPY source fails with "not found"', async () => {
    const ctx = await context(PROJECT);
    const r = await build(ctx.dir, 'FROM scratch\nCOPY missing /\n');
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/^failed to build: failed to solve: failed to compute cache key: .*"\/missing": not found$/);
  });

  bkIt('the transfer figure is the one --progress=plain prints (1,125 bytes: an exact tie)', async () => {
    // A lone 1,095-byte file costs 1,125 bytes on the wire (seen on this BuildKit).
    const ctx = await context([{ file: 'f', size: 1095 }]);
    const dockerfile = 'FROM scratch\nCOPY f /\n';
    const measured = await build(ctx.dir, dockerfile);
    expect(measured.transferredBytes).toBe(1125);
    const release = await lockDaemon(oracle!);
    try {
      await pruneBuildCache(oracle!.socket);
      const plain = await runInChroot(oracle!, ['build', '--progress=plain', '--network=none', '--output', 'type=cacheonly', '-f', '-', ctx.dirInChroot], { stdin: dockerfile, timeoutMs: 120_000 });
      expect(plain.exitCode).toBe(0);
      const figures = [...plain.stderr.matchAll(/transferring context: (\S+)/g)].map((m) => m[1]);
      expect(figures.at(-1)).toBe(measured.transferred);
      expect(measured.transferred).toBe('1.12kB');
    } finally {
      await release();
    }
  });

  bkIt(`RUN works offline on ${BUSYBOX_IMAGE}, and a bind mount with a source receives only that path`, async () => {
    const ctx = await context(PROJECT);
    const r = await build(ctx.dir, `FROM ${BUSYBOX_IMAGE}\nRUN --mount=type=bind,source=src,target=/m cat /m/index.ts\n`);
    expect(r.error).toBeUndefined();
    expect(paths(r)).toEqual(['src', 'src/index.ts', 'src/util.ts']);
  });

  bkIt('--target skips a stage that copies the whole context', async () => {
    const ctx = await context(PROJECT);
    const r = await build(ctx.dir, 'FROM scratch AS deps\nCOPY package.json /\nFROM scratch\nCOPY . /\n', { target: 'deps' });
    expect(r.ok).toBe(true);
    expect(paths(r)).toEqual(['package.json']);
  });

  bkIt('a Dockerfile.dockerignore beside the Dockerfile replaces the context\'s .dockerignore (no ignore-file load from the context)', async () => {
    const ctx = await context([
      { file: 'f', content: 'x' },
      { file: 'g', content: 'x' },
      { file: '.dockerignore', content: 'f\n' },
    ]);
    const r = await build(ctx.dir, 'FROM scratch\nCOPY . /\n', { dockerfileIgnore: 'g\n' });
    expect(r.ok).toBe(true);
    expect(r.steps).not.toContain('[internal] load .dockerignore');
    expect(paths(r)).toEqual(['.dockerignore', 'f']);
  });

  bkIt('an unprivileged client: an unreadable file arrives empty, an unreadable directory fails the load', async () => {
    const file = await context([{ file: 'f', content: 'hello', mode: 0o000 }, { file: 'g', content: 'x', mode: 0o644 }]);
    const sent = await build(file.dir, 'FROM scratch\nCOPY . /\n', { user: 'builder' });
    expect(sent.received).toEqual([
      { path: 'f', kind: 'file', size: 0, mode: 0o000 },
      { path: 'g', kind: 'file', size: 1, mode: 0o644 },
    ]);
    const dir = await context([{ file: 'd/f', content: 'x' }, { dir: 'd', mode: 0o000 }]);
    const failed = await build(dir.dir, 'FROM scratch\nCOPY . /\n', { user: 'builder' });
    expect(failed.ok).toBe(false);
    expect(failed.error).toBe(`failed to build: failed to solve: error from sender: open ${dir.dirInChroot}/d: permission denied`);
    expect(failed.loadError).toBe(`error from sender: open ${dir.dirInChroot}/d: permission denied`);
    expect(failed.received).toEqual([]);
  });
});

describe(`fsutil oracle (fsutil's Send into its Receive) against the real BuildKit${fsutilSkip === null ? '' : ` [SKIPPED: ${fsutilSkip}]`}`, () => {
  // Each row: a tree, the COPY, and the filter BuildKit asks the client for. For COPY . / that is
  // the ignore file's patterns as excludes; for a named source, the source as include and follow path.
  const rows: [string, TreeSpec, string, FsutilFilter][] = [
    ['COPY . / with a .dockerignore', PROJECT, 'COPY . /', { exclude: ['.env', 'node_modules'] }],
    ['a lone 1,095-byte file', [{ file: 'f', size: 1095 }], 'COPY . /', {}],
    ['a hard link, a FIFO and an empty directory', [{ file: 'f', content: 'hello' }, { hardlink: 'h', target: 'f' }, { fifo: 'p' }, { dir: 'e' }], 'COPY . /', {}],
    ['a, !a/f, a: a/f is listed, then sent empty', [{ file: 'a/f', content: 'hello' }, { file: 'a/g', content: 'x' }], 'COPY . /', { exclude: ['a', '!a/f', 'a'] }],
    ['a copied symlink brings its target directory', [{ file: 'src/a.ts', content: 'x' }, { file: 'src/b/c.ts', content: 'x' }, { symlink: 'lnk', target: 'src' }], 'COPY lnk /', { include: ['lnk'], follow: ['lnk'] }],
    ['src/**/*.ts', [{ file: 'src/a.ts', content: 'x' }, { file: 'src/b/c.ts', content: 'x' }, { file: 'src/d.js', content: 'x' }], 'COPY src/**/*.ts /', { include: ['src/**/*.ts'], follow: ['src/**/*.ts'] }],
  ];
  fsutilIt.each(rows)('%s: the same bytes and entries', async (_name, spec, copy, filter) => {
    const ignore = filter.exclude ? [{ file: '.dockerignore', content: `${filter.exclude.join('\n')}\n` }] : [];
    const withIgnore = spec.some((e) => 'file' in e && e.file === '.dockerignore') ? spec : [...spec, ...ignore];
    const ctx = await context(withIgnore);
    fsutil ??= startFsutilOracle(oracle!);
    const real = await build(ctx.dir, `FROM scratch\n${copy}\n`);
    const sent = await fsutil.transfer(ctx.dir, filter);
    expect(sent.error).toBeUndefined();
    expect(sent.bytes).toBe(real.transferredBytes);
    expect(sent.received).toEqual(real.received);
  });
});

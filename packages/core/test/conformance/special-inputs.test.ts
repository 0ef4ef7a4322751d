// Special files where Docker reads its inputs: a .dockerignore or Dockerfile that is a symlink
// (dangling, out of the context, to a directory, to a device), a FIFO, a device as `-f`. Each case
// runs the real Docker CLI (legacy builder, fake daemon) and computeContext on the same tree.
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { computeContext, formatDockerSize, InputError } from '@ctxlens/core';
import { dockerCliStatus, type FakeDaemon, makeTempDir, runLegacyBuild, startFakeDaemon, type TempDir, type TreeSpec } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMismatch, runConformanceCase } from './docker-compare.js';

const docker = dockerCliStatus();
const skipped = docker.available ? '' : ` [skipped: ${docker.reason}]`;

/** A case: the context's tree, plus files written beside the context (`outside/…`) before it is built. */
interface SpecialCase {
  readonly name: string;
  /** The context; `OUT` in a symlink target is replaced by the absolute path of the `outside` directory. */
  readonly tree: TreeSpec;
  readonly outside?: Readonly<Record<string, string>>;
  /** The part of Docker's error both sides must show, when Docker refuses the build. */
  readonly refused?: string;
}

const DF = { file: 'Dockerfile', content: 'FROM scratch\n' };
const A = { file: 'a.txt', content: 'a\n' };

// Docker's behaviour in each row was observed with the real CLI 28 (DOCKER_BUILDKIT=0) first.
const CASES: SpecialCase[] = [
  { name: '.dockerignore is a dangling symlink: absent, everything is sent', tree: [DF, A, { symlink: '.dockerignore', target: 'nowhere' }] },
  { name: '.dockerignore links to a file outside the context: followed', tree: [DF, A, { symlink: '.dockerignore', target: 'OUT/ignore' }], outside: { ignore: 'a.txt\n' } },
  { name: '.dockerignore links to /inner: the host path, not the context (absent here)', tree: [DF, A, { file: 'inner', content: 'a.txt\n' }, { symlink: '.dockerignore', target: '/inner-ctxlens-nonexistent' }] },
  { name: '.dockerignore links to /dev/null: empty', tree: [DF, A, { symlink: '.dockerignore', target: '/dev/null' }] },
  { name: '.dockerignore links to /dev/zero: token too long, at once', tree: [DF, A, { symlink: '.dockerignore', target: '/dev/zero' }], refused: 'bufio.Scanner: token too long' },
  { name: '.dockerignore is a directory', tree: [DF, A, { dir: '.dockerignore' }], refused: 'is a directory' },
  { name: '.dockerignore links to a directory outside', tree: [DF, A, { symlink: '.dockerignore', target: 'OUT' }], outside: { x: '' }, refused: 'is a directory' },
  { name: '.dockerignore is a symlink loop', tree: [DF, A, { symlink: '.dockerignore', target: '.dockerignore' }], refused: 'too many levels of symbolic links' },
  { name: 'Dockerfile links inside the context', tree: [{ file: 'real.df', content: 'FROM scratch\n' }, { symlink: 'Dockerfile', target: 'real.df' }, A] },
  { name: 'Dockerfile links outside the context, no -f: open of an empty name', tree: [{ symlink: 'Dockerfile', target: 'OUT/df' }, A], outside: { df: 'FROM scratch\n' }, refused: 'unable to open Dockerfile: open : no such file or directory' },
  { name: 'dockerfile (lowercase) links outside the context, no -f', tree: [{ symlink: 'dockerfile', target: 'OUT/df' }, A], outside: { df: 'FROM scratch\n' }, refused: 'unable to open Dockerfile: open : no such file or directory' },
  { name: 'Dockerfile is a dangling symlink: where symlink evaluation stopped', tree: [{ symlink: 'Dockerfile', target: 'nowhere' }, A], refused: 'unable to evaluate symlinks in Dockerfile path: lstat ' },
  { name: 'Dockerfile is a FIFO in the context: sent as a FIFO, never read', tree: [{ fifo: 'Dockerfile' }, A] },
  { name: 'Dockerfile of 200 kB in the context: sent like any file', tree: [{ file: 'Dockerfile', content: `FROM scratch\n${'#'.repeat(200_000)}\n` }, A] },
];

describe(`special input files, against docker ${docker.available ? docker.version : ''}${skipped}`, () => {
  let daemon: FakeDaemon;
  let tmp: TempDir;
  beforeAll(async () => {
    if (!docker.available) return;
    daemon = await startFakeDaemon();
    tmp = await makeTempDir('ctxlens-special-');
  });
  afterAll(async () => {
    await daemon?.close();
    await tmp?.cleanup();
  });

  it.skipIf(!docker.available).each(CASES.map((c, i) => [c.name, c, i] as const))(`%s${skipped}`, async (_, c, i) => {
    const base = join(tmp.path, `case-${i}`);
    const outside = join(base, 'outside');
    await mkdir(outside, { recursive: true });
    for (const [name, content] of Object.entries(c.outside ?? {})) await writeFile(join(outside, name), content);
    const tree = c.tree.map((e) => ('symlink' in e ? { ...e, target: e.target.replace('OUT', outside) } : e));
    const outcome = await runConformanceCase(daemon, join(base, 'ctx'), { label: c.name, tree, dockerignore: null });
    expect(outcome.problems, formatMismatch(outcome, null)).toEqual([]);
    if (c.refused === undefined) {
      expect(outcome.dockerError).toBeNull();
    } else {
      expect(outcome.dockerError).toContain(c.refused);
      expect(outcome.ourError).toContain(c.refused);
    }
  });

  it.skipIf(!docker.available)(`-f /dev/null (outside the context): read as an empty Dockerfile, same upload${skipped}`, async () => {
    const ctx = join(tmp.path, 'dev-null');
    await mkdir(ctx);
    await writeFile(join(ctx, 'a.txt'), 'a\n');
    const real = await runLegacyBuild(daemon, ctx, { dockerfile: '/dev/null' });
    const ours = await computeContext(ctx, { builder: 'legacy', dockerfile: '/dev/null' });
    expect(real.error).toBeNull();
    const possible = [ours.sizes.tarBytes, ...(ours.sizes.otherTarBytes === undefined ? [] : [ours.sizes.otherTarBytes])];
    expect(possible).toContain(real.tarBytes);
    expect(possible.map(formatDockerSize)).toContain(real.printedSize);
  });

  it.skipIf(!docker.available)(`-f naming a directory outside the context: "is a directory"${skipped}`, async () => {
    const ctx = join(tmp.path, 'df-dir', 'ctx');
    const dir = join(tmp.path, 'df-dir', 'Dockerfile.d');
    await mkdir(ctx, { recursive: true });
    await mkdir(dir);
    const real = await runLegacyBuild(daemon, ctx, { dockerfile: dir });
    const error: unknown = await computeContext(ctx, { builder: 'legacy', dockerfile: dir }).catch((e: unknown) => e);
    expect(real.error).toBe(`read ${dir}: is a directory`);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain('is a directory');
  });
});

/**
 * Builds, under `ctx`, a Dockerfile and one file whose absolute path (symlinks resolved, as Docker
 * walks it) is exactly `total` bytes, under 200-byte directory names.
 * @returns the file's path relative to the context
 */
function deepFile(ctx: string, total: number): string {
  const root = realpathSync(ctx);
  const segments: string[] = [];
  let length = root.length;
  while (length + 201 + 101 < total) {
    segments.push('d'.repeat(200));
    length += 201;
  }
  segments.push('e'.repeat(total - length - 1 - 101), 'f'.repeat(100));
  // Node's fs takes absolute paths, which the kernel refuses from 4096 bytes on: a shell builds the tree one directory at a time.
  const script = 'cd "$1" && shift && while [ $# -gt 1 ]; do mkdir "$1" && cd "$1" && shift; done && echo deep > "$1"';
  execFileSync('sh', ['-c', script, 'sh', root, ...segments]);
  writeFileSync(join(root, 'Dockerfile'), 'FROM scratch\n');
  return segments.join('/');
}

describe(`paths of PATH_MAX bytes, against docker ${docker.available ? docker.version : ''}${skipped}`, () => {
  let daemon: FakeDaemon;
  let tmp: TempDir;
  beforeAll(async () => {
    if (!docker.available) return;
    daemon = await startFakeDaemon();
    tmp = await makeTempDir('ctxlens-path-max-');
  });
  afterAll(async () => {
    await daemon?.close();
    // Node removes through absolute paths, which the kernel refuses from 4096 bytes on.
    if (tmp !== undefined) execFileSync('rm', ['-rf', tmp.path]);
  });

  // Observed: 4095 bytes pass, 4096 fail with "error checking context: lstat <path>: file name too long",
  // even when a rule excludes the file itself (filepath.Walk lstat's before the rule is asked).
  it.skipIf(!docker.available).each([
    ['4095 bytes: sent', 4095, null, false],
    ['4096 bytes: file name too long', 4096, null, true],
    ['4096 bytes, the file itself excluded: still too long', 4096, '**/fff*\n', true],
    ['4096 bytes under an excluded directory: never reached', 4096, 'd*\n', false],
  ] as const)(`%s${skipped}`, async (name, total, ignore, fails) => {
    const ctx = join(tmp.path, name.replace(/\W+/g, '-'));
    mkdirSync(ctx);
    const rel = deepFile(ctx, total);
    if (ignore !== null) writeFileSync(join(ctx, '.dockerignore'), ignore);
    const real = await runLegacyBuild(daemon, ctx);
    const ours = await computeContext(ctx, { builder: 'legacy' }).catch((e: unknown) => e as Error);
    if (fails) {
      const message = `error checking context: lstat ${realpathSync(ctx)}/${rel.slice(0, rel.lastIndexOf('/'))}/`;
      expect(real.error).toContain(message);
      expect(real.error).toMatch(/: file name too long$/);
      expect(ours).toBeInstanceOf(InputError);
      expect(real.error).toBe((ours as InputError).message);
    } else {
      expect(real.error).toBeNull();
      expect(ours).not.toBeInstanceOf(Error);
      const names = (ours as Awaited<ReturnType<typeof computeContext>>).entries().map((e) => (e.kind === 'dir' ? `${e.path}/` : e.path));
      expect(names).toEqual(real.entries.map((e) => e.name));
    }
  });
});

// Docker itself never finishes these (it blocks opening the FIFO, or reads /dev/zero until memory
// runs out: observed with a 10 s timeout), so ctxlens refuses them instead, at once.
describe('inputs Docker would block on or read without end are refused', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-special-refused-');
    await mkdir(join(tmp.path, 'ctx'));
    await writeFile(join(tmp.path, 'ctx', 'Dockerfile'), 'FROM scratch\n');
    execFileSync('mkfifo', [join(tmp.path, 'fifo.Dockerfile')]);
  });
  afterAll(() => tmp.cleanup());

  it.each([
    ['-f /dev/zero', { dockerfile: '/dev/zero' }, /Dockerfile \/dev\/zero holds more than 32 MiB/],
    ['--ignore-file /dev/zero', { ignoreFile: '/dev/zero' }, /bufio\.Scanner: token too long/],
    ['-f naming a FIFO outside the context', { dockerfile: 'FIFO' }, /Dockerfile .*fifo\.Dockerfile is a FIFO \(named pipe\), not a regular file/],
  ] as const)('%s', async (_, options, message) => {
    const ctx = join(tmp.path, 'ctx');
    const dockerfile = 'dockerfile' in options ? options.dockerfile.replace('FIFO', join(tmp.path, 'fifo.Dockerfile')) : undefined;
    await expect(computeContext(ctx, { builder: 'legacy', ...options, ...(dockerfile === undefined ? {} : { dockerfile }) })).rejects.toThrow(message);
  });
});

// No BuildKit daemon here: these rows follow fsutil's FollowLinks and the frontend's read of the
// snapshot (links resolved inside the context), read from their source.
describe('BuildKit resolves a .dockerignore link inside the context (read from the fsutil source; the four rows were run on the real BuildKit 28.5.2 oracle on 2026-12-06 and received exactly these files)', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-special-buildkit-');
    await writeFile(join(tmp.path, 'outside-ignore'), 'b.txt\n');
  });
  afterAll(() => tmp.cleanup());

  it.each([
    ['an absolute target is taken from the context', '/rules', ['.dockerignore', 'Dockerfile', 'b.txt', 'rules'], ['.dockerignore', 'Dockerfile', 'a.txt', 'b.txt', 'rules']],
    ['.. stops at the context root', '../../../../../../../../rules', ['.dockerignore', 'Dockerfile', 'b.txt', 'rules'], ['.dockerignore', 'Dockerfile', 'a.txt', 'b.txt', 'rules']],
    ['a target outside the context is not there', 'OUT', ['.dockerignore', 'Dockerfile', 'a.txt', 'b.txt', 'rules'], ['.dockerignore', 'Dockerfile', 'a.txt', 'rules']],
    ['a dangling link is no ignore file', 'nowhere', ['.dockerignore', 'Dockerfile', 'a.txt', 'b.txt', 'rules'], ['.dockerignore', 'Dockerfile', 'a.txt', 'b.txt', 'rules']],
  ] as const)('%s', async (name, target, buildkit, legacy) => {
    const ctx = join(tmp.path, name.replace(/\W+/g, '-'));
    await mkdir(ctx);
    for (const [file, content] of [['Dockerfile', 'FROM scratch\n'], ['a.txt', 'a\n'], ['b.txt', 'b\n'], ['rules', 'a.txt\n']] as const) await writeFile(join(ctx, file), content);
    symlinkSync(target.replace('OUT', join(tmp.path, 'outside-ignore')), join(ctx, '.dockerignore'));
    const paths = async (builder: 'buildkit' | 'legacy'): Promise<string[]> => (await computeContext(ctx, { builder, wholeContext: true })).entries().map((e) => e.path);
    expect(await paths('buildkit')).toEqual(buildkit);
    expect(await paths('legacy')).toEqual(legacy);
  });
});

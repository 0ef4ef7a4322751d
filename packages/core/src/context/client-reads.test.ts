// What BuildKit's client does with entries it cannot read as files: sockets, unreadable files and
// unreadable directories. The figures come from the real BuildKit (Docker 28.5.2, buildx 0.29.1),
// each measured once and checked again by test/conformance/buildkit-real.test.ts.
import * as fs from 'node:fs';
import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFs, type FsAdapter } from '../fs-adapter.js';
import { computeContext, computeContextWithBaseline, measureContext } from './compute-context.js';
import { evaluate } from './evaluate.js';

const MTIME = new Date('2024-01-01T00:00:00Z');

describe('a unix socket under BuildKit', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-socket-');
    await buildTree(tmp.path, [{ file: 'Dockerfile', content: 'FROM scratch\n' }, { file: 'd/a', content: 'hello' }, { socket: 'd/sock', mode: 0o640 }], { mtime: MTIME });
  });
  afterAll(() => tmp.cleanup());

  it('is sent as an entry, with a stat packet and an empty data packet: 87 bytes on the real BuildKit', async () => {
    const ctx = await computeContext(tmp.path, { builder: 'buildkit', dockerfileText: 'FROM scratch\nCOPY d /d\n' });
    expect(ctx.entries().map((e) => [e.path, e.kind])).toEqual([
      ['d', 'dir'],
      ['d/a', 'file'],
      ['d/sock', 'socket'],
    ]);
    expect(ctx.sizes.transferBytes).toBe(87);
    expect(ctx.sizes.others).toBe(1);
    expect(ctx.diagnostics.map((d) => d.code)).not.toContain('socket-skipped');
    expect(ctx.explain('d/sock').included).toBe(true);
    expect(ctx.explain('d/sock').notSent).toBeUndefined();
  });

  it('is still left out by the legacy builder, with its note', async () => {
    const ctx = await computeContext(tmp.path, { builder: 'legacy' });
    expect(ctx.filePaths()).toEqual(['Dockerfile', 'd/a']);
    expect(ctx.diagnostics.map((d) => d.code)).toContain('socket-skipped');
    expect(ctx.explain('d/sock')).toMatchObject({ included: false, notSent: expect.stringContaining('archive/tar') });
  });

  it('counts in the unfiltered totals under BuildKit only, whether read whole or tallied', async () => {
    for (const builder of ['buildkit', 'legacy'] as const) {
      const { unfiltered } = await computeContextWithBaseline(tmp.path, { builder, wholeContext: true });
      const measured = await measureContext(tmp.path, { builder, wholeContext: true }, { threads: 2, minEntries: 1 });
      expect(unfiltered.sizes.others).toBe(builder === 'buildkit' ? 1 : 0);
      expect(measured.unfilteredSizes.entries).toBe(unfiltered.sizes.entries);
      expect(measured.unfilteredSizes.others).toBe(unfiltered.sizes.others);
    }
  });
});

describe('a non-root BuildKit client', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-unreadable-');
    await buildTree(tmp.path, [{ file: 'f', content: 'hello world', mode: 0o000 }, { file: 'g', content: 'x', mode: 0o644 }, { file: 'd/f', content: 'x' }], { mtime: MTIME });
  });
  afterAll(() => tmp.cleanup());

  it('sends a file it cannot read with its size in the stat packet, and no content: 52 bytes on the real BuildKit', async () => {
    const { context } = await computeContextWithBaseline(tmp.path, { builder: 'buildkit', dockerfileText: 'FROM scratch\nCOPY f g /\n' });
    const asked: string[] = [];
    const cannotRead = (path: string): void => {
      asked.push(path);
      if (path.endsWith('f')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    };
    const asUser = evaluate(context.inventory, { builder: 'buildkit', inputs: context.inputs, source: { ignoreFile: context.ignoreFile, rules: context.rawRules }, checkReadable: true, accessRead: cannotRead, plan: context.plan });
    // Only a file not readable by all is checked: g (0644) is taken as readable.
    expect(asked.map((p) => p.slice(-1))).toEqual(['f']);
    // 11 bytes of data in one packet (tag, length, bytes, and the packet's type field) are not sent.
    expect(asUser.sizes.transferBytes).toBe(context.sizes.transferBytes! - 15);
    expect(asUser.sizes.transferBytes).toBe(52);
    expect(asUser.diagnostics).toContainEqual(expect.objectContaining({ code: 'buildkit-unreadable-file', path: 'f' }));
    expect(asUser.entries().map((e) => e.path)).toEqual(['f', 'g']);
  });

  /** The real file system, except that directory `d` cannot be listed. */
  const denyD: FsAdapter = {
    ...nodeFs,
    readdir: (path) => {
      if (path.endsWith('/d') || path === 'd') throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
      return nodeFs.readdir(path);
    },
  };

  it.each([
    ['d\n!**/f\n', true],
    ['d\n!d/f\n', true],
    ['d\n!x/*.go\n', true],
    ['d\n', false],
    ['*\n!g\n', false],
  ])('fails on an unreadable directory the walk opens, excluded or not (ignore file %j: fails %s, as on the real BuildKit)', async (ignore, fails) => {
    fs.writeFileSync(`${tmp.path}/.dockerignore`, ignore);
    try {
      const run = computeContext(tmp.path, { builder: 'buildkit', dockerfileText: 'FROM scratch\nCOPY . /\n', fs: denyD });
      if (fails) await expect(run).rejects.toMatchObject({ code: 'PERMISSION_DENIED', message: expect.stringMatching(/error from sender: open .*\/d: permission denied/) });
      else await expect(run).resolves.toBeDefined();
    } finally {
      fs.rmSync(`${tmp.path}/.dockerignore`);
    }
  });

  it('does not open an unreadable directory outside every requested path when no request holds a glob', async () => {
    await expect(computeContext(tmp.path, { builder: 'buildkit', dockerfileText: 'FROM scratch\nCOPY g /\n', fs: denyD })).resolves.toBeDefined();
    await expect(computeContext(tmp.path, { builder: 'buildkit', dockerfileText: 'FROM scratch\nCOPY *.txt /\n', fs: denyD })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
  });
});

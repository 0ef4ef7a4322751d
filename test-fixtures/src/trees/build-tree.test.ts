import { lstat, open, readdir, readFile, readlink, realpath, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTree } from './build-tree.js';
import { makeTempDir } from './make-temp-dir.js';
import type { TempDir } from './make-temp-dir.js';
import type { TreeSpec } from './tree-spec.js';

const HOSTILE_NAMES = [
  'with space.txt',
  '[brackets].txt',
  'a+(b)c.txt',
  '#hash',
  '!bang',
  'back\\slash',
  '*star?',
  'é',
  '日本',
  '🐳 whale',
  'x'.repeat(150),
  '日本'.repeat(40),
  'new\nline',
  'carriage\rreturn',
  ' leading and trailing ',
];

let temp: TempDir;
beforeEach(async () => {
  temp = await makeTempDir('ctxlens-build-tree-');
});
afterEach(async () => {
  await temp.cleanup();
});

describe('buildTree', () => {
  it('creates each kind of entry, with implied parents', async () => {
    await buildTree(temp.path, [
      { file: 'a/b/c.txt', content: 'hello' },
      { file: 'bin.dat', content: Buffer.from([0, 1, 2, 255]) },
      { dir: 'empty/' },
      { symlink: 'dangling', target: 'whatever/even/dangling' },
      { symlink: 'a/up', target: '../bin.dat' },
      { hardlink: 'h2', target: 'a/b/c.txt' },
      { fifo: 'pipe' },
      { socket: 'sock' },
    ]);
    const kinds = async (rel: string) => {
      const s = await lstat(join(temp.path, rel));
      return { file: s.isFile(), dir: s.isDirectory(), link: s.isSymbolicLink(), fifo: s.isFIFO(), socket: s.isSocket() };
    };
    expect(await kinds('a')).toMatchObject({ dir: true });
    expect(await kinds('a/b/c.txt')).toMatchObject({ file: true });
    expect(await readFile(join(temp.path, 'a/b/c.txt'), 'utf8')).toBe('hello');
    expect([...(await readFile(join(temp.path, 'bin.dat')))]).toEqual([0, 1, 2, 255]);
    expect(await kinds('empty')).toMatchObject({ dir: true });
    expect(await readdir(join(temp.path, 'empty'))).toEqual([]);
    expect(await kinds('dangling')).toMatchObject({ link: true });
    expect(await readlink(join(temp.path, 'dangling'))).toBe('whatever/even/dangling');
    await expect(stat(join(temp.path, 'dangling'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readFile(join(temp.path, 'a/up'))).toHaveLength(4);
    expect(await kinds('pipe')).toMatchObject({ fifo: true, file: false });
    expect(await kinds('sock')).toMatchObject({ socket: true, file: false });
    expect((await readdir(temp.path)).sort()).toEqual(['a', 'bin.dat', 'dangling', 'empty', 'h2', 'pipe', 'sock']);
  });

  it('makes sparse files that report their size but hold almost no blocks', async () => {
    const gib = 1024 ** 3;
    await buildTree(temp.path, [
      { file: 'huge.bin', size: gib },
      { file: 'headed.pack', content: 'PACK\0\0\0\x02', size: 120_000_000 },
    ]);
    const huge = await stat(join(temp.path, 'huge.bin'));
    expect(huge.size).toBe(gib);
    expect(huge.blocks * 512).toBeLessThan(64 * 1024);
    const headed = await stat(join(temp.path, 'headed.pack'));
    expect(headed.size).toBe(120_000_000);
    expect(headed.blocks * 512).toBeLessThan(64 * 1024);
    const head = Buffer.alloc(8);
    const handle = await open(join(temp.path, 'headed.pack'), 'r');
    await handle.read(head, 0, 8, 0);
    await handle.close();
    expect(head.toString('latin1')).toBe('PACK\0\0\0\x02');
  });

  it('hard links share an inode', async () => {
    await buildTree(temp.path, [
      { file: 'h1', content: 'same bytes' },
      { hardlink: 'h2', target: 'h1' },
      { hardlink: 'deep/h3', target: 'h2' },
    ]);
    const [h1, h2, h3] = await Promise.all(['h1', 'h2', 'deep/h3'].map((rel) => lstat(join(temp.path, rel))));
    expect(h2!.ino).toBe(h1!.ino);
    expect(h3!.ino).toBe(h1!.ino);
    expect(h1!.nlink).toBe(3);
  });

  it('applies modes regardless of the umask, read-only directories included', async () => {
    await buildTree(temp.path, [
      { file: 'locked/secret', content: 's', mode: 0o600 },
      { file: 'run.sh', content: '#!/bin/sh\n', mode: 0o755 },
      { file: 'none', mode: 0o000 },
      { dir: 'locked', mode: 0o555 },
      { fifo: 'pipe', mode: 0o640 },
    ]);
    const mode = async (rel: string) => (await lstat(join(temp.path, rel))).mode & 0o7777;
    expect(await mode('locked')).toBe(0o555);
    expect(await mode('locked/secret')).toBe(0o600);
    expect(await mode('run.sh')).toBe(0o755);
    expect(await mode('none')).toBe(0o000);
    expect(await mode('pipe')).toBe(0o640);
  });

  it('fixes mtimes, keeping directory mtimes after their children are created', async () => {
    const fixed = new Date('2024-05-14T09:30:00Z');
    const own = new Date('1985-10-26T08:15:00Z');
    await buildTree(
      temp.path,
      [
        { file: 'pkg/index.js', content: 'x', mtime: own },
        { file: 'pkg/README.md', content: 'y' },
        { dir: 'pkg/lib', mtime: own },
        { file: 'pkg/lib/a.js', content: 'a' },
        { symlink: 'pkg/link', target: 'index.js', mtime: own },
      ],
      { mtime: fixed },
    );
    const mtime = async (rel: string) => (await lstat(join(temp.path, rel))).mtime.toISOString();
    expect(await mtime('pkg')).toBe(fixed.toISOString());
    expect(await mtime('pkg/index.js')).toBe(own.toISOString());
    expect(await mtime('pkg/README.md')).toBe(fixed.toISOString());
    expect(await mtime('pkg/lib')).toBe(own.toISOString());
    expect(await mtime('pkg/link')).toBe(own.toISOString());
  });

  it.each(HOSTILE_NAMES.map((name) => [JSON.stringify(name), name] as const))('handles the hostile name %s', async (_, name) => {
    const spec: TreeSpec = [
      { file: `${name}/${name}`, content: name },
      { dir: `dirs/${name}` },
      { symlink: `links/${name}`, target: `../${name}/${name}` },
      { hardlink: `hard/${name}`, target: `${name}/${name}` },
      { fifo: `fifos/${name}` },
      { socket: `sockets/${name}` },
    ];
    await buildTree(temp.path, spec);
    expect(await readdir(join(temp.path, name))).toEqual([name]);
    expect(await readFile(join(temp.path, name, name), 'utf8')).toBe(name);
    expect((await lstat(join(temp.path, 'dirs', name))).isDirectory()).toBe(true);
    expect(await readFile(join(temp.path, 'links', name), 'utf8')).toBe(name);
    expect((await lstat(join(temp.path, 'hard', name))).nlink).toBe(2);
    expect((await lstat(join(temp.path, 'fifos', name))).isFIFO()).toBe(true);
    expect((await lstat(join(temp.path, 'sockets', name))).isSocket()).toBe(true);
    expect(await readdir(join(temp.path, 'sockets'))).toEqual([name]);
  });

  it('creates sockets below paths longer than a sockaddr_un can hold', async () => {
    const deep = `${'d'.repeat(200)}/${'e'.repeat(200)}`;
    await buildTree(temp.path, [{ socket: `${deep}/s` }]);
    expect((await lstat(join(temp.path, deep, 's'))).isSocket()).toBe(true);
    expect(await readdir(join(temp.path, deep))).toEqual(['s']);
  });

  it.each([
    ['an absolute path', [{ file: '/etc/x' }]],
    ['a parent segment', [{ file: 'a/../../x' }]],
    ['an empty segment', [{ file: 'a//b' }]],
    ['a duplicate path', [{ file: 'a' }, { file: 'a/' }]],
    ['a path that is both a file and a directory', [{ file: 'a' }, { dir: 'a' }]],
    ['a size smaller than the content', [{ file: 'a', content: 'abc', size: 2 }]],
  ] as const)('rejects %s', async (_, spec) => {
    await expect(buildTree(temp.path, spec)).rejects.toThrow();
  });

  it('refuses to write through an existing entry', async () => {
    await writeFile(join(temp.path, 'taken'), 'old');
    await expect(buildTree(temp.path, [{ file: 'taken', content: 'new' }])).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(join(temp.path, 'taken'), 'utf8')).toBe('old');
  });
});

describe('makeTempDir', () => {
  it('creates a directory under the OS temp dir and removes it, locked entries included', async () => {
    const scratch = await makeTempDir('ctxlens-scratch-');
    expect(scratch.path.startsWith(join(await realpath(tmpdir()), 'ctxlens-scratch-'))).toBe(true);
    await buildTree(scratch.path, [{ file: 'ro/inner/f', mode: 0o000 }, { dir: 'ro', mode: 0o555 }, { dir: 'ro/inner', mode: 0o000 }]);
    await scratch.cleanup();
    await expect(lstat(scratch.path)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanInSlices } from './live/load.js';
import { InputError } from './errors.js';
import { IGNORE_FILE_LIMITS, readInputFile } from './input-file.js';

let tmp: TempDir;
beforeAll(async () => {
  tmp = await makeTempDir('ctxlens-input-file-');
  execFileSync('mkfifo', [join(tmp.path, 'fifo')]);
  writeFileSync(join(tmp.path, 'long-line'), `a\n${'x'.repeat(70_000)}\nb\n`);
  writeFileSync(join(tmp.path, 'big'), Buffer.alloc(2048, 0x0a));
  symlinkSync('fifo', join(tmp.path, 'link-to-fifo'));
});
afterAll(() => tmp.cleanup());

describe('readInputFile', () => {
  it.each([
    ['a FIFO', 'fifo', 'is a FIFO (named pipe), not a regular file'],
    ['a symlink to a FIFO', 'link-to-fifo', 'is a FIFO (named pipe), not a regular file'],
  ])('refuses %s without opening it (an open would block)', (_, name, message) => {
    expect(() => readInputFile(join(tmp.path, name), 'ignore file')).toThrow(message);
    expect(() => readInputFile(join(tmp.path, name), 'ignore file')).toThrow(InputError);
  });

  it('a directory fails as read(2) does, with EISDIR', () => {
    expect(() => readInputFile(tmp.path, 'ignore file')).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });

  it('/dev/zero with the ignore-file limits stops at the first 64 KiB line', () => {
    const read = readInputFile('/dev/zero', 'ignore file', IGNORE_FILE_LIMITS);
    expect(read.stoppedAtLongLine).toBe(true);
    expect(read.bytes.length).toBeGreaterThanOrEqual(64 * 1024);
    expect(read.bytes.length).toBeLessThanOrEqual(2 * 64 * 1024);
  });

  it('/dev/zero without a line limit stops at maxBytes with an error', () => {
    expect(() => readInputFile('/dev/zero', 'Dockerfile', { maxBytes: 1024 * 1024 })).toThrow('Dockerfile /dev/zero holds more than 1 MiB');
  });

  it('/dev/null reads as empty', () => {
    expect(readInputFile('/dev/null', 'Dockerfile')).toEqual({ bytes: Buffer.alloc(0), stoppedAtLongLine: false });
  });

  it('a regular file is read whole, long lines included (an editor must see all of it)', () => {
    const read = readInputFile(join(tmp.path, 'long-line'), 'ignore file', IGNORE_FILE_LIMITS);
    expect(read).toEqual({ bytes: Buffer.from(`a\n${'x'.repeat(70_000)}\nb\n`), stoppedAtLongLine: false });
  });

  it('a regular file longer than maxBytes is refused from its size', () => {
    expect(() => readInputFile(join(tmp.path, 'big'), 'config file', { maxBytes: 1024 })).toThrow(InputError);
  });
});

describe('the TUI load reads the ignore file through it', () => {
  it('a FIFO .dockerignore rejects at once', async () => {
    const dir = join(tmp.path, 'ctx');
    mkdirSync(dir);
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
    execFileSync('mkfifo', [join(dir, '.dockerignore')]);
    await expect(scanInSlices(dir)).rejects.toThrow('is a FIFO (named pipe), not a regular file');
  });
});

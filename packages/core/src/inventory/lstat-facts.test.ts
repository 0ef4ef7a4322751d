import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindingLstat, bindingReaddir, type FsBinding, type LstatFacts, scanFsBinding } from './lstat-facts.js';

// The binding is used only because it answers as fs.lstatSync does: every kind of entry a scan
// meets, and every way an lstat fails, must give the same facts or the same error both ways.
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctxlens-lstat-'));
  const at = (name: string): string => path.join(dir, name);
  fs.writeFileSync(at('file'), 'hello');
  fs.mkdirSync(at('dir'));
  fs.symlinkSync('file', at('link'));
  fs.symlinkSync('nowhere', at('dangling'));
  fs.symlinkSync('loop', at('loop'));
  fs.writeFileSync(at('hard'), 'x'.repeat(700));
  fs.linkSync(at('hard'), at('hard2'));
  execFileSync('mkfifo', [at('fifo')]);
  // Sparse, past 4 GiB: sizes beyond 32 bits.
  fs.closeSync(fs.openSync(at('big'), 'w'));
  fs.truncateSync(at('big'), 5 * 2 ** 30 + 3);
  fs.writeFileSync(at('subsecond'), '');
  fs.utimesSync(at('subsecond'), 1_700_000_000.123456, 1_700_000_000.987654);
  fs.writeFileSync(at('before-1970'), '');
  fs.utimesSync(at('before-1970'), -1.5, -86_400.25);
  fs.writeFileSync(Buffer.from(`${dir}/caf\xe9`, 'latin1'), 'not UTF-8');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const facts = (stat: LstatFacts): LstatFacts => ({ mode: stat.mode, size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, nlink: stat.nlink });
const failure = (call: () => unknown): unknown => {
  try {
    call();
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { code: e.code, errno: e.errno, syscall: e.syscall, path: e.path, message: e.message };
  }
  return 'no error';
};

const binding = scanFsBinding(fs);
describe.runIf(binding !== undefined)("lstat through Node's fs binding", () => {
  const lstat = bindingLstat(binding as FsBinding);

  it.each(['file', 'dir', 'link', 'dangling', 'loop', 'hard', 'hard2', 'fifo', 'big', 'subsecond', 'before-1970', '.'])('%s: the facts fs.lstatSync gives', (name) => {
    const at = path.join(dir, name);
    expect(facts(lstat(at))).toEqual(facts(fs.lstatSync(at)));
  });

  it('a name that is not UTF-8, given as bytes: the facts fs.lstatSync gives', () => {
    const at = Buffer.from(`${dir}/caf\xe9`, 'latin1');
    expect(facts(lstat(at))).toEqual(facts(fs.lstatSync(at)));
    expect(lstat(at).size).toBe(9);
  });

  it.each([
    ['missing', 'missing'],
    ['below a file', 'file/x'],
    ['through a symlink loop', 'loop/x'],
    ['a name too long', 'n'.repeat(300)],
  ])('%s: the error fs.lstatSync throws', (_, name) => {
    const at = path.join(dir, name);
    const theirs = failure(() => fs.lstatSync(at));
    expect(theirs).not.toBe('no error');
    expect(failure(() => lstat(at))).toEqual(theirs);
  });
});

describe.runIf(binding !== undefined)("readdir through Node's fs binding", () => {
  const readdir = bindingReaddir(binding as FsBinding);

  it('lists the names fs.readdirSync lists, a name that is not UTF-8 included', () => {
    const names = readdir(dir);
    expect(names).toEqual(fs.readdirSync(dir));
    expect(names).toContain('caf\ufffd');
    expect(readdir(path.join(dir, 'dir'))).toEqual([]);
  });

  it('a directory given as bytes: the names fs.readdirSync gives', () => {
    const at = Buffer.from(dir, 'utf8');
    expect(readdir(at)).toEqual(fs.readdirSync(at, 'utf8'));
  });

  it.each([
    ['missing', 'missing'],
    ['a file', 'file'],
    ['a symlink to a file', 'link'],
    ['through a symlink loop', 'loop'],
    ['a name too long', 'n'.repeat(300)],
  ])('%s: the error fs.readdirSync throws', (_, name) => {
    const at = path.join(dir, name);
    const theirs = failure(() => fs.readdirSync(at));
    expect(theirs).not.toBe('no error');
    expect(failure(() => readdir(at))).toEqual(theirs);
  });
});

describe('whether a scan uses the binding', () => {
  it('is decided once per process', () => {
    expect(scanFsBinding(fs)).toBe(binding);
  });

  // Where it is known to work, a silent fallback would only cost speed, so a test says so.
  it.runIf(process.platform === 'linux' && process.versions.node.startsWith('20.'))('uses it on Node 20 on Linux', () => {
    expect(binding).toBeDefined();
  });
});

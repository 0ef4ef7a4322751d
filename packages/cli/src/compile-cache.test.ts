import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileCacheDirectory } from './compile-cache.js';

const CHILD = fileURLToPath(new URL('../test/helpers/load-common-js-child.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/tsx/dist/esm/index.mjs', import.meta.url));

/** Loads `file` in a new process, as the bin does, and saves the cache when that process ends. */
function load(file: string, cacheDir: string | undefined, variant?: string): { exports: unknown; cacheHit: boolean } {
  const out = execFileSync(process.execPath, ['--import', TSX, CHILD, file, cacheDir ?? '-', ...(variant === undefined ? [] : [variant])], { encoding: 'utf8' });
  return JSON.parse(out) as { exports: unknown; cacheHit: boolean };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctxlens-compile-cache-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A CommonJS file that uses the five names Node gives one. */
function writeModule(name: string, value: number): string {
  const file = path.join(dir, name);
  const body = Array.from({ length: 50 }, (_, i) => `function f${i}(x) { return x + ${i}; }`).join('\n');
  fs.writeFileSync(file, `'use strict';\n${body}\nmodule.exports = { value: f0(${value}), file: __filename, dirname: __dirname, os: require('node:os') === require('os'), strict: (function () { return this; })() === undefined, self: exports === module.exports };\n`);
  return file;
}

const cacheFiles = (cache: string): string[] => (fs.existsSync(cache) ? fs.readdirSync(cache).filter((n) => n.endsWith('.v8')).sort() : []);

describe('loadCommonJs', () => {
  it('runs the file as Node would, compiles it the first time and takes the code from the cache after', () => {
    const file = writeModule('a.cjs', 41);
    const cache = path.join(dir, 'cache');
    const first = load(file, cache, 'size');
    expect(first.exports).toEqual({ value: 41, file, dirname: dir, os: true, strict: true, self: true });
    expect(first.cacheHit).toBe(false);
    const [saved] = cacheFiles(cache);
    expect(saved).toMatch(/^a\.cjs-[0-9a-f]{8}-[0-9a-f]{16}-size\.v8$/);
    // Only this user may supply code.
    expect(fs.statSync(cache).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(cache, saved!)).mode & 0o777).toBe(0o600);
    const second = load(file, cache, 'size');
    expect(second.cacheHit).toBe(true);
    expect(second.exports).toEqual(first.exports);
    expect(cacheFiles(cache)).toEqual([saved]);
  });

  it('keeps one cache per variant, and drops the caches of the earlier content when the file changes', () => {
    const file = writeModule('a.cjs', 1);
    const cache = path.join(dir, 'cache');
    for (const variant of ['ls', 'size']) load(file, cache, variant);
    const before = cacheFiles(cache);
    expect(before).toHaveLength(2);
    writeModule('a.cjs', 2);
    const changed = load(file, cache, 'ls');
    expect(changed.cacheHit).toBe(false);
    expect((changed.exports as { value: number }).value).toBe(2);
    const after = cacheFiles(cache);
    expect(after).toHaveLength(1);
    expect(before).not.toContain(after[0]);
    // Another file in the same directory keeps its cache.
    load(writeModule('b.cjs', 3), cache, 'ls');
    writeModule('a.cjs', 4);
    load(file, cache, 'ls');
    expect(cacheFiles(cache).filter((n) => n.startsWith('b.cjs-'))).toHaveLength(1);
  });

  // The key is the file's identity on disk, not its content: a new version of the same length, with
  // its mtime put back, must still never meet the old code (in place, or renamed over the old file).
  for (const how of ['in place', 'renamed over']) {
    it(`takes a new bundle of the same length and mtime for new content (${how})`, () => {
      const file = writeModule('a.cjs', 1);
      const cache = path.join(dir, 'cache');
      // As npm does: every file of a package gets the same mtime.
      const when = new Date('1985-10-26T08:15:00Z');
      fs.utimesSync(file, when, when);
      expect(load(file, cache, 'ls').cacheHit).toBe(false);
      expect(load(file, cache, 'ls').cacheHit).toBe(true);
      const before = fs.statSync(file, { bigint: true });
      const other = writeModule(how === 'in place' ? 'a.cjs' : 'a.cjs.new', 2);
      fs.utimesSync(other, when, when);
      if (other !== file) fs.renameSync(other, file);
      const after = fs.statSync(file, { bigint: true });
      expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);
      const changed = load(file, cache, 'ls');
      expect(changed.cacheHit).toBe(false);
      expect((changed.exports as { value: number }).value).toBe(2);
    });
  }

  it('compiles again when V8 refuses the cached data, and replaces it', () => {
    const file = writeModule('a.cjs', 5);
    const cache = path.join(dir, 'cache');
    load(file, cache, 'ls');
    const [saved] = cacheFiles(cache);
    fs.writeFileSync(path.join(cache, saved!), 'not code', { mode: 0o600 });
    const refused = load(file, cache, 'ls');
    expect(refused.cacheHit).toBe(false);
    expect((refused.exports as { value: number }).value).toBe(5);
    expect(load(file, cache, 'ls').cacheHit).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('neither reads nor writes a cache directory that others may write', () => {
    const file = writeModule('a.cjs', 6);
    const cache = path.join(dir, 'cache');
    load(file, cache, 'ls');
    fs.chmodSync(cache, 0o777);
    expect(load(file, cache, 'ls').cacheHit).toBe(false);
    fs.rmSync(path.join(cache, cacheFiles(cache)[0]!));
    load(file, cache, 'ls');
    expect(cacheFiles(cache)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('does not read a cache file that others may write', () => {
    const file = writeModule('a.cjs', 7);
    const cache = path.join(dir, 'cache');
    load(file, cache, 'ls');
    fs.chmodSync(path.join(cache, cacheFiles(cache)[0]!), 0o666);
    expect(load(file, cache, 'ls').cacheHit).toBe(false);
  });

  it('runs without a cache when there is none, or the directory cannot be made', () => {
    const file = writeModule('a.cjs', 8);
    expect(load(file, undefined).exports).toMatchObject({ value: 8 });
    // A path below a regular file: mkdir fails with ENOTDIR, and the run goes on.
    expect(load(file, path.join(file, 'cache'), 'ls')).toMatchObject({ exports: { value: 8 }, cacheHit: false });
    // A variant that could leave the directory is not used as a name.
    load(file, path.join(dir, 'cache'), '../x');
    expect(cacheFiles(path.join(dir, 'cache'))).toEqual([]);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.v8'))).toEqual([]);
  });
});

describe('compileCacheDirectory', () => {
  it.each([
    { env: {}, platform: 'linux', home: '/home/u', want: '/home/u/.cache/ctxlens' },
    { env: { XDG_CACHE_HOME: '/var/cache/u' }, platform: 'linux', home: '/home/u', want: '/var/cache/u/ctxlens' },
    // The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored.
    { env: { XDG_CACHE_HOME: 'cache' }, platform: 'darwin', home: '/Users/u', want: '/Users/u/.cache/ctxlens' },
    { env: {}, platform: 'linux', home: '', want: undefined },
    // Node's own switch turns it off.
    { env: { NODE_DISABLE_COMPILE_CACHE: '1', XDG_CACHE_HOME: '/c' }, platform: 'linux', home: '/home/u', want: undefined },
    { env: { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, platform: 'win32', home: 'C:\\Users\\u', want: path.join('C:\\Users\\u\\AppData\\Local', 'ctxlens', 'Cache') },
    { env: {}, platform: 'win32', home: 'C:\\Users\\u', want: undefined },
  ] as const)('$platform $env → $want', ({ env, platform, home, want }) => {
    expect(compileCacheDirectory(env, platform, home)).toBe(want);
  });
});

import { describe, expect, it } from 'vitest';
import { fakeIo } from '../../test/helpers/fake-io.js';
import { UsageError } from '../report-error.js';
import { readStdinPaths, toContextPath } from './explain-paths.js';

describe('toContextPath', () => {
  it.each([
    ['a/b', '/ctx', 'a/b'],
    ['./a/../b/', '/ctx', 'b'],
    ['/ctx/x', '/ctx', 'x'],
    ['.', '/ctx', '.'],
    ['../ctx/y', '/ctx', 'y'],
    // A name that only starts with two dots is inside.
    ['..env', '/ctx', '..env'],
    ['/ctx/..d/f', '/', '..d/f'],
  ])('%s from %s -> %s', (given, cwd, relative) => {
    expect(toContextPath(given, cwd, ['/ctx'])).toEqual({ given, relative });
  });

  it('tries the symlink-resolved context too, then refuses paths outside', () => {
    expect(toContextPath('/real/ctx/z', '/ctx', ['/ctx', '/real/ctx']).relative).toBe('z');
    expect(() => toContextPath('../other', '/ctx', ['/ctx'])).toThrow(UsageError);
  });
});

describe('readStdinPaths', () => {
  it('reads lines, unquoting C-quoted ones, or NUL-separated paths', async () => {
    expect(await readStdinPaths(fakeIo({ stdin: 'a\n"\\303\\251"\r\nb c\n' }), false)).toEqual(['a', 'é', 'b c']);
    expect(await readStdinPaths(fakeIo({ stdin: 'a\nb\0c\0' }), true)).toEqual(['a\nb', 'c']);
  });
});

import { describe, expect, it } from 'vitest';
import { quoteCStyle, unquoteCStyle } from './c-quote.js';

// Expected values are what `git check-ignore` prints (git 2.39, core.quotePath=true).
const ROWS: { path: string; quoted: string }[] = [
  { path: 'plain/path.txt', quoted: 'plain/path.txt' },
  { path: 'with space', quoted: 'with space' },
  { path: 'é.log', quoted: '"\\303\\251.log"' },
  { path: 'we"ird', quoted: '"we\\"ird"' },
  { path: 'back\\slash', quoted: '"back\\\\slash"' },
  { path: 'new\nline\ttab', quoted: '"new\\nline\\ttab"' },
  { path: 'del\u007f', quoted: '"del\\177"' },
  { path: 'esc\u001b', quoted: '"esc\\033"' },
  // A name that is not UTF-8 (byte 0xE9 alone, kept by the core as U+DCE9): git quotes the byte.
  { path: 'caf\udce9', quoted: '"caf\\351"' },
];

describe('quoteCStyle', () => {
  it.each(ROWS)('$path -> $quoted', ({ path, quoted }) => {
    expect(quoteCStyle(path)).toBe(quoted);
  });
});

describe('unquoteCStyle', () => {
  it.each(ROWS)('$quoted -> $path', ({ path, quoted }) => {
    expect(unquoteCStyle(quoted)).toBe(path);
  });
  it('rejects malformed quoting', () => {
    expect(unquoteCStyle('"open')).toBeUndefined();
    expect(unquoteCStyle('"bad\\q"')).toBeUndefined();
    expect(unquoteCStyle('"a"b')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { lineExcludes, literalPattern } from './docker-pattern.js';

// Each literal line must exclude its own path and nothing that merely looks like it.
const ROWS: { path: string; line: string; notMatching: string[] }[] = [
  { path: 'node_modules', line: 'node_modules', notMatching: ['node_modules2', 'a/node_modules'] },
  { path: 'a b/[x].txt', line: 'a b/\\[x\\].txt', notMatching: ['a b/x.txt'] },
  { path: 'star*?.txt', line: 'star\\*\\?.txt', notMatching: ['starXY.txt'] },
  { path: '!bang', line: '\\!bang', notMatching: ['bang'] },
  { path: '#hash', line: '\\#hash', notMatching: ['hash'] },
  { path: ' lead', line: '[ ]lead', notMatching: ['lead'] },
  { path: 'trail ', line: 'trail[ ]', notMatching: ['trail'] },
  { path: 'back\\slash', line: 'back\\\\slash', notMatching: ['backslash'] },
  { path: 'dir/é.txt', line: 'dir/é.txt', notMatching: ['dir/e.txt'] },
];

describe('literalPattern', () => {
  it.each(ROWS)('$path -> $line', ({ path, line, notMatching }) => {
    expect(literalPattern(path)).toBe(line);
    expect(lineExcludes(line, path)).toBe(true);
    expect(lineExcludes(line, `${path}/below`)).toBe(true);
    for (const other of notMatching) expect(lineExcludes(line, other)).toBe(false);
  });

  it('cannot express a line break', () => {
    expect(literalPattern('new\nline')).toBeUndefined();
  });
});

describe('lineExcludes', () => {
  it('is false for comments, exceptions and invalid lines', () => {
    expect(lineExcludes('# x', '# x')).toBe(false);
    expect(lineExcludes('!x', 'x')).toBe(false);
    expect(lineExcludes('[', '[')).toBe(false);
  });
});

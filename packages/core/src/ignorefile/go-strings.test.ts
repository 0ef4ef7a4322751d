import { describe, expect, it } from 'vitest';
import { goClean, goDir, goTrimSpace } from './go-strings.js';
import { cleanVectors, trimSpaceVectors } from './go-strings.vectors.js';

describe('goTrimSpace', () => {
  it.each(trimSpaceVectors)('$from: $input', ({ input, expected }) => {
    expect(goTrimSpace(input)).toBe(expected);
  });
  it('differs from String.prototype.trim where Go and JavaScript disagree', () => {
    expect('\u0085x'.trim()).not.toBe(goTrimSpace('\u0085x'));
    expect('\ufeffx'.trim()).not.toBe(goTrimSpace('\ufeffx'));
  });
});

describe('goClean', () => {
  it.each(cleanVectors)('$input -> $expected', ({ input, expected }) => {
    expect(goClean(input)).toBe(expected);
  });
});

describe('goDir', () => {
  it.each([
    ['a', '.'],
    ['a/b', 'a'],
    ['a/b/c', 'a/b'],
  ])('%s -> %s', (input, expected) => {
    expect(goDir(input)).toBe(expected);
  });
});

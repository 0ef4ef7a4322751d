import { describe, expect, it } from 'vitest';
import { plural } from './numbers.js';

describe('plural', () => {
  it.each([
    { n: 1, word: 'file', many: undefined, text: '1 file', why: 'one' },
    { n: 0, word: 'file', many: undefined, text: '0 files', why: 'none takes the plural' },
    { n: 10_148, word: 'file', many: undefined, text: '10,148 files', why: 'grouped digits' },
    { n: 1, word: 'entry', many: 'entries', text: '1 entry', why: 'an irregular plural, one (issue 13 #10: "1 entries")' },
    { n: 33, word: 'entry', many: 'entries', text: '33 entries', why: 'an irregular plural, many' },
  ])('$why', ({ n, word, many, text }) => {
    expect(plural(n, word, many)).toBe(text);
  });
});

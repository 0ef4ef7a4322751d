import { describe, expect, it } from 'vitest';
import { fitPieces, oneLine, textPieces, wrapRows } from './terminal-text.js';

// [text, as shown]
const ONE_LINE: [string, string][] = [
  ['dist', 'dist'],
  ['\tdist', '\\tdist'],
  ['c\rd', 'c\\rd'],
  ['a\nb', 'a\\nb'],
  ['a\u001bb', 'a\\x1bb'],
  ['e\u001b[31msc', 'e\\x1b[31msc'],
  ['\u0000\u0007\u007f', '\\x00\\x07\\x7f'],
  // C1: an 8-bit CSI is a terminal command too.
  ['a\u009bb', 'a\\x9bb'],
  // Line separators, and a right-to-left override that would reorder what follows it.
  ['a\u2028b\u202ec', 'a\\u2028b\\u202ec'],
  // Printable text is left alone, wide or not.
  ['é → ✓ 日本', 'é → ✓ 日本'],
  ['back\\slash', 'back\\slash'],
];

describe('oneLine', () => {
  it.each(ONE_LINE)('shows %j as %s', (text, shown) => {
    expect(oneLine(text)).toBe(shown);
  });
});

describe('textPieces', () => {
  it('marks each stand-in, so a view can dim it', () => {
    expect(textPieces('\tab\u001b')).toEqual([
      { text: '\\t', control: true },
      { text: 'ab', control: false },
      { text: '\\x1b', control: true },
    ]);
    expect(textPieces('')).toEqual([]);
  });
});

describe('fitPieces', () => {
  const shown = (text: string, width: number, align?: 'left' | 'right'): string =>
    fitPieces(text, width, align)
      .map((p) => p.text)
      .join('');
  // [text, width, align, fitted]
  const cases: [string, number, 'left' | 'right', string][] = [
    ['abc', 5, 'left', 'abc  '],
    ['abc', 5, 'right', '  abc'],
    ['abcdefghij', 5, 'left', 'ab…ij'],
    ['abc', 0, 'left', ''],
    ['abc', 1, 'left', '…'],
    ['\tdist', 8, 'left', '\\tdist  '],
    // Cut in the middle: a stand-in is kept whole or left out, never cut in two.
    ['ab\u001bcdefgh', 7, 'left', 'ab…fgh '],
    ['abcdef\u001bgh', 8, 'left', 'abcd…gh '],
    ['a\u001bbcdefghij', 11, 'left', 'a\\x1b…fghij'],
  ];
  it.each(cases)('fits %j into %i columns (%s)', (text, width, align, fitted) => {
    expect(shown(text, width, align)).toBe(fitted);
    expect(Array.from(shown(text, width, align))).toHaveLength(width);
  });
});

describe('wrapRows', () => {
  it('cuts a message into rows of the width, after escaping', () => {
    expect(wrapRows('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
    expect(wrapRows('a\tb', 10)).toEqual(['a\\tb']);
    expect(wrapRows('', 10)).toEqual(['']);
  });
});

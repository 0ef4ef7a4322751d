import { describe, expect, it } from 'vitest';
import { tokenizeKeys } from './tokenize-keys.js';
import { TOKENIZE_VECTORS } from './tokenize-keys.vectors.js';

const show = (s: string): string => JSON.stringify(s);

describe('tokenizeKeys', () => {
  it.for(TOKENIZE_VECTORS.map((v) => [`${show(v.chunk)} (${v.from})`, v] as const))('%s', ([, vector]) => {
    const keys = tokenizeKeys(vector.chunk);
    expect(keys).toEqual(vector.keys);
    // Nothing is lost or invented: the presses are the chunk, cut.
    expect(keys.join('')).toBe(vector.chunk);
  });

  it('splits any concatenation of the table\'s single keys back into those keys', () => {
    const singles = TOKENIZE_VECTORS.filter((v) => v.keys.length === 1 && !v.keys[0]!.startsWith('\u001b[200~') && v.keys[0] !== '\u001b').map((v) => v.keys[0]!);
    const singleChars = [...new Set(TOKENIZE_VECTORS.flatMap((v) => v.keys).filter((k) => !k.startsWith('\u001b')))];
    const all = [...singles, ...singleChars];
    // Every ordered pair, so each key is tried before and after each other key.
    for (const a of all) for (const b of all) expect(tokenizeKeys(a + b), show(a + b)).toEqual([a, b]);
  });
});

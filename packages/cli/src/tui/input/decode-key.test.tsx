/** @jsxRuntime automatic */
import { type Key, Text, useInput } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeKey, type KeyPress, keyPresses } from './decode-key.js';
import { DECODE_VECTORS } from './decode-key.vectors.js';
import { TOKENIZE_VECTORS } from './tokenize-keys.vectors.js';

const show = (s: string): string => JSON.stringify(s);
/** The flags of a key that are set, sorted. */
const flagsOf = (key: Key): string[] => (Object.keys(key) as (keyof Key)[]).filter((f) => key[f] === true).sort();

afterEach(() => cleanup());

/** What Ink's own useInput reports for input written in one piece (the oracle for single keys). */
async function inkReads(chunk: string): Promise<KeyPress[]> {
  const seen: KeyPress[] = [];
  function Probe(): ReactNode {
    useInput((input, key) => void seen.push({ input, key }));
    return <Text>probe</Text>;
  }
  const instance = render(<Probe />);
  await new Promise((resolve) => setTimeout(resolve, 5));
  instance.stdin.write(chunk);
  // A lone Escape is held back for one setImmediate, in case a sequence follows.
  await new Promise((resolve) => setTimeout(resolve, 20));
  instance.unmount();
  return seen;
}

describe('decodeKey', () => {
  it.for(DECODE_VECTORS.map((v) => [`${show(v.token)} (${v.from})`, v] as const))('%s', ([, vector]) => {
    const press = decodeKey(vector.token);
    expect(press.input).toBe(vector.input);
    expect(flagsOf(press.key)).toEqual([...vector.flags].sort());
  });

  it.for(DECODE_VECTORS.filter((v) => v.inkAgrees).map((v) => [`${show(v.token)} (${v.from})`, v] as const))('reads %s alone as Ink does', async ([, vector]) => {
    const ink = await inkReads(vector.token);
    expect(ink).toHaveLength(1);
    const ours = decodeKey(vector.token);
    expect({ input: ours.input, flags: flagsOf(ours.key) }).toEqual({ input: ink[0]!.input, flags: flagsOf(ink[0]!.key) });
  });
});

describe('keyPresses', () => {
  it.for(TOKENIZE_VECTORS.filter((v) => v.keys.length > 1).map((v) => [`${show(v.chunk)} (${v.from})`, v] as const))('%s reads as its keys one by one', ([, vector]) => {
    expect(keyPresses(vector.chunk)).toEqual(vector.keys.map(decodeKey));
  });

  // The bug of issue 13 point 8, at its root: Ink gives a run of keys without escapes as one input
  // string with no key flag set, so the Tab in it is not a Tab.
  it('Ink reads "\\t " as one press with no key set; keyPresses reads Tab then Space', async () => {
    const ink = await inkReads('\t ');
    expect(ink.map((p) => ({ input: p.input, flags: flagsOf(p.key) }))).toEqual([{ input: '\t ', flags: [] }]);
    expect(keyPresses('\t ').map((p) => ({ input: p.input, flags: flagsOf(p.key) }))).toEqual([{ input: '', flags: ['tab'] }, { input: ' ', flags: [] }]);
  });
});

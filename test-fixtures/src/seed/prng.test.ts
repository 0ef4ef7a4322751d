import { describe, expect, it } from 'vitest';
import { createRng } from './prng.js';

describe('createRng', () => {
  it('repeats the same sequence for the same seed, and another for another seed', () => {
    const draw = (seed: string) => {
      const rng = createRng(seed);
      return [rng.next(), rng.int(0, 1000), rng.hex(12), rng.bytes(6).toString('hex')];
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
  });

  it('forks streams that do not depend on draws made on the parent', () => {
    const untouched = createRng('seed').fork('child').hex(16);
    const parent = createRng('seed');
    for (let i = 0; i < 100; i++) parent.next();
    expect(parent.fork('child').hex(16)).toBe(untouched);
    expect(parent.fork('other').hex(16)).not.toBe(untouched);
  });

  it('keeps values in range and roughly uniform', () => {
    const rng = createRng('range');
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[rng.int(0, 5)]!++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
    for (let i = 0; i < 1_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
    expect(rng.hex(37)).toMatch(/^[0-9a-f]{37}$/);
    expect(rng.bytes(13)).toHaveLength(13);
    expect(() => rng.pick([])).toThrow();
  });
});

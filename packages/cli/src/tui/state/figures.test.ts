// The figures the header and the rules pane print: signed sizes and percentage changes.
import { describe, expect, it } from 'vitest';
import { percentChange, signedSize } from './figures.js';

// Rows from the header and the rules pane: the sign is U+2212, sizes as each builder prints them.
const SIGNED: readonly { delta: number; builder: 'buildkit' | 'legacy'; text: string }[] = [
  { delta: 0, builder: 'buildkit', text: '±0B' },
  { delta: -1_200_000_000, builder: 'legacy', text: '−1.2GB' },
  { delta: 512, builder: 'legacy', text: '+512B' },
  { delta: 684_990, builder: 'buildkit', text: '+684.99kB' },
];

const PERCENT: readonly { before: number; after: number; text: string }[] = [
  { before: 0, after: 10, text: '' },
  { before: 100, after: 100, text: '±0%' },
  { before: 1000, after: 2, text: '−99.8%' },
  // Truncated, not rounded: something is still sent.
  { before: 100_000, after: 4, text: '−99.9%' },
  { before: 100, after: 150, text: '+50.0%' },
  { before: 100_000, after: 100_001, text: '±0%' },
];

describe('signedSize', () => {
  it.each(SIGNED)('$delta ($builder) → $text', ({ delta, builder, text }) => {
    expect(signedSize(delta, builder)).toBe(text);
  });
});

describe('percentChange', () => {
  it.each(PERCENT)('$before → $after: $text', ({ before, after, text }) => {
    expect(percentChange(before, after)).toBe(text);
  });
});

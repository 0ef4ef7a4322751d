import { describe, expect, it } from 'vitest';
import { parseSize, parseUnusedLimit } from './parse-size.js';

const ROWS: { text: string | number; bytes: number | undefined }[] = [
  { text: '50MB', bytes: 50_000_000 },
  { text: '50mb', bytes: 50_000_000 },
  { text: '50M', bytes: 50_000_000 },
  { text: '800kB', bytes: 800_000 },
  { text: '1.5GiB', bytes: 1.5 * 1024 ** 3 },
  { text: '2MiB', bytes: 2 * 1024 ** 2 },
  { text: '1000', bytes: 1000 },
  { text: ' 7 B ', bytes: 7 },
  { text: 1234, bytes: 1234 },
  { text: '.5kB', bytes: 500 },
  { text: '', bytes: undefined },
  { text: 'MB', bytes: undefined },
  { text: '10 parsecs', bytes: undefined },
  { text: '-5MB', bytes: undefined },
  { text: -1, bytes: undefined },
];

describe('parseSize', () => {
  it.each(ROWS)('$text -> $bytes', ({ text, bytes }) => {
    expect(parseSize(text)).toBe(bytes);
  });
});

const UNUSED_ROWS: { text: string | number; limit: ReturnType<typeof parseUnusedLimit> }[] = [
  { text: '20%', limit: { percent: 20 } },
  { text: ' 12.5 % ', limit: { percent: 12.5 } },
  { text: '0%', limit: { percent: 0 } },
  { text: '100%', limit: { percent: 100 } },
  { text: '101%', limit: undefined },
  { text: '%', limit: undefined },
  { text: '-5%', limit: undefined },
  { text: '50MB', limit: { bytes: 50_000_000 } },
  { text: 1000, limit: { bytes: 1000 } },
  { text: 'lots', limit: undefined },
];

describe('parseUnusedLimit', () => {
  it.each(UNUSED_ROWS)('$text -> $limit', ({ text, limit }) => {
    expect(parseUnusedLimit(text)).toEqual(limit);
  });
});

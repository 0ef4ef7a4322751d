// Human sizes for --max-size and "maxSize": decimal units as Docker prints them (kB, MB, GB: powers
// of 1000) and binary ones (KiB, MiB, GiB: powers of 1024). Case does not matter; "B" is optional.

import type { UnusedLimit } from '@ctxlens/core';

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  ki: 1024,
  kib: 1024,
  mi: 1024 ** 2,
  mib: 1024 ** 2,
  gi: 1024 ** 3,
  gib: 1024 ** 3,
  ti: 1024 ** 4,
  tib: 1024 ** 4,
};

/**
 * Parses the limit of `maxUnused`: a size (`50MB`, bytes) or a percent of what is sent (`20%`).
 * @returns the limit, or undefined when the text is neither
 */
export function parseUnusedLimit(text: string | number): UnusedLimit | undefined {
  const percent = typeof text === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text) : null;
  if (percent) {
    const value = Number(percent[1]);
    return value <= 100 ? { percent: value } : undefined;
  }
  const bytes = parseSize(text);
  return bytes === undefined ? undefined : { bytes };
}

/**
 * Parses a size such as `50MB`, `1.5GiB`, `800kB` or `1000`.
 * @returns the size in bytes, or undefined when the text is not a size
 */
export function parseSize(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? Math.floor(text) : undefined;
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (!m) return undefined;
  const factor = UNITS[m[2]!.toLowerCase()];
  if (factor === undefined) return undefined;
  return Math.floor(Number(m[1]) * factor);
}

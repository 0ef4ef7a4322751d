// How BuildKit's progress printer shows a byte count: `fmt.Sprintf(" %.2f", units.Bytes(n))` with
// tonistiigi/units. Below 1000 the count is printed whole (2 bytes print as `2B` on the real
// BuildKit, although Go's `%.2d` of a big.Int would give `02`); from 1000 up it is divided by the
// largest power of 1000 not above it and printed as a big.Float with two decimals (ties to even on
// the exact binary value), then a decimal unit. Zero is not printed at all (the line shows no size).
import { exactDecimal, roundHalfEven } from '../tar/docker-size.js';

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];

/**
 * Formats a byte count as BuildKit's `transferring context: …` line does, e.g. `684.99kB`, `1.51kB`,
 * `2B`.
 * @returns the formatted size; '' for 0, which BuildKit leaves off the line
 */
export function formatProgressBytes(bytes: number): string {
  if (bytes === 0) return '';
  if (bytes < 1000) return `${bytes}B`;
  let unit = 0;
  let base = 1;
  while (unit < UNITS.length - 1 && bytes >= base * 1000) {
    base *= 1000;
    unit++;
  }
  return formatFixed2(bytes / base) + UNITS[unit];
}

/** Go's `%.2f` of a double at least 1, rounded on its exact value. */
function formatFixed2(x: number): string {
  const exact = exactDecimal(x);
  const { digits, exponent } = roundHalfEven(exact, exact.exponent + 3);
  const padded = digits.padEnd(exponent + 3, '0');
  return `${padded.slice(0, exponent + 1)}.${padded.slice(exponent + 1, exponent + 3)}`;
}

// BuildKit's progress printer shows byte counts ("transferring context: 1.51kB") through
// tonistiigi/units with "%.2f": under 1000 a whole number of bytes; otherwise the count divided, as
// a float64, by the largest power of 1000 it reaches, printed by math/big with two decimals.
// math/big rounds the float's exact decimal expansion, half to even, which differs from JS toFixed
// on exact ties: 1125 bytes print as 1.12kB (seen on the real BuildKit, see buildkit-oracle.test.ts).

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

/**
 * Formats a byte count as BuildKit's plain progress output prints it.
 * @returns e.g. `930B`, `1.12kB`, `1.50MB`
 * @example formatBuildkitSize(1500302) === '1.50MB'
 */
export function formatBuildkitSize(bytes: number): string {
  if (!Number.isSafeInteger(bytes) || bytes < 0) throw new Error(`formatBuildkitSize: not a byte count: ${bytes}`);
  let unit = 0;
  let base = 1;
  while (unit < UNITS.length - 1 && bytes >= base * 1000) {
    base *= 1000;
    unit += 1;
  }
  if (unit === 0) return `${bytes}B`;
  return `${roundHalfEven(bytes / base, 2)}${UNITS[unit]}`;
}

/** Rounds a float's exact value (a double at or above 1 has at most 52 binary, so 52 decimal, fraction digits) to `digits` decimals, ties to even. */
function roundHalfEven(value: number, digits: number): string {
  const exact = value.toFixed(60);
  const point = exact.indexOf('.');
  const kept = exact.slice(0, point + 1 + digits);
  const rest = exact.slice(point + 1 + digits);
  const first = rest.charCodeAt(0) - 48;
  const tie = first === 5 && /^50*$/.test(rest);
  const lastKept = kept.charCodeAt(kept.length - 1) - 48;
  const up = first > 5 || (first === 5 && !tie) || (tie && lastKept % 2 === 1);
  if (!up) return kept;
  // Carry in integer arithmetic on the digits, so 9.995 becomes 10.00 and not a float's nearest.
  const scaled = BigInt(kept.replace('.', '')) + 1n;
  const text = scaled.toString().padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

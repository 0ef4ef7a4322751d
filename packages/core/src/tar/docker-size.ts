// docker/go-units HumanSize: divide by 1000 until below 1000, then fmt "%.4g" plus a decimal unit.
// Go rounds the exact binary value half-to-even; JavaScript's toPrecision rounds halves up, so the
// 4-significant-digit rounding is done here on the exact decimal expansion.
import { ACCEPTS, checkArgument } from '../validate.js';

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/**
 * Formats a byte count exactly as the Docker CLI prints it, e.g. `5.632kB`, `2.1MB`, `1.24GB`.
 * @returns the formatted size
 */
export function formatDockerSize(bytes: number): string {
  checkArgument(bytes, 'bytes', ACCEPTS.finiteNumber);
  let size = bytes;
  let unit = 0;
  // Same float divisions as Go, so the same rounding errors.
  while (size >= 1000 && unit < UNITS.length - 1) {
    size /= 1000;
    unit++;
  }
  return formatG4(size) + UNITS[unit];
}

/** Go's strconv.FormatFloat(x, 'g', 4, 64) for finite non-negative x. */
export function formatG4(x: number): string {
  if (x === 0) return '0';
  const { digits, exponent } = roundHalfEven(exactDecimal(x), 4);
  if (exponent < -4 || exponent >= 4) {
    const mantissa = stripZeros(digits[0] + '.' + digits.slice(1));
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return stripZeros('0.' + '0'.repeat(-exponent - 1) + digits);
  const intPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  return stripZeros(intPart + '.' + digits.slice(exponent + 1));
}

function stripZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * The exact decimal value of a double: its significant digits and the power of ten of the first.
 * @returns digits without trailing zeros, and the exponent of the first digit
 */
export function exactDecimal(x: number): { digits: string; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  let e2 = biased - 1075;
  if (biased === 0) e2 = -1074;
  else mantissa |= 1n << 52n;
  let digits: string;
  let decimals: number;
  if (e2 >= 0) {
    digits = (mantissa << BigInt(e2)).toString();
    decimals = 0;
  } else {
    digits = (mantissa * 5n ** BigInt(-e2)).toString();
    decimals = -e2;
  }
  const exponent = digits.length - decimals - 1;
  return { digits: digits.replace(/0+$/, '') || '0', exponent };
}

/**
 * Rounds exact decimal digits to `precision` significant digits, ties to even (as Go's strconv and
 * math/big do on a double's exact value).
 * @returns the kept digits and their exponent (one higher when rounding carried over)
 */
export function roundHalfEven(value: { digits: string; exponent: number }, precision: number): { digits: string; exponent: number } {
  const { digits, exponent } = value;
  if (digits.length <= precision) return value;
  const kept = digits.slice(0, precision);
  const rest = digits.slice(precision);
  const half = rest[0]! > '5' || (rest[0] === '5' && /[1-9]/.test(rest.slice(1)));
  const tie = rest[0] === '5' && !/[1-9]/.test(rest.slice(1));
  const up = half || (tie && Number(kept[kept.length - 1]) % 2 === 1);
  if (!up) return { digits: kept, exponent };
  const bumped = (BigInt(kept) + 1n).toString();
  return bumped.length > precision ? { digits: bumped.slice(0, precision), exponent: exponent + 1 } : { digits: bumped, exponent };
}

// Character-class tables of Go's regexp/syntax (Perl flags), written as code-point ranges so the
// JavaScript side never relies on its own, different, definitions (JS \s is Unicode-wide, RE2's
// is ASCII; JS has no POSIX classes; JS \p{C} includes unassigned code points, Go's does not).

/** Inclusive code-point range. */
export type Range = readonly [number, number];

const r = (lo: string, hi = lo): Range => [lo.codePointAt(0)!, hi.codePointAt(0)!];

/** POSIX classes `[:name:]` as RE2 defines them (ASCII only). */
export const POSIX_CLASSES: Readonly<Record<string, readonly Range[]>> = {
  alnum: [r('0', '9'), r('A', 'Z'), r('a', 'z')],
  alpha: [r('A', 'Z'), r('a', 'z')],
  ascii: [[0x00, 0x7f]],
  blank: [r('\t'), r(' ')],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: [r('0', '9')],
  graph: [r('!', '~')],
  lower: [r('a', 'z')],
  print: [r(' ', '~')],
  punct: [r('!', '/'), r(':', '@'), r('[', '`'), r('{', '~')],
  space: [r('\t', '\r'), r(' ')],
  upper: [r('A', 'Z')],
  word: [r('0', '9'), r('A', 'Z'), r('_'), r('a', 'z')],
  xdigit: [r('0', '9'), r('A', 'F'), r('a', 'f')],
};

/** Perl classes `\d \s \w` (RE2: ASCII; \s excludes \v). Upper case letters negate. */
export const PERL_CLASSES: Readonly<Record<string, readonly Range[]>> = {
  d: [r('0', '9')],
  s: [r('\t', '\n'), r('\f', '\r'), r(' ')],
  w: [r('0', '9'), r('A', 'Z'), r('_'), r('a', 'z')],
};

/** unicode.Categories keys in Go. */
export const GO_CATEGORIES = new Set([
  'C', 'Cc', 'Cf', 'Co', 'Cs', 'L', 'Ll', 'Lm', 'Lo', 'Lt', 'Lu', 'M', 'Mc', 'Me', 'Mn', 'N', 'Nd', 'Nl', 'No',
  'P', 'Pc', 'Pd', 'Pe', 'Pf', 'Pi', 'Po', 'Ps', 'S', 'Sc', 'Sk', 'Sm', 'So', 'Z', 'Zl', 'Zp', 'Zs',
]);

/**
 * JavaScript class items equivalent to Go's Unicode table `name`, or undefined if Go has no such table.
 * Go's `C` is Cc|Cf|Co|Cs; JavaScript's `\p{C}` also covers unassigned code points.
 */
export function unicodeClassItems(name: string): string[] | undefined {
  if (name === 'Any') return ['\\u{0}-\\u{10FFFF}'];
  if (name === 'C') return ['\\p{Cc}', '\\p{Cf}', '\\p{Co}', '\\p{Cs}'];
  if (GO_CATEGORIES.has(name)) return [`\\p{${name}}`];
  // Go's script table uses the long Unicode names (Greek, Old_Italic); reject the 4-letter ISO
  // aliases that JavaScript also accepts but Go does not.
  if (!/^[A-Z][a-z]+(_[A-Z][a-z]+)*$/.test(name) || /^[A-Z][a-z]{3}$/.test(name) && !SHORT_SCRIPT_NAMES.has(name)) {
    return undefined;
  }
  try {
    new RegExp(`\\p{Script=${name}}`, 'u');
    return [`\\p{Script=${name}}`];
  } catch {
    return undefined;
  }
}

/** Script long names that happen to be four letters, which Go does know. */
const SHORT_SCRIPT_NAMES = new Set(['Cham', 'Lisu', 'Modi', 'Newa', 'Thai', 'Toto', 'Kawi']);

/** Complement of a sorted, merged range list over all code points. */
export function negateRanges(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of mergeRanges(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= 0x10ffff) out.push([next, 0x10ffff]);
  return out;
}

/** Sorts and merges overlapping or adjacent ranges. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

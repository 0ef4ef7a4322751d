/**
 * Sorts names in UTF-8 byte order, the order Go's os.ReadDir returns and both builders walk in.
 * UTF-16 order agrees with it except for characters beyond U+FFFF, so only names with surrogate
 * pairs take the slow comparison.
 * @returns the same array, sorted
 */
export function sortByteOrder(names: string[]): string[] {
  names.sort();
  if (names.some(hasSurrogate)) names.sort(compareCodePoints);
  return names;
}

function hasSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/** Code-point order, which equals UTF-8 byte order. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

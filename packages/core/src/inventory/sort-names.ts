/**
 * Sorts names (or paths) in the byte order they have on disk, the order Go's os.ReadDir returns
 * and both builders walk in. UTF-16 order agrees with it except around surrogates: characters
 * beyond U+FFFF, and the escaped bytes of names that are not UTF-8 (raw-names.ts), which sort as
 * the byte they stand for. Self-contained: the scan ships its text to worker threads.
 * @returns the same array, sorted
 */
export function sortByteOrder(names: string[]): string[] {
  names.sort();
  if (!names.some((name) => /[\ud800-\udfff]/.test(name))) return names;
  const bytesOf = (name: string): number[] => {
    const out: number[] = [];
    for (const ch of name) {
      const cp = ch.codePointAt(0)!;
      if (ch.length === 1 && cp >= 0xdc80 && cp <= 0xdcff) out.push(cp - 0xdc00);
      else if (cp < 0x80) out.push(cp);
      else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
      else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
      else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    }
    return out;
  };
  const keys = new Map(names.map((name) => [name, bytesOf(name)]));
  return names.sort((a, b) => {
    const x = keys.get(a)!;
    const y = keys.get(b)!;
    for (let i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  });
}

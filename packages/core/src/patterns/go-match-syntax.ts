// Docker's load-time check of a pattern is Go's filepath.Match(pattern, ".") with the result thrown
// away (patternmatcher.New): only its error counts. Match checks each chunk (the text between
// unbracketed stars) as far as it gets, and stops at the first chunk that cannot match ".". So a
// bad bracket after such a chunk is never seen: `a*[` loads, `*[` does not. Reproduced to the
// letter, over code points; a byte that is not UTF-8 (escaped, see inventory/raw-names.ts) is the
// U+FFFD Go decodes it as.

/** The outcome of filepath.Match: whether it matched, or ErrBadPattern. */
export type GoMatchResult = boolean | 'bad-pattern';

/**
 * Go's path/filepath.Match on Unix.
 * @returns true or false, or `bad-pattern` where Go returns ErrBadPattern
 */
export function goFilepathMatch(pattern: string, name: string): GoMatchResult {
  let rest = Array.from(pattern);
  let s = Array.from(name);
  outer: while (rest.length > 0) {
    const { star, chunk, after } = scanChunk(rest);
    rest = after;
    // A trailing star matches the rest of the name unless it holds a separator.
    if (star && chunk.length === 0) return !s.includes('/');
    const t = matchChunk(chunk, s);
    if (t === 'bad-pattern') return t;
    if (t !== false && (t.length === 0 || rest.length > 0)) {
      s = t;
      continue;
    }
    if (star) {
      for (let i = 0; i < s.length && s[i] !== '/'; i++) {
        const u = matchChunk(chunk, s.slice(i + 1));
        if (u === 'bad-pattern') return u;
        if (u === false) continue;
        if (rest.length === 0 && u.length > 0) continue;
        s = u;
        continue outer;
      }
    }
    return false;
  }
  return s.length === 0;
}

/**
 * Why Docker refuses the pattern when loading it, or undefined if it loads.
 * @returns `syntax error in pattern` or undefined
 */
export function goMatchSyntaxError(pattern: string): string | undefined {
  return goFilepathMatch(pattern, '.') === 'bad-pattern' ? 'syntax error in pattern' : undefined;
}

/** scanChunk: leading stars, then everything up to the next star outside brackets. */
function scanChunk(pattern: string[]): { star: boolean; chunk: string[]; after: string[] } {
  let p = 0;
  while (p < pattern.length && pattern[p] === '*') p++;
  const star = p > 0;
  let inRange = false;
  let i = p;
  for (; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (i + 1 < pattern.length) i++;
    } else if (c === '[') inRange = true;
    else if (c === ']') inRange = false;
    else if (c === '*' && !inRange) break;
  }
  return { star, chunk: pattern.slice(p, i), after: pattern.slice(i) };
}

/**
 * matchChunk: after a mismatch it keeps reading the chunk (only) to check its syntax.
 * @returns the rest of the name, false on a mismatch, or bad-pattern
 */
function matchChunk(chunk: string[], name: string[]): string[] | false | 'bad-pattern' {
  let c = 0;
  let s = 0;
  let failed = false;
  while (c < chunk.length) {
    if (!failed && s >= name.length) failed = true;
    const ch = chunk[c]!;
    if (ch === '[') {
      const r = failed ? -1 : goRune(name[s++]!);
      c++;
      let negated = false;
      if (chunk[c] === '^') {
        negated = true;
        c++;
      }
      let match = false;
      for (let ranges = 0; ; ranges++) {
        if (chunk[c] === ']' && ranges > 0) {
          c++;
          break;
        }
        const lo = classChar(chunk, c);
        if (lo === undefined) return 'bad-pattern';
        let hi = lo;
        if (chunk[lo.next] === '-') {
          hi = classChar(chunk, lo.next + 1) ?? { value: -1, next: -1 };
          if (hi.next < 0) return 'bad-pattern';
        }
        c = hi.next;
        if (lo.value <= r && r <= hi.value) match = true;
      }
      if (match === negated) failed = true;
    } else if (ch === '?') {
      if (!failed) {
        if (name[s] === '/') failed = true;
        s++;
      }
      c++;
    } else {
      if (ch === '\\') {
        c++;
        if (c >= chunk.length) return 'bad-pattern';
      }
      if (!failed) {
        if (chunk[c] !== name[s]) failed = true;
        s++;
      }
      c++;
    }
  }
  return failed ? false : name.slice(s);
}

/** getEsc: one class character, possibly escaped, which must not end the chunk. */
function classChar(chunk: string[], at: number): { value: number; next: number } | undefined {
  let i = at;
  if (i >= chunk.length || chunk[i] === '-' || chunk[i] === ']') return undefined;
  if (chunk[i] === '\\') {
    i++;
    if (i >= chunk.length) return undefined;
  }
  const value = goRune(chunk[i]!);
  if (value === 0xfffd && chunk[i] !== '\ufffd') return undefined; // Go refuses a bad byte in a class
  i++;
  return i >= chunk.length ? undefined : { value, next: i };
}

/** The rune Go decodes for one character: U+FFFD for an escaped byte. */
function goRune(ch: string): number {
  const c = ch.codePointAt(0)!;
  return c >= 0xdc80 && c <= 0xdcff ? 0xfffd : c;
}

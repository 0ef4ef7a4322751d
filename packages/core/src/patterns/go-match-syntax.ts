// Docker validates every pattern by calling Go's filepath.Match(pattern, ".") and keeping only the
// error (patternmatcher.New). Since Go 1.20 that call checks the whole pattern, so "is it valid"
// reduces to: does every chunk (text between unbracketed stars) parse as filepath.Match syntax.
// Go 1.19 and older stopped at the first mismatch; Docker CLI 28 is built with a newer Go.

/**
 * Why Go's filepath.Match would reject the pattern, or undefined if it would not.
 * @returns a short reason such as `unclosed character class`, or undefined
 */
export function goMatchSyntaxError(pattern: string): string | undefined {
  for (const chunk of splitChunks(pattern)) {
    const reason = chunkSyntaxError(Array.from(chunk));
    if (reason) return reason;
  }
  return undefined;
}

/** filepath.Match's scanChunk: stars separate chunks, except inside a bracket expression. */
function splitChunks(pattern: string): string[] {
  const chunks: string[] = [];
  let i = 0;
  while (i < pattern.length) {
    while (i < pattern.length && pattern[i] === '*') i++;
    let inRange = false;
    let j = i;
    for (; j < pattern.length; j++) {
      const c = pattern[j];
      if (c === '\\') {
        if (j + 1 < pattern.length) j++;
      } else if (c === '[') inRange = true;
      else if (c === ']') inRange = false;
      else if (c === '*' && !inRange) break;
    }
    chunks.push(pattern.slice(i, j));
    i = j;
  }
  return chunks;
}

function chunkSyntaxError(chars: string[]): string | undefined {
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (c === '[') {
      i++;
      if (chars[i] === '^') i++;
      let ranges = 0;
      for (;;) {
        if (i < chars.length && chars[i] === ']' && ranges > 0) {
          i++;
          break;
        }
        const lo = readClassChar(chars, i);
        if (typeof lo === 'string') return lo;
        i = lo;
        if (chars[i] === '-') {
          const hi = readClassChar(chars, i + 1);
          if (typeof hi === 'string') return hi;
          i = hi;
        }
        ranges++;
      }
    } else if (c === '\\') {
      if (i + 1 >= chars.length) return 'trailing backslash';
      i += 2;
    } else {
      i++;
    }
  }
  return undefined;
}

/** filepath.Match's getEsc: one (possibly escaped) class character that must be followed by more. */
function readClassChar(chars: string[], i: number): number | string {
  if (i >= chars.length) return 'unclosed character class';
  const c = chars[i];
  if (c === '-') return "'-' at the start of a range or class";
  if (c === ']') return 'empty character class or range';
  if (c === '\\') {
    i++;
    if (i >= chars.length) return 'trailing backslash in character class';
  }
  i++;
  if (i >= chars.length) return 'unclosed character class';
  return i;
}

// patternmatcher's Pattern.compile, reproduced: one pass over the pattern's characters sorts it
// into one of four match kinds and, for the regexp kind, builds a Go RE2 source string. The
// string is what Docker hands to regexp.Compile, so quirks of this one-pass translation (for
// example "*" inside brackets turning into "[^/]*") are part of Docker's semantics.

/** Docker's four match kinds (patternmatcher matchType). */
export type MatchKind = 'exact' | 'prefix' | 'suffix' | 'regexp';

/** The result of compiling one cleaned pattern. */
export interface PatternProgram {
  readonly kind: MatchKind;
  /** For `regexp`: the RE2 source Docker compiles, anchored with ^ and $. */
  readonly goRegex: string;
}

/**
 * What Docker escapes. patternmatcher means to escape `.+()|{}$`, but its bitmap ([8]byte indexed by
 * b%8, bit b/8) loses every character from 64 up, so `|`, `{` and `}` reach RE2 raw: `a|b` is an
 * alternation, `a{2}` a repeat. Verified against the Docker CLI.
 */
const ESCAPED = new Set(['.', '+', '(', ')', '$']);

/**
 * Sorts a cleaned pattern into Docker's match kinds and builds its RE2 source.
 * @returns the match kind and, for regexps, the Go regex source
 */
export function compilePattern(cleaned: string): PatternProgram {
  const chars = Array.from(cleaned);
  // text/scanner drops a byte order mark at the very start of its input (and only there).
  let pos = chars[0] === '\uFEFF' ? 1 : 0;
  let re = '^';
  let kind: MatchKind = 'exact';
  for (let i = 0; pos < chars.length; i++) {
    const ch = scanned(chars[pos++]!);
    if (ch === '*') {
      if (chars[pos] === '*') {
        pos++;
        // "**/" is treated as "**": the slash is eaten.
        if (chars[pos] === '/') pos++;
        if (pos >= chars.length) {
          if (kind === 'exact') kind = 'prefix';
          else {
            re += '.*';
            kind = 'regexp';
          }
        } else {
          re += '(.*/)?';
          kind = 'regexp';
        }
        if (i === 0) kind = 'suffix';
      } else {
        re += '[^/]*';
        kind = 'regexp';
      }
    } else if (ch === '?') {
      re += '[^/]';
      kind = 'regexp';
    } else if (ESCAPED.has(ch)) {
      re += '\\' + ch;
    } else if (ch === '\\') {
      if (pos < chars.length) {
        re += '\\' + scanned(chars[pos++]!);
        kind = 'regexp';
      } else {
        re += '\\';
      }
    } else if (ch === '[' || ch === ']') {
      re += ch;
      kind = 'regexp';
    } else {
      re += ch;
    }
  }
  return { kind, goRegex: kind === 'regexp' ? re + '$' : '' };
}

/**
 * A pattern character as text/scanner hands it over: a byte that is not UTF-8 (escaped as a lone
 * surrogate, see inventory/raw-names.ts) becomes U+FFFD, so in a regexp it matches any bad byte of
 * a path, and U+FFFD itself, as Go's regexp reads each of those as U+FFFD.
 */
function scanned(ch: string): string {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && c >= 0xdc80 && c <= 0xdcff ? '\uFFFD' : ch;
}

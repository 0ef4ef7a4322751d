// Small Go string behaviours the Dockerfile frontend's messages and paths depend on: %q quoting,
// path.Join, and the character classes of Go's unicode package. Written from the Go documentation;
// JavaScript's own versions differ in the corners users hit (e.g. /\s/ takes U+FEFF, Go does not).

import { goClean, isGoSpace } from '../ignorefile/go-strings.js';

export { isGoSpace };

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const NAMED_ESCAPES: Readonly<Record<number, string>> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };

/**
 * Go's strconv.Quote (what `%q` prints for a string): double quotes, backslash escapes for quotes,
 * backslashes, control and non-printable characters.
 * @returns the quoted string
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (cp === 0x20 || PRINTABLE.test(ch)) out += ch;
    else if (NAMED_ESCAPES[cp] !== undefined) out += NAMED_ESCAPES[cp];
    else if (cp < 0x80) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

/**
 * Go's `fmt.Sprintf("%q", []string{...})`: the quoted elements, space-separated, in brackets.
 * @returns e.g. `["--from=a" "--link"]`
 */
export function goQuoteList(values: readonly string[]): string {
  return '[' + values.map(goQuote).join(' ') + ']';
}

/**
 * Go's path.Join: the non-empty elements joined with `/`, then cleaned; `""` when all are empty.
 * @returns the joined path
 */
export function goJoin(...elements: string[]): string {
  const kept = elements.filter((e) => e !== '');
  return kept.length === 0 ? '' : goClean(kept.join('/'));
}

/** Go's unicode.IsLetter. */
export function isGoLetter(ch: string): boolean {
  return /^\p{L}$/u.test(ch);
}

/** Go's unicode.IsDigit (decimal digits of every script, not just 0-9). */
export function isGoDigit(ch: string): boolean {
  return /^\p{Nd}$/u.test(ch);
}

/** Go's strings.TrimLeftFunc(s, unicode.IsSpace). */
export function trimLeftGoSpace(s: string): string {
  let i = 0;
  while (i < s.length && isGoSpace(s.charCodeAt(i))) i++;
  return i === 0 ? s : s.slice(i);
}

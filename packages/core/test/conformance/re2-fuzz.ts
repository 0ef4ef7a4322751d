// Random .dockerignore patterns built from tokens that stress Docker's pattern -> RE2 translation
// (classes, escapes, Unicode, `{}` and `|`, which Docker passes through unescaped), each with
// inputs instantiated from the same tokens so that a good share of them match.
import type { CaseRng } from '@ctxlens/test-fixtures';

type Token = { readonly text: string; readonly fill: (rng: CaseRng) => string };

const lit = (text: string, value = text): Token => ({ text, fill: () => value });
const any = (text: string, values: readonly string[]): Token => ({ text, fill: (rng) => rng.pick(values) });

const CHARS = ['a', 'b', 'x', 'é', '日', '\u{1F433}', '.', ' ', '-', ']', '1', '\n', '\r', '\u2028', 'A', '_', '\x07', 'ſ', 'K'];
const SEGMENT_FILL = ['', 'a', 'é', 'x.y', '\n', '\u{1F433}', 'ab', '\u2028'];

const TOKENS: readonly Token[] = [
  ...['a', 'b', 'x', 'é', '日', '\u{1F433}', '/', '.', '+', '(', ')', '$', '^', ' ', '-', ',', '0', '9', ':', '=', '!', '#', '\t', '|', '{', '}'].map((c) => lit(c)),
  any('*', SEGMENT_FILL),
  any('**', ['', 'a/', 'a/b/', 'x', '\n/', 'é/']),
  any('?', CHARS),
  ...['[abc]', '[a-z]', '[^a]', '[!a]', '[[:alpha:]]', '[[:^digit:]]', '[[:foo:]]', '[\\]]', '[]a]', '[a-]', '[z-a]', '[^/]', '[/]', '[é-日]', '[\\d]', '[\\pL]', '[[:word:]]', '[a-z0-9]', '[^\\n]', '[\\x41-\\x5a]', '[[:space:]]', '[\\s]', '[^[:alpha:]]', '[\\p{Greek}]'].map((c) => any(c, CHARS)),
  ...['\\*', '\\?', '\\[', '\\]', '\\\\', '\\.', '\\-', '\\^', '\\$', '\\{', '\\}', '\\|'].map((c) => lit(c, c.slice(1))),
  any('\\a', ['\x07', 'a']),
  ...['\\k', '\\é', '\\C', '\\Z', '\\8', '\\1', '\\p', '\\x', '\\x{110000}', '\\Q', '\\E'].map((c) => any(c, CHARS)),
  ...['\\d', '\\s', '\\w', '\\D', '\\S', '\\W', '\\pL', '\\PL', '\\pN', '\\p{Greek}', '\\p{Han}', '\\P{L}', '\\pC', '\\PC', '\\p{^L}'].map((c) => any(c, CHARS)),
  any('\\x41', ['A']),
  any('\\x{1F433}', ['\u{1F433}']),
  any('\\101', ['A']),
  any('\\0', ['\0', '0']),
  lit('\\n', '\n'),
  lit('\\t', '\t'),
  ...['\\A', '\\z', '\\b', '\\B'].map((c) => lit(c, '')),
  ...['{2}', '{1,3}', '{,}', '{0}', '{1001}', '{2,1}', '{1,}'].map((c) => any(c, ['', 'a', 'aa', c])),
];

/** A fuzzed pattern and inputs likely to exercise it. */
export interface FuzzedPattern {
  readonly pattern: string;
  readonly inputs: string[];
}

/**
 * One random pattern of 1..8 tokens and `count` inputs instantiated from its tokens.
 * @returns the pattern and the inputs
 */
export function fuzzPattern(rng: CaseRng, count: number): FuzzedPattern {
  const tokens = Array.from({ length: rng.int(1, 8) }, () => rng.pick(TOKENS));
  const inputs = Array.from({ length: count }, () => tokens.map((t) => (rng.chance(0.9) ? t.fill(rng) : rng.pick(CHARS))).join(''));
  return { pattern: tokens.map((t) => t.text).join(''), inputs };
}

/** Inputs every regexp is tried on: separators, line breaks Go's `.` treats differently from JavaScript's, Unicode. */
export const FIXED_INPUTS: readonly string[] = [
  '', 'a', 'b', 'x', 'ab', 'aa', 'a/b', '/', 'a/', '/a', '.', '..', 'a.b', 'é', 'e\u0301', '日本', '\u{1F433}', 'a\nb', '\n',
  'a\rb', '\r', '\u2028', '\u2029', 'a\u2028b', '\u0085', '\t', ' ', 'A', 'Z', '_', '0', '9', '\x07', '{', '}', '|', '$',
  '^', '[', ']', '\\', '*', '?', '-', ':', 'abc/def/ghi', 'x|y', 'a{2}', 'Ω', 'ǅ', '\u{10FFFF}', '\uFFFD', 'ﬀ', 'K', 'ſ', 'k', 's',
];

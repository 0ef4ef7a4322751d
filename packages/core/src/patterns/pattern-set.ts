import { IgnoreFileError, type RuleOrigin } from '../errors.js';
import { goClean, goTrimSpace } from '../ignorefile/go-strings.js';
import type { RawRule } from '../ignorefile/read-ignore-file.js';
import { compilePattern, type MatchKind } from './compile.js';
import { pathBytes } from '../inventory/raw-names.js';
import { goMatchSyntaxError } from './go-match-syntax.js';
import { translateRe2 } from './re2.js';
import { Re2Matcher } from './re2-engine.js';
import { ACCEPTS, checkArgument } from '../validate.js';

/** A rule as Docker's matcher holds it: exclusion flag, cleaned text, origin. */
export interface Pattern {
  /** Position in the pattern set; the order decides (last match wins). */
  readonly index: number;
  /** True for `!` exceptions, which re-include paths. */
  readonly exclusion: boolean;
  /** The cleaned pattern without its `!`, as Docker's Pattern.String() gives it. */
  readonly text: string;
  /** Number of `/`-separated segments (used by Docker's deprecated single-depth Matches). */
  readonly segments: number;
  readonly origin: RuleOrigin;
}

interface Program {
  readonly kind: MatchKind;
  readonly test: (path: string) => boolean;
  readonly minSlashes: number;
  readonly maxSlashes: number;
}

/** A compiled pattern. Regexps compile on first use, as Docker's do, so their errors come late. */
export class CompiledPattern implements Pattern {
  readonly index: number;
  readonly exclusion: boolean;
  readonly text: string;
  readonly segments: number;
  readonly origin: RuleOrigin;
  private program: Program | IgnoreFileError | undefined;
  // The program's depth bounds, copied into the pattern once it is compiled: canMatchDepth runs
  // for every entry of a re-evaluation, and these two loads are all it needs. A rule that does not
  // compile takes any depth, so that `matches` raises Docker's error.
  private minSlashes = 0;
  private maxSlashes = Infinity;

  constructor(index: number, exclusion: boolean, text: string, origin: RuleOrigin) {
    this.index = index;
    this.exclusion = exclusion;
    this.text = text;
    this.segments = text.split('/').length;
    this.origin = origin;
  }

  /** Docker's match kind, or the compile error Docker would raise at first use. */
  compiled(): Program | IgnoreFileError {
    if (this.program === undefined) {
      const program = buildProgram(this.text, this.origin);
      if (!(program instanceof IgnoreFileError)) {
        this.minSlashes = program.minSlashes;
        this.maxSlashes = program.maxSlashes;
      }
      this.program = program;
    }
    return this.program;
  }

  /** The match kind; undefined when the pattern's regexp does not compile. */
  get kind(): MatchKind | undefined {
    const p = this.compiled();
    return p instanceof IgnoreFileError ? undefined : p.kind;
  }

  /**
   * False when no path with this many `/` can match, so the path need not even be built. A rule
   * whose regexp does not compile answers true, so that `matches` raises Docker's error.
   */
  canMatchDepth(slashes: number): boolean {
    if (this.program === undefined) this.compiled();
    return slashes >= this.minSlashes && slashes <= this.maxSlashes;
  }

  /**
   * Tests one slash-separated relative path against this pattern alone (Pattern.match).
   * @returns whether the path itself matches
   * @throws IgnoreFileError when the regexp does not compile (Docker: syntax error in pattern)
   */
  matches(path: string, slashes = countSlashes(path)): boolean {
    const p = this.program ?? this.compiled();
    if (p instanceof IgnoreFileError) throw p;
    if (slashes < p.minSlashes || slashes > p.maxSlashes) return false;
    return p.test(path);
  }
}

/** An ordered list of compiled patterns: Docker's PatternMatcher. */
export interface PatternSet {
  readonly patterns: readonly CompiledPattern[];
  /** True when any pattern is a `!` exception. */
  readonly hasExclusions: boolean;
}

/** Counts `/` in a path. */
export function countSlashes(path: string): number {
  let n = 0;
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) n++;
  return n;
}

/**
 * Builds Docker's pattern matcher from rules (patternmatcher.New): trims and cleans each again,
 * splits off `!`, and validates it with filepath.Match's syntax.
 * @returns the pattern set
 * @throws IgnoreFileError for a lone `!` or a pattern filepath.Match rejects
 */
export function compileRules(rules: readonly RawRule[]): PatternSet {
  checkArgument(rules, 'rules', ACCEPTS.rules);
  const patterns: CompiledPattern[] = [];
  for (const rule of rules) {
    let p = goTrimSpace(rule.pattern);
    if (p === '') continue;
    p = goClean(p);
    let exclusion = false;
    if (p.startsWith('!')) {
      if (p.length === 1) {
        throw new IgnoreFileError('illegal exclusion pattern: "!"', rule.origin, 'load', 'A lone "!" excepts nothing; write the path to re-include after it, e.g. "!README.md".');
      }
      exclusion = true;
      p = p.slice(1);
    }
    const reason = goMatchSyntaxError(p);
    if (reason) {
      throw new IgnoreFileError('syntax error in pattern', rule.origin, 'load', syntaxHint(reason));
    }
    patterns.push(new CompiledPattern(patterns.length, exclusion, p, rule.origin));
  }
  return { patterns, hasExclusions: patterns.some((p) => p.exclusion) };
}

function syntaxHint(reason: string): string {
  return `${reason}. To match a literal "[", "]", "*", "?" or "\\", escape it with a backslash, e.g. "file\\[1\\].txt".`;
}

function buildProgram(text: string, origin: RuleOrigin): Program | IgnoreFileError {
  const { kind, goRegex } = compilePattern(text);
  switch (kind) {
    case 'exact': {
      const slashes = countSlashes(text);
      return { kind, test: (path) => path === text, minSlashes: slashes, maxSlashes: slashes };
    }
    case 'prefix': {
      const prefix = text.slice(0, -2);
      const test = ESCAPED_BYTE.test(prefix) ? hasBytePrefix(pathBytes(prefix)) : (path: string) => path.startsWith(prefix);
      return { kind, test, minSlashes: countSlashes(prefix), maxSlashes: Infinity };
    }
    case 'suffix':
      return suffixProgram(text);
    case 'regexp': {
      const translated = translateRe2(goRegex);
      if (!translated.ok) {
        return new IgnoreFileError(
          'syntax error in pattern',
          origin,
          'match',
          `Docker turns this pattern into the regular expression ${goRegex}, which Go rejects (${translated.error}). Docker only reports it once a path reaches this rule.`,
        );
      }
      const matcher = new Re2Matcher(translated.node);
      return { kind, test: (path) => matcher.matches(path), minSlashes: translated.minSlashes, maxSlashes: translated.maxSlashes };
    }
  }
}

/** A byte that is not UTF-8, as ctxlens escapes it (inventory/raw-names.ts). */
const ESCAPED_BYTE = /[\udc80-\udcff]/u;

// Docker compares prefixes and suffixes as bytes. On the strings ctxlens keeps, that is the same
// comparison while the pattern is valid UTF-8 (its characters decode alike wherever they sit in a
// path); a pattern holding a bad byte can also match part of a valid character (`a\xc3**` matches
// "aé"), so those compare bytes.
function hasBytePrefix(prefix: Buffer): (path: string) => boolean {
  return (path) => {
    const bytes = pathBytes(path);
    return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
  };
}

function hasByteSuffix(suffix: Buffer): (path: string) => boolean {
  return (path) => {
    const bytes = pathBytes(path);
    return bytes.length >= suffix.length && bytes.subarray(bytes.length - suffix.length).equals(suffix);
  };
}

function suffixProgram(text: string): Program {
  if (text.startsWith('\uFEFF')) {
    // Docker slices the leading "**" off by bytes; after a byte order mark that cuts into it.
    return { kind: 'suffix', test: hasByteSuffix(pathBytes(text).subarray(2)), minSlashes: 0, maxSlashes: Infinity };
  }
  const suffix = text.slice(2);
  // "**/foo" also matches "foo" itself.
  const bare = suffix.startsWith('/') ? suffix.slice(1) : undefined;
  const minSlashes = Math.max(0, countSlashes(suffix) - (bare === undefined ? 0 : 1));
  const endsWith = ESCAPED_BYTE.test(suffix) ? hasByteSuffix(pathBytes(suffix)) : (path: string) => path.endsWith(suffix);
  return {
    kind: 'suffix',
    test: (path) => endsWith(path) || path === bare,
    minSlashes,
    maxSlashes: Infinity,
  };
}

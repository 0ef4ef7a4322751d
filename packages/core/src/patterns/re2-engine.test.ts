// The linear engine, as a property: random Docker patterns (`*`, `**`, `?`, `/`, literals, classes,
// escapes, bytes that are not UTF-8, and the `|`, `{n,m}`, `^`, `\b` Docker lets through) on random
// paths of up to 4096 bytes. (a) Every verdict is Go's: the engine against Go's regexp.MatchString
// on Docker's own regexp, the whole matcher against patternmatcher's MatchesOrParentMatches, and
// the old backtracking translation on short paths. (b) The work is linear, counted rather than
// timed: steps ≤ 2 × (path length + 1) × program size, for every case and for the two patterns
// that took V8 minutes. CTXLENS_ENGINE_CASES sets the number of random patterns (400).
import { CaseRng, goOracleStatus, type GoOracle, startGoOracle } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IgnoreFileError } from '../errors.js';
import { rawByteLength } from '../inventory/raw-names.js';
import { compilePattern } from './compile.js';
import { matchesOrParentMatches } from './matcher.js';
import { compileRules, type PatternSet } from './pattern-set.js';
import { Re2Matcher } from './re2-engine.js';
import { type Re2Translation, translateRe2 } from './re2.js';

const status = goOracleStatus();
const skipped = status.available ? '' : ` [skipped: ${status.reason}]`;
const CASES = Number(process.env['CTXLENS_ENGINE_CASES'] ?? 400);
/** The step bound's constant: per character one table read, plus at most one visit per instruction. */
const C = 2;

type Token = { readonly text: string; readonly fills: readonly string[] };
const tok = (text: string, ...fills: string[]): Token => ({ text, fills: fills.length > 0 ? fills : [text] });
const TOKENS: readonly Token[] = [
  tok('a'), tok('b'), tok('x'), tok('é'), tok('.'), tok('-'), tok('/'), tok('/'),
  tok('*', '', 'a', 'ab', 'xé', 'aaaaaaaa'),
  tok('**', '', 'a/', 'a/b/', 'x', 'd/d/d/d/'),
  tok('**/', '', 'a/', 'd/d/'),
  tok('?', 'a', 'é', '\udcff', '日'),
  tok('[a-c]', 'a', 'b', 'c', 'd'),
  tok('[^/x]', 'a', '/', 'x', '\udcff'),
  tok('[!a]', 'a', 'b'),
  tok('[[:alpha:]]', 'a', '1'),
  tok('\\*', '*'), tok('\\[', '['), tok('\\\\', '\\'), tok('\\.', '.'), tok('\\?', '?'),
  tok('|', ''), tok('{1,3}', '', 'a', 'aa'), tok('{2}', 'aa'), tok('^', ''), tok('\\b', ''), tok('\\B', ''),
  tok('\\x{FFFD}', '\ufffd', '\udcfe'), tok('\\pL', 'é', 'a', '1'),
  // A byte that is not UTF-8 in the pattern itself (escaped as ctxlens keeps it; Go gets the byte).
  tok('\udcff', '\udcff', '\udcfe', '\ufffd'), tok('\udcc3', '\udcc3', 'é'),
];
const PATH_FRAGMENTS = ['a', 'b', 'x', '/', 'é', '.', 'ab/', 'd/', 'aaaa', '\udcff', '日', '-', 'c', '*', '\u{1F433}'];

/** A random pattern, and paths built from its tokens' fills so a fair share match. */
function randomCase(rng: CaseRng): { pattern: string; paths: string[] } {
  const tokens = Array.from({ length: rng.int(1, 10) }, () => rng.pick(TOKENS));
  const pattern = tokens.map((t) => t.text).join('');
  const paths = Array.from({ length: 6 }, () => {
    // Mostly short paths, some up to 4096 bytes: the long ones repeat the pattern's own fills.
    const limit = rng.chance(0.6) ? rng.int(0, 40) : rng.chance(0.5) ? rng.int(41, 600) : rng.int(601, 4096);
    let path = '';
    let bytes = 0;
    for (let guard = 0; guard < 100_000; guard++) {
      const piece = rng.chance(0.7) ? tokens.map((t) => rng.pick(t.fills)).join('') : rng.pick(PATH_FRAGMENTS);
      bytes += rawByteLength(piece);
      if (bytes > limit) break;
      path += piece;
    }
    return path;
  });
  return { pattern, paths };
}

const rules = (pattern: string): PatternSet => compileRules([{ pattern, origin: { file: '.dockerignore', line: 1, text: pattern } }]);

/** Docker's regexp for a pattern that compiles to one, translated; undefined for the other kinds or a load error. */
function regexpOf(pattern: string): { goRegex: string; translated: Re2Translation } | undefined {
  let set: PatternSet;
  try {
    set = rules(pattern);
  } catch {
    return undefined;
  }
  const p = set.patterns[0];
  if (p === undefined) return undefined;
  const { kind, goRegex } = compilePattern(p.text);
  return kind === 'regexp' ? { goRegex, translated: translateRe2(goRegex) } : undefined;
}

function outcome(fn: () => boolean): boolean | string {
  try {
    return fn();
  } catch (error) {
    if (error instanceof IgnoreFileError) return error.message;
    throw error;
  }
}

describe('linear engine: step bound', () => {
  // Issue 10's two hostile patterns, at the length Docker allows a path.
  it.each([
    ['**/'.repeat(14) + '*x', `${'d/'.repeat(2046)}file`, false],
    ['**/'.repeat(14) + '*x', `${'d/'.repeat(2046)}fx`, true],
    ['*a'.repeat(10) + 'b', 'a'.repeat(4096), false],
    ['*a'.repeat(10) + 'b', `${'a'.repeat(4095)}b`, true],
  ])('%s on a path of 4096 bytes: %#', (pattern, path, expected) => {
    const r = regexpOf(pattern)!;
    expect(r.translated.ok).toBe(true);
    if (!r.translated.ok) return;
    const engine = new Re2Matcher(r.translated.node);
    expect(engine.matches(path)).toBe(expected);
    expect(engine.steps).toBeLessThanOrEqual(C * (path.length + 1) * engine.size);
    // And through the pattern set (the path Docker's walker takes, parents included).
    expect(matchesOrParentMatches(rules(pattern), path).excluded).toBe(expected);
  });

  it('a cache too small for the states falls back to NFA simulation with the same verdicts', () => {
    // `(a|b)*a` followed by n arbitrary characters needs 2^n DFA states: past the cap, nothing is cached.
    const t = translateRe2(`(a|b)*a${'[ab]'.repeat(14)}$`);
    if (!t.ok) throw new Error(t.error);
    const engine = new Re2Matcher(t.node);
    const re = new RegExp(t.source, 'u');
    const rng = new CaseRng(7);
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: rng.int(10, 200) }, () => rng.pick(['a', 'b'])).join('');
      const before = engine.steps;
      expect(engine.matches(text)).toBe(re.test(text));
      expect(engine.steps - before).toBeLessThanOrEqual(C * (text.length + 1) * engine.size);
    }
  });
});

describe(`linear engine vs Go${skipped}`, () => {
  let oracle: GoOracle;
  beforeAll(async () => {
    if (status.available) oracle = await startGoOracle();
  });
  afterAll(async () => {
    await oracle?.close();
  });

  it.skipIf(!status.available)(`${CASES} random patterns on paths up to 4096 bytes: Go's verdicts, linear steps${skipped}`, async () => {
    const rng = new CaseRng(0x11ea2);
    const problems: string[] = [];
    const n = { regexps: 0, inputs: 0, matched: 0, long: 0, matcherPaths: 0, oldCompared: 0 };
    for (let i = 0; i < CASES; i++) {
      const { pattern, paths } = randomCase(rng);
      const tag = `pattern ${JSON.stringify(pattern)}`;
      // The whole matcher, parents included, against patternmatcher; it matches each ancestor
      // again (quadratic in the depth, in Go too), so on paths up to 600 bytes only.
      const short = paths.filter((p) => rawByteLength(p) <= 600);
      const go = await oracle.match([pattern], short);
      let set: PatternSet | undefined;
      try {
        set = rules(pattern);
      } catch (error) {
        if (!(error instanceof IgnoreFileError)) throw error;
        if (go.ok) problems.push(`${tag}: Go New accepts it, ctxlens fails at load (${error.message})`);
        continue;
      }
      if (!go.ok) {
        problems.push(`${tag}: Go New fails (${go.newError}), ctxlens accepts it`);
        continue;
      }
      go.results.forEach((r, k) => {
        n.matcherPaths++;
        const ours = outcome(() => matchesOrParentMatches(set!, short[k]!).excluded);
        const want = r.mopErr ?? r.mop!;
        if (ours !== want) problems.push(`${tag} on ${JSON.stringify(short[k])}: MatchesOrParentMatches Go ${want}, ctxlens ${ours}`);
      });
      // The engine alone against Go's regexp, on Docker's regexp for the pattern.
      const r = regexpOf(pattern);
      if (r === undefined || !r.translated.ok) continue;
      const goRe = await oracle.regexp(r.goRegex, paths);
      if (!goRe.ok) {
        problems.push(`${tag}: Go rejects ${r.goRegex} (${goRe.error}), ctxlens compiles it`);
        continue;
      }
      n.regexps++;
      const engine = new Re2Matcher(r.translated.node);
      const old = new RegExp(r.translated.source, 'u');
      paths.forEach((path, k) => {
        n.inputs++;
        if (rawByteLength(path) > 600) n.long++;
        const want = goRe.matches[k]!;
        if (want) n.matched++;
        const before = engine.steps;
        const got = engine.matches(path);
        const steps = engine.steps - before;
        if (got !== want) problems.push(`${tag} (${r.goRegex}) on ${JSON.stringify(path)}: Go ${want}, engine ${got}`);
        if (steps > C * (path.length + 1) * engine.size) problems.push(`${tag} on a path of ${path.length}: ${steps} steps, over ${C} × ${path.length + 1} × ${engine.size}`);
        // The old translation backtracks, so only short paths; it never read an escaped byte as U+FFFD.
        if (path.length <= 24 && !/[\udc80-\udcff]/u.test(path)) {
          n.oldCompared++;
          if (old.test(path) !== want) problems.push(`${tag} on ${JSON.stringify(path)}: Go ${want}, old translation ${!want}`);
        }
      });
    }
    console.log(`linear engine: ${CASES} patterns, ${n.matcherPaths} paths through MatchesOrParentMatches; ${n.regexps} regexps on ${n.inputs} paths (${n.long} over 600 bytes, ${n.matched} matches, ${n.oldCompared} also through the old translation); ${problems.length} disagreements`);
    expect(problems.slice(0, 12)).toEqual([]);
    expect(n.matched).toBeGreaterThan(n.inputs / 10);
    expect(n.long).toBeGreaterThan(n.inputs / 10);
  }, 120_000);
});

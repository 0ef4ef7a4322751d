import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goOracleStatus, startGoOracle, type GoMatchPathResult, type GoOracle } from './index.js';

const status = goOracleStatus();
const skipped = status.available ? '' : ` [SKIPPED: ${status.reason}]`;
const goIt = it.skipIf(!status.available);

let oracle: GoOracle;

beforeAll(async () => {
  if (status.available) oracle = await startGoOracle();
});

afterAll(async () => {
  await oracle?.close();
});

/** Results of a match query that must not fail at New. */
async function matchAll(patterns: string[], paths: string[]): Promise<GoMatchPathResult[]> {
  const result = await oracle.match(patterns, paths);
  if (!result.ok) throw new Error(`New failed: ${result.newError}`);
  return [...result.results];
}

/** The three methods' answers for each path, as [mop, m, upr]. */
async function verdicts(patterns: string[], paths: string[]): Promise<Record<string, [boolean | null, boolean | null, boolean | null]>> {
  const out: Record<string, [boolean | null, boolean | null, boolean | null]> = {};
  for (const r of await matchAll(patterns, paths)) out[r.path] = [r.mop, r.m, r.upr];
  return out;
}

describe('go oracle status', () => {
  it(status.available ? 'is available' : `is unavailable: ${status.reason}`, () => {
    if (status.available) expect(status).toEqual({ available: true });
    else expect(status.reason).toMatch(/apt-get install .*golang/);
  });
});

describe(`go oracle: patternmatcher.New${skipped}`, () => {
  goIt('runs Debian Go 1.19 (the facts below are about that toolchain)', () => {
    expect(oracle.goVersion).toMatch(/^go1\.19\./);
  });

  goIt('rejects a lone "!" (also after TrimSpace and Clean)', async () => {
    for (const pattern of ['!', ' ! ', '!/', '!//']) {
      expect(await oracle.match([pattern], ['a'])).toEqual({ ok: false, newError: 'illegal exclusion pattern: "!"' });
    }
  });

  goIt('rejects "[" and "*[" (malformed first chunk) with the filepath error text', async () => {
    expect(await oracle.match(['['], ['a'])).toEqual({ ok: false, newError: 'syntax error in pattern' });
    expect(await oracle.match(['*['], ['a'])).toEqual({ ok: false, newError: 'syntax error in pattern' });
  });

  goIt('skips blank patterns: a matcher of only blanks matches nothing', async () => {
    expect(await verdicts(['', '  ', '\t\u0085'], ['a'])).toEqual({ a: [false, false, false] });
  });
});

describe(`go oracle: New's filepath.Match(p, ".") check stops at the first chunk that fails (Docker 28 / Go 1.24 alike)${skipped}`, () => {
  goIt('filepath.Match("a*[", ".") is false without error: the chunk after * is never checked', async () => {
    expect(await oracle.filepathMatch('a*[', '.')).toEqual({ matched: false, error: null });
    expect(await oracle.filepathMatch('[', '.')).toEqual({ matched: false, error: 'syntax error in pattern' });
    expect(await oracle.filepathMatch('*[', '.')).toEqual({ matched: false, error: 'syntax error in pattern' });
  });

  goIt('New(["a*["]) succeeds; the error appears on the first match instead (so in Docker 28)', async () => {
    const [r] = await matchAll(['a*['], ['a']);
    expect(r).toEqual({
      path: 'a',
      mop: null,
      mopErr: 'syntax error in pattern',
      m: null,
      mErr: 'syntax error in pattern',
      upr: null,
      uprErr: 'syntax error in pattern',
    });
  });

  goIt('New(["a*\\\\"]) succeeds and never errors: the trailing \\ escapes the regexp "$" anchor', async () => {
    expect(await verdicts(['a*\\'], ['a', 'a$', 'ab$', 'a$/x', 'a\\'])).toEqual({
      a: [false, false, false],
      a$: [true, true, true],
      ab$: [true, true, true],
      'a$/x': [true, true, true],
      'a\\': [false, false, false],
    });
  });

  goIt('New(["a*[a-]"]) succeeds and matches ("-" literal in RE2), though filepath syntax forbids it', async () => {
    expect(await oracle.filepathMatch('x[a-]', 'x-')).toEqual({ matched: false, error: 'syntax error in pattern' });
    expect(await verdicts(['a*[a-]'], ['aa', 'a-', 'ab'])).toEqual({
      aa: [true, true, true],
      'a-': [true, true, true],
      ab: [false, false, false],
    });
  });

  goIt('"[z-a]" passes New (filepath ignores range order) and fails at match (RE2 refuses it)', async () => {
    const [r] = await matchAll(['[z-a]'], ['q']);
    expect(r?.mopErr).toBe('syntax error in pattern');
    expect((await oracle.regexp('^[z-a]$', [])).ok).toBe(false);
  });
});

describe(`go oracle: matching semantics${skipped}`, () => {
  goIt('**/*.md matches at any depth, including the top level', async () => {
    expect(await verdicts(['**/*.md'], ['a/b/c.md', 'c.md', 'c.mdx'])).toEqual({
      'a/b/c.md': [true, true, true],
      'c.md': [true, true, true],
      'c.mdx': [false, false, false],
    });
  });

  goIt('*.md stays in the top directory', async () => {
    expect(await verdicts(['*.md'], ['a/c.md', 'c.md'])).toEqual({
      'a/c.md': [false, false, false],
      'c.md': [true, true, true],
    });
  });

  goIt('["foo/x", "!foo"]: MatchesOrParentMatches says false, the parent-results walk says true', async () => {
    // MatchesOrParentMatches lets "!foo" catch foo/x through its parent "foo". The walk never
    // evaluates "!foo" at "foo" (nothing was matched there yet, so exclusions are skipped) and
    // then trusts that recorded false for foo/x.
    expect(await verdicts(['foo/x', '!foo'], ['foo/x', 'foo/x/z', 'foo'])).toEqual({
      'foo/x': [false, false, true],
      'foo/x/z': [false, false, true],
      foo: [false, false, false],
    });
  });

  goIt('["foo", "!foo/x"] re-includes foo/x and everything below it', async () => {
    expect(await verdicts(['foo', '!foo/x'], ['foo', 'foo/y', 'foo/x', 'foo/x/z'])).toEqual({
      foo: [true, true, true],
      'foo/y': [true, true, true],
      'foo/x': [false, false, false],
      'foo/x/z': [false, false, false],
    });
  });

  goIt('deprecated Matches checks only the parent prefix as deep as the pattern: a/**/c misses a/c/x', async () => {
    expect(await verdicts(['a/**/c'], ['a/c', 'a/c/x', 'a/b/c/x'])).toEqual({
      'a/c': [true, true, true],
      'a/c/x': [true, false, true],
      'a/b/c/x': [true, true, true],
    });
  });

  goIt('"**" prefixes and suffixes are plain string tests: foo** matches foobar, **foo matches barfoo, foo/** not foo', async () => {
    expect(await verdicts(['foo**'], ['foobar/x', 'fo'])).toEqual({ 'foobar/x': [true, true, true], fo: [false, false, false] });
    expect(await verdicts(['**foo'], ['barfoo', 'x/barfoo'])).toEqual({ barfoo: [true, true, true], 'x/barfoo': [true, true, true] });
    expect(await verdicts(['foo/**'], ['foo', 'foo/x'])).toEqual({ foo: [false, false, false], 'foo/x': [true, true, true] });
  });

  goIt('"[!a]" is not a negation ("!" is literal); "[^a]" is', async () => {
    expect(await verdicts(['[!a]'], ['!', 'a', 'b'])).toEqual({ '!': [true, true, true], a: [true, true, true], b: [false, false, false] });
    expect(await verdicts(['[^a]'], ['!', 'a', 'b'])).toEqual({ '!': [true, true, true], a: [false, false, false], b: [true, true, true] });
  });

  goIt('a leading "/" is kept by Clean, so "/foo" does not match "foo" inside patternmatcher', async () => {
    expect(await verdicts(['/foo'], ['foo'])).toEqual({ foo: [false, false, false] });
  });

  goIt('"?" is one rune, never "/"', async () => {
    expect(await verdicts(['a?c'], ['abc', 'aéc', 'a/c'])).toEqual({
      abc: [true, true, true],
      aéc: [true, true, true],
      'a/c': [false, false, false],
    });
  });
});

describe(`go oracle: Go RE2 regexp${skipped}`, () => {
  goIt('\\a is the bell character', async () => {
    expect(await oracle.regexp('^\\a$', ['\u0007', 'a'])).toEqual({ ok: true, matches: [true, false] });
  });

  goIt('\\k is an invalid escape', async () => {
    expect(await oracle.regexp('\\k', ['k'])).toEqual({ ok: false, error: 'error parsing regexp: invalid escape sequence: `\\k`' });
  });

  goIt('[[:alpha:]] is a POSIX class', async () => {
    expect(await oracle.regexp('^[[:alpha:]]$', ['q', '1', 'é'])).toEqual({ ok: true, matches: [true, false, false] });
  });

  goIt('MatchString is unanchored', async () => {
    expect(await oracle.regexp('b', ['abc'])).toEqual({ ok: true, matches: [true] });
  });
});

describe(`go oracle: strings.TrimSpace and filepath.Clean${skipped}`, () => {
  goIt('TrimSpace removes U+0085 and U+00A0 but not U+FEFF', async () => {
    expect(await oracle.trimSpace(['\u0085x\u00a0', '\ufeffx\ufeff', ' \t\r\nx\u3000'])).toEqual(['x', '\ufeffx\ufeff', 'x']);
  });

  goIt('Clean resolves dot segments and trailing slashes', async () => {
    expect(await oracle.clean(['a/../b', './a/', '', '/', '//a//b/', '../a', 'a/..'])).toEqual(['b', 'a', '.', '/', '/a/b', '../a', '.']);
  });
});

describe(`go oracle: harness${skipped}`, () => {
  goIt('round-trips arbitrary Unicode (astral, NUL, controls, U+2028)', async () => {
    const inputs = ['😀/日本/ü', 'a\u0000b', '\u0001\u001f\u007f', 'x\u2028y\u2029', '"\\<&>'];
    expect(await oracle.clean(inputs)).toEqual(inputs);
  });

  goIt('refuses lone surrogates instead of letting Go turn them into U+FFFD', async () => {
    await expect(oracle.clean(['\ud800'])).rejects.toThrow(/lone surrogate/);
    expect(await oracle.clean(['still/alive'])).toEqual(['still/alive']);
  });

  goIt('answers pipelined requests in order', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? oracle.clean([`d${i}/./x`]) : oracle.trimSpace([` t${i} `]))),
    );
    answers.forEach((answer, i) => expect(answer).toEqual([i % 2 === 0 ? `d${i}/x` : `t${i}`]));
  });

  goIt('compile reports match kinds and the regexp Docker builds (| { } are NOT escaped: shouldEscape drops bytes >= 64)', async () => {
    const results = await oracle.compile(['*.md', 'a.b', '**/x', 'x/**', '!a(b)*', 'x|y*', 'a{2}*', '[z-a]', '   ', '[']);
    expect(results.map((r) => [r.kind, r.regexp, r.compileError, r.newError, r.exclusion])).toEqual([
      ['regexp', '^[^/]*\\.md$', null, null, false],
      ['exact', null, null, null, false],
      ['suffix', null, null, null, false],
      ['prefix', null, null, null, false],
      ['regexp', '^a\\(b\\)[^/]*$', null, null, true],
      ['regexp', '^x|y[^/]*$', null, null, false],
      ['regexp', '^a{2}[^/]*$', null, null, false],
      ['regexp', null, 'syntax error in pattern', null, false],
      ['', null, null, null, false],
      ['', null, null, 'syntax error in pattern', false],
    ]);
    expect(results[8]?.empty).toBe(true);
  });

  goIt('measures match throughput on a batch of 1000 paths', async () => {
    const patterns = ['**/*.md', 'node_modules', '!node_modules/keep/**', 'build/*/out', '*.log', '!important.log', 'docs/[a-c]*'];
    const paths = Array.from({ length: 1000 }, (_, i) => `dir${i % 10}/sub${i % 7}/file${i}.${['md', 'ts', 'log'][i % 3]}`);
    await oracle.match(patterns, paths.slice(0, 10)); // warm-up
    const rounds = 5;
    const start = performance.now();
    for (let round = 0; round < rounds; round++) {
      const result = await oracle.match(patterns, paths);
      expect(result.ok && result.results.length).toBe(1000);
    }
    const seconds = (performance.now() - start) / 1000;
    const pathsPerSecond = Math.round((rounds * paths.length) / seconds);
    console.log(`go oracle match: ${pathsPerSecond} paths/s (each path: 3 methods on fresh matchers, ${patterns.length} patterns)`);
    expect(pathsPerSecond).toBeGreaterThan(100);
  });
});

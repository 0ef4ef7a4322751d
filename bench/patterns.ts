// Pattern matching alone, in memory: the hostile patterns of issue 10 (which made V8's backtracking
// RegExp run for minutes) on the linear engine, and the throughput of a common rule set on a
// million paths, linear engine against the old RE2 -> JavaScript RegExp translation, in one run.
import { type CompiledPattern, compileRules } from '../packages/core/src/index.js';
import { compilePattern } from '../packages/core/src/patterns/compile.js';
import { translateRe2 } from '../packages/core/src/patterns/re2.js';
import { median } from './measure.js';

/** One timed case. */
export interface PatternTiming {
  readonly label: string;
  readonly medianMs: number;
  readonly matched: boolean;
}

/** What `measurePatterns` found. */
export interface PatternBench {
  /** The linear engine on the hostile cases. */
  readonly hostile: readonly PatternTiming[];
  /** The old JavaScript translation on smaller instances of the same cases (it blows up past them). */
  readonly oldHostile: readonly PatternTiming[];
  readonly paths: number;
  readonly rules: readonly string[];
  /** Matching every path against every rule: median ms with the linear engine and with the old RegExps. */
  readonly engineMs: number;
  readonly regexpMs: number;
}

const compile = (pattern: string): CompiledPattern => compileRules([{ pattern, origin: { file: 'bench', line: 1, text: pattern } }]).patterns[0]!;

/** The old translation of a regexp-kind pattern: V8's RegExp on translateRe2's source. */
function oldRegExp(pattern: string): RegExp {
  const t = translateRe2(compilePattern(compile(pattern).text).goRegex);
  if (!t.ok) throw new Error(`bench: ${pattern} does not compile: ${t.error}`);
  return new RegExp(t.source, 'u');
}

function time(rounds: number, run: () => boolean): { medianMs: number; matched: boolean } {
  let matched = run(); // warm-up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    matched = run();
    times.push(performance.now() - started);
  }
  return { medianMs: median(times), matched };
}

const DEEP_STARS = `${'**/'.repeat(14)}*x`;
const STAR_A = `${'*a'.repeat(10)}b`;
/** A path `levels` directories deep whose file name does not end in x: every split is tried. */
const deepPath = (levels: number): string => `${'d/'.repeat(levels)}file`;

/**
 * Times the hostile cases and the common rule set.
 * @param rounds timed runs per case (after one warm-up); medians are reported
 * @returns the timings
 */
export function measurePatterns(rounds: number): PatternBench {
  const hostileCases: [string, string, string][] = [
    [`\`${DEEP_STARS}\` vs a file 20 directories deep`, DEEP_STARS, deepPath(20)],
    [`\`${DEEP_STARS}\` vs a path of 4096 bytes (2046 directories)`, DEEP_STARS, deepPath(2046)],
    [`\`${STAR_A}\` vs 60 \`a\`s`, STAR_A, 'a'.repeat(60)],
    [`\`${STAR_A}\` vs 4096 \`a\`s`, STAR_A, 'a'.repeat(4096)],
  ];
  const hostile = hostileCases.map(([label, pattern, path]) => {
    const p = compile(pattern);
    return { label, ...time(rounds, () => p.matches(path)) };
  });
  // Sizes the old translation still finishes in well under a second.
  const oldCases: [string, string, string][] = [
    [`\`${DEEP_STARS}\` vs a file 10 directories deep`, DEEP_STARS, deepPath(10)],
    [`\`${DEEP_STARS}\` vs a file 12 directories deep`, DEEP_STARS, deepPath(12)],
    [`\`${STAR_A}\` vs 20 \`a\`s`, STAR_A, 'a'.repeat(20)],
    [`\`${STAR_A}\` vs 24 \`a\`s`, STAR_A, 'a'.repeat(24)],
  ];
  const oldHostile = oldCases.map(([label, pattern, path]) => {
    const re = oldRegExp(pattern);
    return { label, ...time(Math.min(rounds, 3), () => re.test(path)) };
  });

  const rules = ['**/*.log', '**/node_modules', '*.md', 'src/**/*.test.ts', '!README*.md', 'build/*/cache', 'docs/**/*.[ch]'];
  const paths = commonPaths(1_000_000);
  const compiled = rules.map((r) => compileRules([{ pattern: r, origin: { file: 'bench', line: 1, text: r } }]).patterns[0]!);
  // The old way: the same programs, with V8's RegExp where the pattern is of the regexp kind.
  const oldTests = compiled.map((p, i) => {
    if (p.kind !== 'regexp') return (path: string) => p.matches(path);
    const re = oldRegExp(rules[i]!);
    return (path: string) => p.canMatchDepth(countSlashes(path)) && re.test(path);
  });
  const newTests = compiled.map((p) => (path: string) => p.matches(path));
  let agree = true;
  const sweep = (tests: readonly ((path: string) => boolean)[]) => () => {
    let hits = 0;
    for (const path of paths) for (const test of tests) if (test(path)) hits++;
    return hits > 0;
  };
  for (let i = 0; i < 2000; i++) for (let k = 0; k < rules.length; k++) agree &&= oldTests[k]!(paths[i]!) === newTests[k]!(paths[i]!);
  if (!agree) throw new Error('bench: the linear engine and the old translation disagree on the common rule set');
  const engineMs = time(rounds, sweep(newTests)).medianMs;
  const regexpMs = time(rounds, sweep(oldTests)).medianMs;
  return { hostile, oldHostile, paths: paths.length, rules, engineMs, regexpMs };
}

function countSlashes(path: string): number {
  let n = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 0x2f) n++;
  return n;
}

/** A project-like mix of paths: sources and tests, node_modules, logs, docs, build output. */
function commonPaths(count: number): string[] {
  const out: string[] = [];
  const exts = ['ts', 'js', 'md', 'log', 'json', 'c', 'h', 'test.ts'];
  const tops = ['src', 'node_modules', 'docs', 'build', 'test', 'logs', ''];
  let seed = 1;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let i = 0; i < count; i++) {
    const top = tops[rnd(tops.length)]!;
    const depth = rnd(5);
    const dirs = Array.from({ length: depth }, () => (rnd(9) === 0 ? 'node_modules' : `dir${rnd(40)}`));
    const name = rnd(20) === 0 ? `README${rnd(3)}.md` : `file${rnd(1000)}.${exts[rnd(exts.length)]}`;
    out.push([top, ...dirs, name].filter(Boolean).join('/'));
  }
  return out;
}

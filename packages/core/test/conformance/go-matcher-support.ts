// Inputs and small adapters for go-matcher.test.ts: which paths and patterns to ask the Go oracle
// about, and core's answers in the oracle's shape.
import { compileRules, IgnoreFileError, matchesOrParentMatches, matchesUsingParentResults, parseIgnoreFile, type PatternSet, type RawRule } from '@ctxlens/core';
import { goClean, goTrimSpace } from '@ctxlens/core/internal';
import { CaseRng, generateCase } from '@ctxlens/test-fixtures';
import { type MatchInfo } from '../../src/patterns/matcher.js';
import { fuzzPattern } from './re2-fuzz.js';

/** A matcher's answer: excluded or not, or the error message it stopped with. */
export type Outcome = boolean | string;

/** A verdict, or the IgnoreFileError message a reached rule threw. */
export function run(fn: () => boolean): Outcome {
  try {
    return fn();
  } catch (error) {
    if (error instanceof IgnoreFileError) return error.message;
    throw error;
  }
}

/** matchesUsingParentResults down the path's ancestors, as the oracle (and a walker) does. */
export function walkVerdict(set: PatternSet, path: string): boolean {
  const parts = path.split('/');
  let info: MatchInfo | undefined;
  let excluded = false;
  for (let i = 0; i < parts.length; i++) {
    const v = matchesUsingParentResults(set, parts.slice(0, i + 1).join('/'), info);
    ({ excluded, info } = v);
  }
  return excluded;
}

/** The oracle's answer for one method as an Outcome. */
export const goOutcome = (value: boolean | null, error: string | null): Outcome => (error !== null ? error : value!);

/** A rule's pattern as patternmatcher.New stores it: TrimSpace, Clean, `!` split off. */
export function cleanedOf(pattern: string): string {
  const c = goClean(goTrimSpace(pattern));
  return c.startsWith('!') ? c.slice(1) : c;
}

/** Whether the rule's pattern (exclusion flag dropped) matches one of the paths or an ancestor. */
export function hitsSomePath(rule: RawRule, paths: readonly string[]): boolean {
  const text = rule.pattern.startsWith('!') ? rule.pattern.slice(1) : rule.pattern;
  try {
    const set = compileRules([{ ...rule, pattern: text }]);
    return paths.some((p) => matchesOrParentMatches(set, p).excluded);
  } catch {
    return false;
  }
}

/** Paths to ask about: every tree path, the two forced files, and a child under each directory. */
export function pathsOf(tree: ReturnType<typeof generateCase>['tree']): string[] {
  const out = new Set(['Dockerfile', '.dockerignore']);
  for (const e of tree) {
    const p = 'file' in e ? e.file : 'dir' in e ? e.dir : 'symlink' in e ? e.symlink : 'hardlink' in e ? e.hardlink : 'fifo' in e ? e.fifo : e.socket;
    out.add(p);
    if ('dir' in e) out.add(`${p}/child`);
  }
  return [...out];
}

/** A pattern to compile, with inputs for its regexp and its text after New's TrimSpace, Clean and `!` split. */
export interface PatternJob {
  readonly pattern: string;
  readonly cleaned: string;
  readonly inputs: readonly string[];
}

/** Patterns (as New receives them) of the generated cases, then fuzzed ones; deduplicated. */
export function allPatterns(cases: number, fuzzed: number): PatternJob[] {
  const jobs = new Map<string, PatternJob>();
  const add = (pattern: string, inputs: readonly string[]): void => {
    const prior = jobs.get(pattern);
    jobs.set(pattern, { pattern, cleaned: cleanedOf(pattern), inputs: prior ? [...prior.inputs, ...inputs] : inputs });
  };
  for (let seed = 0; seed < cases; seed++) {
    const c = generateCase(seed);
    try {
      const paths = pathsOf(c.tree);
      for (const r of parseIgnoreFile(c.dockerignore).rules) add(r.pattern, paths);
    } catch {
      // a 64 KiB line: no rules
    }
  }
  const rng = new CaseRng(0x5eed);
  for (let i = 0; i < fuzzed; i++) {
    const { pattern, inputs } = fuzzPattern(rng, 12);
    add(pattern, inputs);
  }
  return [...jobs.values()];
}

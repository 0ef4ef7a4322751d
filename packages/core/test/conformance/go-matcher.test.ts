// Differential tests against the Go oracle (moby/patternmatcher and Go's regexp, see
// test-fixtures/src/go-oracle): (a) the rules and paths of generated cases through all three
// matcher methods and the load-time checks; (b) each pattern's match kind and regexp source versus
// patternmatcher's own compile; (c) Docker's regexps through our RE2 -> JavaScript translation versus
// Go's regexp.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRules, IgnoreFileError, matchesOrParentMatches, parseIgnoreFile, type PatternSet, type RawRule } from '@ctxlens/core';
import { generateCase, type GoCompileResult, goOracleStatus, type GoMatchPathResult, type GoOracle, startGoOracle } from '@ctxlens/test-fixtures';
import { compilePattern } from '../../src/patterns/compile.js';
import { matchesSingleDepth } from '../../src/patterns/matcher.js';
import { translateRe2 } from '../../src/patterns/re2.js';
import { Re2Matcher } from '../../src/patterns/re2-engine.js';
import { countSlashes } from '../../src/patterns/pattern-set.js';
import { goMatchSyntaxError } from '../../src/patterns/go-match-syntax.js';
import { allPatterns, cleanedOf, goOutcome, hitsSomePath, pathsOf, run, walkVerdict } from './go-matcher-support.js';
import { FIXED_INPUTS } from './re2-fuzz.js';

const status = goOracleStatus();
const skipped = status.available ? '' : ` [skipped: ${status.reason}]`;
const CASES = Number(process.env['CTXLENS_GO_CASES'] ?? 300);
const FUZZED = Number(process.env['CTXLENS_RE2_PATTERNS'] ?? 1500);
/** Disagreements printed in a failure message. */
const SHOWN = Number(process.env['CTXLENS_CONFORMANCE_SHOW'] ?? 12);

let oracle: GoOracle;
beforeAll(async () => {
  if (status.available) oracle = await startGoOracle();
});
afterAll(async () => {
  await oracle?.close();
});

describe(`Go patternmatcher differential${skipped}`, () => {
  it.skipIf(!status.available)(`${CASES} generated cases: MatchesOrParentMatches, MatchesUsingParentResults, Matches and load errors${skipped}`, async () => {
    const n = { cases: 0, mop: 0, upr: 0, m: 0, loadErrors: 0, mSkippedError: 0, unreadable: 0, huge: 0 };
    const hits = { rules: 0, hit: 0 };
    const problems: string[] = [];
    for (let seed = 0; seed < CASES; seed++) {
      const c = generateCase(seed);
      let rules: readonly RawRule[];
      try {
        rules = parseIgnoreFile(c.dockerignore).rules;
      } catch {
        n.unreadable++; // a 64 KiB line: ReadAll fails before any matcher exists
        continue;
      }
      if (rules.some((r) => r.pattern.length > 4096)) {
        n.huge++;
        continue;
      }
      const patterns = rules.map((r) => r.pattern);
      const paths = pathsOf(c.tree);
      const go = await oracle.match(patterns, paths);
      let set: PatternSet | undefined;
      let loadError: IgnoreFileError | undefined;
      try {
        set = compileRules(rules);
      } catch (error) {
        if (!(error instanceof IgnoreFileError)) throw error;
        loadError = error;
      }
      n.cases++;
      hits.rules += rules.length;
      hits.hit += rules.filter((r) => hitsSomePath(r, paths)).length;
      const tag = `seed ${seed} ${JSON.stringify(patterns)}`;
      if (!go.ok || loadError) {
        if (!go.ok && loadError && go.newError === loadError.message) n.loadErrors++;
        else if (go.ok && loadError) {
          const rule = rules.find((r) => r.origin.line === loadError!.line)!;
          const reference = goMatchSyntaxError(cleanedOf(rule.pattern)) !== undefined ? 'rejects' : 'accepts';
          problems.push(`${tag}: Go New accepts (Go 1.24 reference ${reference}), ctxlens rejects ${JSON.stringify(rule.pattern)} at load (${loadError.message})`);
        } else problems.push(`${tag}: Go New ${go.ok ? 'accepts' : `fails (${go.newError})`}, ctxlens ${loadError ? `fails (${loadError.message})` : 'accepts'}`);
        continue;
      }
      for (const r of go.results as GoMatchPathResult[]) {
        const mop = run(() => matchesOrParentMatches(set!, r.path).excluded);
        const upr = run(() => walkVerdict(set!, r.path));
        n.mop++;
        n.upr++;
        if (mop !== goOutcome(r.mop, r.mopErr)) problems.push(`${tag} ${JSON.stringify(r.path)}: MatchesOrParentMatches Go ${goOutcome(r.mop, r.mopErr)}, ctxlens ${mop}`);
        if (upr !== goOutcome(r.upr, r.uprErr)) problems.push(`${tag} ${JSON.stringify(r.path)}: MatchesUsingParentResults walk Go ${goOutcome(r.upr, r.uprErr)}, ctxlens ${upr}`);
        if (r.mErr !== null) n.mSkippedError++;
        else {
          n.m++;
          const m = matchesSingleDepth(set!, r.path);
          if (m !== r.m) problems.push(`${tag} ${JSON.stringify(r.path)}: Matches (single depth) Go ${r.m}, ctxlens ${m}`);
        }
      }
    }
    console.log(
      `go matcher (${oracle.goVersion}): ${n.cases} cases, ${n.mop} MatchesOrParentMatches + ${n.upr} MatchesUsingParentResults + ${n.m} Matches paths compared, ${n.loadErrors} load errors agreed; skipped: ${n.huge} with a rule over 4 KiB (the oracle's 3 fresh matchers per path compile it in quadratic time), ${n.unreadable} with a 64 KiB line (no matcher), ${n.mSkippedError} Matches paths where Go errors (core swallows, as TrimBuildFilesFromExcludes does); ${problems.length} disagreements; ${hits.hit} of ${hits.rules} rules (${Math.round((100 * hits.hit) / hits.rules)}%) match a path of their tree`,
    );
    expect(problems.length, problems.slice(0, SHOWN).join('\n')).toBe(0);
  }, 120_000);

  it.skipIf(!status.available)(`patterns of ${CASES} cases + ${FUZZED} fuzzed: match kind and regexp source vs Go's compile${skipped}`, async () => {
    const n = { patterns: 0, empty: 0, loadErrors: 0, kinds: 0, regexps: 0, compileErrors: 0 };
    const problems: string[] = [];
    const results = await goCompile(allPatterns(CASES, FUZZED).map((p) => p.pattern));
    for (const go of results) {
      n.patterns++;
      // Core's filepath.Match port must agree with Go's New on the load-time check.
      if (!go.empty && go.newError !== 'illegal exclusion pattern: "!"') {
        const referenceRejects = goMatchSyntaxError(go.cleaned || cleanedOf(go.pattern)) !== undefined;
        if (referenceRejects !== (go.newError !== null)) problems.push(`pattern ${JSON.stringify(go.pattern)}: Go New ${go.newError ?? 'accepts it'}, core's port ${referenceRejects ? 'rejects' : 'accepts'} it`);
      }
      const tag = `pattern ${JSON.stringify(go.pattern)}`;
      let set: PatternSet;
      try {
        set = compileRules([{ pattern: go.pattern, origin: { file: 'fuzz', line: 1, text: go.pattern } }]);
      } catch (error) {
        if (!(error instanceof IgnoreFileError)) throw error;
        if (go.newError === error.message) n.loadErrors++;
        else problems.push(`${tag}: Go New ${go.newError === null ? `accepts it (core's filepath.Match port ${goMatchSyntaxError(go.cleaned) !== undefined ? 'rejects' : 'accepts'} it)` : `fails (${go.newError})`}, ctxlens fails at load (${error.message})`);
        continue;
      }
      if (go.newError !== null) {
        problems.push(`${tag}: Go New fails (${go.newError}), ctxlens accepts it`);
        continue;
      }
      const p = set.patterns[0];
      if (go.empty || !p) {
        if (go.empty !== !p) problems.push(`${tag}: Go ${go.empty ? 'drops' : 'keeps'} it, ctxlens ${p ? 'keeps' : 'drops'} it`);
        else n.empty++;
        continue;
      }
      n.kinds++;
      if (p.exclusion !== go.exclusion || p.text !== go.cleaned) problems.push(`${tag}: Go ${go.exclusion ? '!' : ''}${JSON.stringify(go.cleaned)}, ctxlens ${p.exclusion ? '!' : ''}${JSON.stringify(p.text)}`);
      const compiled = p.compiled();
      if (compiled instanceof IgnoreFileError || go.compileError !== null) {
        if (!(compiled instanceof IgnoreFileError) || go.compileError === null) {
          problems.push(`${tag}: Go ${go.compileError ? `fails to compile it (${go.compileError})` : `compiles it to ${JSON.stringify(go.regexp)}`}, ctxlens ${compiled instanceof IgnoreFileError ? 'fails to compile it' : `compiles it (${compiled.kind})`}`);
        } else n.compileErrors++;
        continue;
      }
      const ours = compilePattern(p.text);
      if (ours.kind !== go.kind) problems.push(`${tag}: match kind Go ${go.kind}, ctxlens ${ours.kind}`);
      else if (go.kind === 'regexp') {
        n.regexps++;
        if (ours.goRegex !== go.regexp) problems.push(`${tag}: regexp Go ${JSON.stringify(go.regexp)}, ctxlens ${JSON.stringify(ours.goRegex)}`);
      }
    }
    console.log(
      `go compile (${oracle.goVersion}): ${n.patterns} patterns, ${n.kinds} match kinds + ${n.regexps} regexp sources compared, ${n.loadErrors} load errors and ${n.compileErrors} lazy compile errors agreed, ${n.empty} blank; ${problems.length} disagreements`,
    );
    expect(problems.length, problems.slice(0, SHOWN).join('\n')).toBe(0);
  }, 120_000);

  it.skipIf(!status.available)(`RE2 differential: Docker's regexps (from Go) and core's, through the linear engine (and the old JavaScript translation), vs Go regexp${skipped}`, async () => {
    const jobs = new Map<string, Set<string>>();
    const add = (goRegex: string, inputs: readonly string[]): void => {
      const set = jobs.get(goRegex) ?? new Set(FIXED_INPUTS);
      for (const i of inputs) set.add(i);
      jobs.set(goRegex, set);
    };
    const patterns = allPatterns(CASES, FUZZED);
    const compiled = await goCompile(patterns.map((p) => p.pattern));
    compiled.forEach((go, i) => {
      const { inputs, cleaned } = patterns[i]!;
      if (go.regexp !== null) add(go.regexp, inputs);
      const ours = compilePattern(cleaned);
      if (ours.kind === 'regexp') add(ours.goRegex, inputs);
    });
    const n = { regexps: 0, fromGo: compiled.filter((g) => g.regexp !== null).length, goErrors: 0, errorKindsDiffer: 0, inputs: 0, matched: 0 };
    const problems: string[] = [];
    const kindNotes: string[] = [];
    for (const [goRegex, inputSet] of jobs) {
      const inputs = [...inputSet];
      const [go, ours] = [await oracle.regexp(goRegex, inputs), translateRe2(goRegex)];
      n.regexps++;
      const tag = `regexp ${JSON.stringify(goRegex)}`;
      if (!go.ok || !ours.ok) {
        if (go.ok !== ours.ok) {
          problems.push(`${tag}: Go ${go.ok ? 'compiles it' : `rejects it (${go.error})`}, ctxlens ${ours.ok ? `compiles it to ${JSON.stringify(ours.source)}` : `rejects it (${ours.error})`}`);
          continue;
        }
        n.goErrors++;
        const goKind = !go.ok ? /error parsing regexp: ([^:`]+)/.exec(go.error)?.[1]?.trim() : undefined;
        const ourKind = !ours.ok ? ours.error.split(':')[0]!.trim() : undefined;
        if (goKind !== ourKind) {
          n.errorKindsDiffer++;
          if (kindNotes.length < 5) kindNotes.push(`${tag}: Go "${goKind}", ctxlens "${ourKind}"`);
        }
        continue;
      }
      const engine = new Re2Matcher(ours.node);
      const re = new RegExp(ours.source, 'u');
      go.matches.forEach((want, i) => {
        const input = inputs[i]!;
        n.inputs++;
        if (want) n.matched++;
        const got = engine.matches(input);
        if (got !== want) problems.push(`${tag} on ${JSON.stringify(input)}: Go ${want}, ctxlens ${got}`);
        // The backtracking translation stays as a reference (the bench compares against it).
        if (re.test(input) !== want) problems.push(`${tag} on ${JSON.stringify(input)}: Go ${want}, JavaScript translation ${!want} (${JSON.stringify(ours.source)})`);
        const slashes = countSlashes(input);
        if (want && (slashes < ours.minSlashes || slashes > ours.maxSlashes)) {
          problems.push(`${tag} on ${JSON.stringify(input)}: Go matches with ${slashes} slashes, outside ctxlens's bounds [${ours.minSlashes}, ${ours.maxSlashes}]`);
        }
      });
    }
    console.log(
      `re2 differential (${oracle.goVersion}): ${n.regexps} regexps (${n.fromGo} patterns' regexps from Go's compile; ${n.goErrors} rejected by both, error kind differs for ${n.errorKindsDiffer}), ${n.inputs} inputs compared (${n.matched} matches); ${problems.length} disagreements${kindNotes.length ? `\n  error kinds: ${kindNotes.join('\n  ')}` : ''}`,
    );
    expect(problems.length, problems.slice(0, SHOWN).join('\n')).toBe(0);
  }, 120_000);
});

/** oracle.compile in batches (one JSON line each). */
async function goCompile(patterns: readonly string[]): Promise<GoCompileResult[]> {
  const out: GoCompileResult[] = [];
  for (let i = 0; i < patterns.length; i += 500) out.push(...(await oracle.compile(patterns.slice(i, i + 500))));
  return out;
}

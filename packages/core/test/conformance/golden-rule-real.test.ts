// The golden rule against the real BuildKit (Docker 28.5.2, buildx 0.29.1: scripts/buildkit-oracle.sh).
// 1. A COPY of an excluded path fails the build: ctxlens's prediction (copySourceErrors, or a
//    Dockerfile error) against the real outcome, on the hand-written vectors and on random
//    Dockerfiles with ignore files aimed at their sources (golden-cases.ts).
// 2. suggest never breaks a build, and the allowlist (`*` then `!` what the Dockerfile uses) keeps
//    it green: each is written as the ignore file and built again; the build must still succeed and
//    BuildKit's `transferring context` figure must be the one ctxlens predicted.
// CTXLENS_GOLDEN_CASES sets how many random cases run (1 to 3 builds each, about a second a build).
import { writeFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { allowlistIgnoreFile, analyzeUsage, applySuggestions, parseDocument, serializeDocument, type Suggestion, type BuildContext, compileRules, computeContext, computeContextWithBaseline, copySourceErrors, CtxlensError, evaluateRules, IgnoreFileError, parseIgnoreFile, suggestIgnoreLines } from '@ctxlens/core';
import { EntryState } from '@ctxlens/core/live';
import { BUSYBOX_IMAGE, buildkitOracleOrSkip, dockerCliStatus, type FakeDaemon, runLegacyBuild, startFakeDaemon, type BuildkitContext, type BuildkitBuildResult, makeBuildkitContext, runBuildkitBuild, type TreeSpec } from '@ctxlens/test-fixtures';
import { COPY_ERROR_TREE, COPY_ERROR_VECTORS } from '../../src/analysis/copy-errors.vectors.js';
import { type GoldenCase, goldenCase } from './golden-cases.js';

const CASES = Number(process.env['CTXLENS_GOLDEN_CASES'] ?? 150);
const FIRST = Number(process.env['CTXLENS_GOLDEN_SEED'] ?? 0);
const SHOWN = Number(process.env['CTXLENS_CONFORMANCE_SHOW'] ?? 12);
const { oracle, skipped } = await buildkitOracleOrSkip();
const contexts: BuildkitContext[] = [];
// The legacy builder (the real Docker CLI, against a fake daemon) measures what the allowlist saves there.
const cli = dockerCliStatus();
const daemon: FakeDaemon | null = cli.available && oracle !== null ? await startFakeDaemon() : null;
afterAll(async () => {
  for (const c of contexts) await c.cleanup();
  await daemon?.close();
});

/**
 * The legacy upload's size without the ignore file's own entry (the client always sends it, and its
 * size changes with the rules written), or undefined when the client sent nothing. The Dockerfile
 * goes in on stdin (`-f -`), as ctxlens was given it (dockerfileText), so a Dockerfile the tree has
 * is only a file of the context, for both.
 */
async function legacyUpload(dir: string, dockerfile: string): Promise<number | undefined> {
  if (daemon === null) return undefined;
  const r = await runLegacyBuild(daemon, dir, { dockerfile: '-', stdin: dockerfile });
  if (!r.uploaded || r.tarBytes === null) return undefined;
  const ignore = r.entries.find((e) => e.name === '.dockerignore');
  return r.tarBytes - (ignore === undefined ? 0 : 512 + Math.ceil(ignore.size / 512) * 512);
}

/** dockerd 28.5.2 panics on a rule whose regexp fails to compile when first matched (see buildkit-real.test.ts): never sent. */
function crashesDaemon(dockerignore: string): boolean {
  try {
    return compileRules(parseIgnoreFile(dockerignore).rules).patterns.some((p) => p.compiled() instanceof IgnoreFileError);
  } catch {
    return false;
  }
}

/** A copy clashing inside the image fails after the context arrived: the build's business, not the context's. */
const copyClash = (r: BuildkitBuildResult): boolean => !r.ok && /cannot replace to directory|cannot copy to non-directory/.test(r.error ?? '');

/**
 * Builds the case. `rules` replaces the ignore file as `<Dockerfile>.dockerignore`, written beside the
 * Dockerfile outside the context (BuildKit prefers it): the context's own .dockerignore, which a
 * `COPY .` sends, keeps the size ctxlens's inventory recorded.
 */
async function build(dir: string, c: GoldenCase, rules?: string): Promise<BuildkitBuildResult> {
  const options = { dir, dockerfile: { text: c.dockerfile }, ...(rules === undefined ? {} : { dockerfileIgnore: rules }), buildArgs: c.buildArgs, ...(c.target === undefined ? {} : { target: c.target }) };
  // The daemon can drop a cache record between the build and the read: such a build runs again.
  return runBuildkitBuild(oracle!, options).catch(() => runBuildkitBuild(oracle!, options));
}

/** ctxlens's prediction: the context, or the error it says BuildKit stops with. */
async function predict(dir: string, c: GoldenCase, baseline = false): Promise<{ ctx: BuildContext | undefined; fails: boolean; why: string }> {
  const options = { builder: 'buildkit' as const, dockerfileText: c.dockerfile, buildArgs: c.buildArgs, ...(c.target === undefined ? {} : { target: c.target }) };
  try {
    const ctx = baseline ? (await computeContextWithBaseline(dir, options)).context : await computeContext(dir, options);
    const errors = copySourceErrors(ctx);
    return { ctx, fails: errors.length > 0, why: errors.map((e) => e.message).join('; ') };
  } catch (error) {
    if (!(error instanceof CtxlensError)) throw error;
    return { ctx: undefined, fails: true, why: error.message };
  }
}

async function prepare(tree: TreeSpec): Promise<string> {
  const made = await makeBuildkitContext(oracle!, tree, { mtime: new Date('2024-01-01T00:00:00Z') });
  contexts.push(made);
  return made.dir;
}

const describeCase = (c: GoldenCase, ignore: string): string => `${c.name}\n${c.dockerfile}${c.target === undefined ? '' : `--target ${c.target}\n`}${Object.keys(c.buildArgs).length > 0 ? `--build-arg ${JSON.stringify(c.buildArgs)}\n` : ''}.dockerignore:\n${ignore}`;

describe(`real BuildKit: the golden rule${skipped}`, () => {
  it.skipIf(oracle === null)(`a COPY of an excluded path fails exactly when ctxlens says: hand-written vectors${skipped}`, async () => {
    const problems: string[] = [];
    for (const row of COPY_ERROR_VECTORS) {
      const dockerfile = row.dockerfile.replaceAll('FROM busybox', `FROM ${BUSYBOX_IMAGE}`);
      const c: GoldenCase = { name: row.name, tree: COPY_ERROR_TREE, dockerfile, dockerignore: row.ignore, target: undefined, buildArgs: row.buildArgs ?? {} };
      const dir = await prepare([...COPY_ERROR_TREE, { file: '.dockerignore', content: row.ignore }]);
      const real = await build(dir, c);
      const mine = await predict(dir, c);
      if (real.ok === mine.fails || mine.fails !== row.fails.length > 0) problems.push(`${describeCase(c, row.ignore)}real: ok=${real.ok} ${real.error ?? ''}\nctxlens: fails=${mine.fails} ${mine.why}`);
    }
    console.log(`golden rule, hand-written: ${COPY_ERROR_VECTORS.length - problems.length}/${COPY_ERROR_VECTORS.length} agree on failure`);
    expect(problems.slice(0, SHOWN)).toEqual([]);
  }, 600_000);

  it.skipIf(oracle === null)(`${CASES} random Dockerfiles: failure predicted, suggest and the allowlist keep the build green${skipped}`, async () => {
    const failure: string[] = [];
    const green: string[] = [];
    const tally = { cases: 0, realFails: 0, predictedFails: 0, agree: 0, clash: 0, crash: 0, suggested: 0, suggestGreen: 0, suggestFigure: 0, allowlisted: 0, allowGreen: 0, allowFigure: 0, eligibleSaved: 0, allowEligibleSaved: 0, legacyMeasured: 0, legacyAgree: 0, control: 0, controlBroken: 0 };
    for (let seed = FIRST; seed < FIRST + CASES; seed++) {
      const c = goldenCase(seed, BUSYBOX_IMAGE);
      if (crashesDaemon(c.dockerignore)) {
        tally.crash++;
        continue;
      }
      const dir = await prepare([...c.tree, { file: '.dockerignore', content: c.dockerignore }]);
      let real: BuildkitBuildResult;
      try {
        real = await build(dir, c);
      } catch (error) {
        console.log(`golden rule: seed ${seed}: the oracle could not build: ${String(error)}`);
        continue;
      }
      tally.cases++;
      if (copyClash(real)) {
        tally.clash++;
        continue;
      }
      const mine = await predict(dir, c, true);
      if (!real.ok) tally.realFails++;
      if (mine.fails) tally.predictedFails++;
      if (real.ok !== mine.fails) tally.agree++;
      else failure.push(`${describeCase(c, c.dockerignore)}real: ok=${real.ok} ${real.error ?? ''}\nctxlens: fails=${mine.fails} ${mine.why}`);
      if (!real.ok || mine.ctx === undefined || mine.fails) continue;

      // suggest's lines appended to the ignore file: on the BuildKit context, and on the legacy
      // view of the same inventory (everything eligible), guarded by the BuildKit analysis.
      const own = mine.ctx.ignoreFile?.source.lines.map((l) => l.text) ?? [];
      const views = [
        { label: 'suggest', result: suggestIgnoreLines(mine.ctx, { gitignore: false }) },
        { label: 'suggest (legacy view)', result: suggestIgnoreLines(evaluateRules(mine.ctx, { rules: own, builder: 'legacy' }), { gitignore: false, usage: analyzeUsage(mine.ctx) }) },
      ];
      for (const { label, result } of views) {
        if (result.suggestions.length === 0) continue;
        tally.suggested++;
        // As `suggest --write` writes it: fixes replace their lines, the rest is appended.
        const { text, rules } = applied(c.dockerignore, result.suggestions);
        tally.eligibleSaved += result.suggestions.reduce((n, s) => n + s.bytes, 0);
        const after = crashesDaemon(text) ? undefined : await build(dir, c, text);
        if (after?.ok) tally.suggestGreen++;
        const predicted = evaluateRules(mine.ctx, { rules }).sizes.transferBytes ?? 0;
        if (after !== undefined && (after.transferredBytes ?? 0) === predicted) tally.suggestFigure++;
        if (!after?.ok || (after.transferredBytes ?? 0) !== predicted) green.push(`${label}: ${describeCase(c, text)}real: ok=${after?.ok} ${after?.error ?? ''} transferred ${after?.transferredBytes}, predicted ${predicted}`);
      }
      // Control: the legacy view's suggestions without the guard. They break some builds, and the
      // real BuildKit must fail exactly where ctxlens says (so the green runs above can tell).
      const unguardedSuggestions = suggestIgnoreLines(evaluateRules(mine.ctx, { rules: own, builder: 'legacy' }), { gitignore: false }).suggestions;
      const unguarded = applied(c.dockerignore, unguardedSuggestions);
      if (unguarded.text !== applied(c.dockerignore, views[1]!.result.suggestions).text) {
        const text = unguarded.text;
        const after = crashesDaemon(text) ? undefined : await build(dir, c, text);
        const breaks = copySourceErrors(evaluateRules(mine.ctx, { rules: unguarded.rules })).length > 0;
        if (after !== undefined) {
          tally.control++;
          if (!after.ok) tally.controlBroken++;
          if (after.ok === breaks) failure.push(`control (unguarded suggest): ${describeCase(c, text)}real: ok=${after.ok} ${after.error ?? ''}\nctxlens: breaks=${breaks}`);
        }
      }
      // The allowlist as the whole ignore file.
      const allow = allowlistIgnoreFile(mine.ctx);
      if (allow.text !== undefined) {
        tally.allowlisted++;
        tally.allowEligibleSaved += allow.saved.eligibleBytes;
        const after = crashesDaemon(allow.text) ? undefined : await build(dir, c, allow.text);
        if (after?.ok) tally.allowGreen++;
        const predicted = allow.after!.sizes.transferBytes ?? 0;
        if (after !== undefined && (after.transferredBytes ?? 0) === predicted) tally.allowFigure++;
        if (!after?.ok || (after.transferredBytes ?? 0) !== predicted) green.push(`allowlist: ${describeCase(c, allow.text)}real: ok=${after?.ok} ${after?.error ?? ''} transferred ${after?.transferredBytes}, predicted ${predicted}`);
        // The legacy builder reads only the context's .dockerignore: measured before and after writing the allowlist there.
        const legacyBefore = await legacyUpload(dir, c.dockerfile);
        await writeFile(`${dir}/.dockerignore`, allow.text);
        const legacyAfter = legacyBefore === undefined ? undefined : await legacyUpload(dir, c.dockerfile);
        await writeFile(`${dir}/.dockerignore`, c.dockerignore);
        if (legacyBefore !== undefined && legacyAfter !== undefined) {
          tally.legacyMeasured++;
          if (legacyBefore - legacyAfter === allow.saved.legacyTarBytes) tally.legacyAgree++;
          else green.push(`allowlist, legacy upload: ${describeCase(c, allow.text)}real: ${legacyBefore} -> ${legacyAfter} tar bytes (ignore file aside), predicted saving ${allow.saved.legacyTarBytes}`);
        }
      }
    }
    const compared = tally.cases - tally.clash;
    console.log(
      `golden rule, random: ${tally.cases} cases built (${tally.crash} skipped: a rule that crashes dockerd 28.5.2; ${tally.clash} failed on a copy clash inside the image, not compared); ` +
        `failure predicted correctly ${tally.agree}/${compared} (real failures ${tally.realFails}, predicted ${tally.predictedFails}); ` +
        `suggest: ${tally.suggested} runs with lines (BuildKit and legacy views), build still green ${tally.suggestGreen}/${tally.suggested}, figure as predicted ${tally.suggestFigure}/${tally.suggested}, eligible bytes saved ${tally.eligibleSaved}; control, unguarded suggestions: ${tally.control} runs, ${tally.controlBroken} broke the real build (each predicted); ` +
        `allowlist: ${tally.allowlisted} cases, build still green ${tally.allowGreen}/${tally.allowlisted}, figure as predicted ${tally.allowFigure}/${tally.allowlisted}, eligible bytes saved ${tally.allowEligibleSaved}; legacy upload (real Docker CLI) shrank by the predicted tar bytes ${tally.legacyAgree}/${tally.legacyMeasured}${daemon === null ? ` [legacy skipped: ${cli.available ? 'no BuildKit oracle' : cli.reason}]` : ''}`,
    );
    expect(failure.slice(0, SHOWN)).toEqual([]);
    expect(green.slice(0, SHOWN)).toEqual([]);
  }, 3_600_000);
});

/** The ignore file after suggest's proposals, as `suggest --write` writes it, and its lines. */
function applied(dockerignore: string, suggestions: readonly Suggestion[]): { text: string; rules: string[] } {
  const text = serializeDocument(applySuggestions(parseDocument(Buffer.from(dockerignore)), suggestions)).toString('utf8');
  const rules = text.split('\n');
  if (rules.at(-1) === '') rules.pop();
  return { text, rules };
}

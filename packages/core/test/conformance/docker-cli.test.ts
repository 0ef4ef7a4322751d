// Conformance with the real Docker CLI (legacy builder, DOCKER_BUILDKIT=0) through the fake daemon:
// random seeded cases and the hand-written edge cases, each compared entry by entry with
// computeContext(dir, { builder: 'legacy' }).
//
// Reproduce one random case:  CTXLENS_CONFORMANCE_SEED=123 CTXLENS_CONFORMANCE_CASES=1 npx vitest run packages/core/test/conformance/docker-cli.test.ts
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRng, dockerCliStatus, type FakeDaemon, generateCase, makeTempDir, runLegacyBuild, runLimited, startFakeDaemon, type TempDir, writeCase } from '@ctxlens/test-fixtures';
import { goClean } from '@ctxlens/core/internal';
import { type ConformanceOutcome, formatMismatch, runConformanceCase } from './docker-compare.js';
import { EDGE_CASES } from './edge-cases.js';
import { goMatchSyntaxError } from '../../src/patterns/go-match-syntax.js';
import { fuzzPattern } from './re2-fuzz.js';

const status = dockerCliStatus();
const skipped = status.available ? '' : ` [skipped: ${status.reason}]`;
const CASES = Number(process.env['CTXLENS_CONFORMANCE_CASES'] ?? 500);
const FIRST_SEED = Number(process.env['CTXLENS_CONFORMANCE_SEED'] ?? 0);
const CONCURRENCY = 4;
/** Mismatch reports printed in full in a failure message. */
const SHOWN = 15;

let daemon: FakeDaemon;
let tmp: TempDir;

beforeAll(async () => {
  if (!status.available) return;
  daemon = await startFakeDaemon();
  tmp = await makeTempDir('ctxlens-conformance-');
});

afterAll(async () => {
  await daemon?.close();
  await tmp?.cleanup();
});

const version = status.available ? status.version : 'n/a';

describe(`docker CLI conformance, legacy builder${skipped}`, () => {
  it.skipIf(!status.available)(`${CASES} random cases from seed ${FIRST_SEED} match docker ${version}${skipped}`, async () => {
    const started = performance.now();
    const seeds = Array.from({ length: CASES }, (_, i) => FIRST_SEED + i);
    const mismatches: string[] = [];
    let paths = 0;
    let treePaths = 0;
    let refused = 0;
    await runLimited(seeds, CONCURRENCY, async (seed) => {
      const c = generateCase(seed);
      const outcome = await runConformanceCase(daemon, join(tmp.path, `seed-${seed}`), { label: `seed ${seed}`, tree: c.tree, dockerignore: c.dockerignore });
      paths += outcome.paths;
      treePaths += outcome.treePaths;
      if (outcome.bothFailed) refused++;
      if (outcome.problems.length > 0) mismatches.push(formatMismatch(outcome, c.dockerignore, c.description));
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `docker conformance: ${CASES} cases (${refused} refused by both), ${treePaths} tree paths decided, ${paths} tar entries compared, ${mismatches.length} mismatches (docker ${version}, ${seconds}s, seeds ${FIRST_SEED}..${FIRST_SEED + CASES - 1})`,
    );
    mismatches.sort((a, b) => a.length - b.length);
    const report = mismatches.slice(0, SHOWN).join('\n\n');
    expect(mismatches.length, `${mismatches.length} of ${CASES} cases disagree with docker; the ${Math.min(SHOWN, mismatches.length)} shortest:\n\n${report}\n`).toBe(0);
  }, 300_000);

  it.skipIf(!status.available)(`core's filepath.Match port (go-match-syntax.ts) predicts which \`!pattern\` lines docker ${version} refuses${skipped}`, async () => {
    // An exception alone is never consulted while matching, so the CLI's verdict is New's load-time check alone.
    const rng = new CaseRng(24);
    const patterns = new Set(['a*[', 'x/*[', '.x*[', '*a*[', '*a*\\', 'a[', '.*[', '*/[', '*\\', '**[', '?*[', '[a-]', 'a*[a-]', '[]a]', '[^', 'a\\']);
    while (patterns.size < 200) {
      const p = fuzzPattern(rng, 0).pattern.trim();
      if (p !== '' && !p.startsWith('/') && !p.startsWith('!')) patterns.add(p);
    }
    const disagreements: string[] = [];
    let refused = 0;
    await runLimited([...patterns], CONCURRENCY, async (pattern) => {
      const root = join(tmp.path, `load-${Buffer.from(pattern).toString('hex').slice(0, 40)}-${rng.int(0, 1e9)}`);
      await writeCase(root, { tree: [{ file: 'Dockerfile', content: 'FROM scratch\n' }], dockerignore: `!${pattern}\n` });
      const r = await runLegacyBuild(daemon, root);
      const predicted = goMatchSyntaxError(goClean(pattern)) !== undefined;
      if (!r.uploaded) refused++;
      if (predicted === r.uploaded) disagreements.push(`!${JSON.stringify(pattern)}: docker ${r.uploaded ? 'accepts it' : `refuses it (${r.error})`}, reference predicts ${predicted ? 'refusal' : 'acceptance'}`);
    });
    console.log(`docker load-time check: ${patterns.size} \`!pattern\` lines, ${refused} refused by docker, ${disagreements.length} mispredicted by core's filepath.Match port`);
    expect(disagreements).toEqual([]);
  }, 120_000);

  const edge = { compared: 0, paths: 0, treePaths: 0, failed: [] as string[] };
  afterAll(() => {
    if (edge.compared > 0) {
      const failed = edge.failed.length > 0 ? `: ${edge.failed.join('; ')}` : '';
      console.log(`docker edge cases: ${edge.compared} cases, ${edge.treePaths} tree paths decided, ${edge.paths} tar entries compared, ${edge.failed.length} mismatches (docker ${version})${failed}`);
    }
  });

  it.skipIf(!status.available).for(EDGE_CASES.map((c, i) => ({ ...c, i })))(`edge: $name ($from)${skipped}`, async (c) => {
    const outcome: ConformanceOutcome = await runConformanceCase(daemon, join(tmp.path, `edge-${c.i}`), { label: `edge case "${c.name}"`, tree: c.tree, dockerignore: c.dockerignore, ...(c.dockerfile === undefined ? {} : { dockerfile: c.dockerfile }) });
    edge.compared++;
    edge.paths += outcome.paths;
    edge.treePaths += outcome.treePaths;
    if (outcome.problems.length > 0) edge.failed.push(c.name);
    expect(outcome.problems, formatMismatch(outcome, c.dockerignore, c.from)).toEqual([]);
  });
});

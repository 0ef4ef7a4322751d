// `docker build -f - DIR` on the real BuildKit: which ignore file applies when the Dockerfile comes
// from stdin (the context's .dockerignore; a Dockerfile.dockerignore has no Dockerfile name to sit
// beside), and that a Dockerfile on disk is not read then. Compared with ctxlens's dockerfileText.
import { afterAll, describe, expect, it } from 'vitest';
import { computeContext } from '@ctxlens/core';
import { buildkitOracleOrSkip, type BuildkitContext, makeBuildkitContext, runBuildkitBuild, type TreeSpec } from '@ctxlens/test-fixtures';
import { sortByteOrder } from '../../src/inventory/sort-names.js';

const { oracle, skipped } = await buildkitOracleOrSkip();
const contexts: BuildkitContext[] = [];
afterAll(async () => {
  for (const c of contexts) await c.cleanup();
});

const files: TreeSpec = [
  { file: 'a', content: 'excluded by .dockerignore' },
  { file: 'b', content: 'excluded by Dockerfile.dockerignore' },
  { file: 'c', content: 'always sent' },
];

// [name, tree beside the files, the Dockerfile piped to stdin]
const cases: [string, TreeSpec, string][] = [
  ['.dockerignore applies, Dockerfile.dockerignore does not', [{ file: '.dockerignore', content: 'a\n' }, { file: 'Dockerfile.dockerignore', content: 'b\n' }], 'FROM scratch\nCOPY . /\n'],
  ['only a Dockerfile.dockerignore: no ignore file at all', [{ file: 'Dockerfile.dockerignore', content: 'b\n' }], 'FROM scratch\nCOPY . /\n'],
  ['the Dockerfile on disk is not read: stdin decides what is requested', [{ file: '.dockerignore', content: 'a\n' }, { file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' }], 'FROM scratch\nCOPY c /\n'],
];

describe(`real BuildKit: docker build -f - DIR${skipped}`, () => {
  it.skipIf(oracle === null).each(cases)(`%s${skipped}`, async (_, extra, dockerfile) => {
    const made = await makeBuildkitContext(oracle!, [...files, ...extra], { mtime: new Date('2024-01-01T00:00:00Z') });
    contexts.push(made);
    const real = await runBuildkitBuild(oracle!, { dir: made.dir, dockerfile: { stdin: dockerfile } });
    expect(real.ok, real.error).toBe(true);
    const ctx = await computeContext(made.dir, { builder: 'buildkit', dockerfileText: dockerfile });
    expect(sortByteOrder(ctx.entries().map((e) => e.path))).toEqual(sortByteOrder(real.received.map((e) => e.path)));
    expect(ctx.sizes.transferBytes).toBe(real.transferredBytes);
  });
});

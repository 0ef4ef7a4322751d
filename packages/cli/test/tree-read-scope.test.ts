// What check, lint, suggest and explain read: only what the builders walk (as `ls`), unless a rule
// needs the excluded directories too. The core's reads are wrapped to keep the inventories they
// return; after the command, an inventory that holds a path below node_modules read the whole tree.
import type { BuildContext, Builder } from '@ctxlens/core';
import type { Inventory } from '@ctxlens/core/live';
import type { TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCheck } from '../src/commands/check.js';
import { runExplain } from '../src/commands/explain.js';
import { runLint } from '../src/commands/lint.js';
import { runSuggest } from '../src/commands/suggest.js';
import { fakeIo } from './helpers/fake-io.js';
import { fixture } from './helpers/fixtures.js';

const seen = vi.hoisted(() => ({ inventories: [] as Inventory[] }));

vi.mock('@ctxlens/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('@ctxlens/core')>();
  const keep = (ctx: BuildContext): BuildContext => {
    seen.inventories.push(ctx.inventory);
    return ctx;
  };
  return {
    ...core,
    computeContext: async (...args: Parameters<typeof core.computeContext>) => keep(await core.computeContext(...args)),
    computeContextWithBaseline: async (...args: Parameters<typeof core.computeContextWithBaseline>) => {
      const both = await core.computeContextWithBaseline(...args);
      keep(both.context);
      return both;
    },
  };
});

const SPEC = [
  { file: 'Dockerfile', content: 'FROM node:20\nCOPY . .\n' },
  { file: 'src/index.js', size: 100 },
  { file: '.env', content: 'TOKEN=x\n' },
  { file: 'node_modules/a/index.js', size: 5000 },
  { file: 'node_modules/a/debug.log', size: 50 },
  { file: '.dockerignore', content: 'node_modules\n' },
];

/** Runs: what each does and whether it must read below node_modules (which the ignore file excludes). */
const ROWS: readonly { name: string; readsExcluded: boolean; run: (dir: string, builder: Builder) => Promise<number> }[] = [
  { name: 'check (default: deny secrets)', readsExcluded: false, run: (dir, builder) => runCheck({ ...base(dir, builder), json: true }, fakeIo({ cwd: dir })) },
  { name: 'check with size, file, unused and every category', readsExcluded: false, run: (dir, builder) => runCheck({ ...base(dir, builder), json: true, maxSize: '1', maxFiles: 1, maxUnused: '1', deny: ['secrets', 'vcs', 'dependencies', 'logs', 'secrets-sent', 'secrets-shipped'] }, fakeIo({ cwd: dir })) },
  { name: 'check --builder-divergence', readsExcluded: true, run: (dir, builder) => runCheck({ ...base(dir, builder), json: true, builderDivergence: true }, fakeIo({ cwd: dir })) },
  { name: 'suggest', readsExcluded: false, run: (dir, builder) => runSuggest({ ...base(dir, builder), json: true, write: false, allowlist: false, gitignore: true, limit: 20 }, fakeIo({ cwd: dir })) },
  { name: 'explain', readsExcluded: false, run: (dir, builder) => runExplain({ ...base(dir, builder), json: true, paths: ['node_modules/a/index.js'], stdin: false, nul: false, nonMatching: false, verbosity: 0 }, fakeIo({ cwd: dir })) },
  { name: 'lint with an ignore file (its rules are judged on every entry)', readsExcluded: true, run: (dir, builder) => runLint({ ...base(dir, builder), json: true, strict: false }, fakeIo({ cwd: dir })) },
];

function base(dir: string, builder: Builder) {
  return { dir, builder, buildArgs: {}, wholeContext: false, quiet: false };
}

let temp: TempDir;
beforeAll(async () => {
  temp = await fixture(SPEC, 'ctxlens-tree-scope-');
});
afterAll(async () => {
  await temp.cleanup();
});
beforeEach(() => {
  seen.inventories.length = 0;
});

describe.each(['buildkit', 'legacy'] as const)('--builder %s', (builder) => {
  it.each(ROWS)('$name reads below the excluded node_modules: $readsExcluded', async (row) => {
    await row.run(temp.path, builder);
    expect(seen.inventories.length).toBeGreaterThan(0);
    const below = seen.inventories.some((inv) => inv.allPaths().some((p) => p.startsWith('node_modules/')));
    expect(below).toBe(row.readsExcluded);
  });
});

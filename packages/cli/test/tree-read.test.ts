// check, lint, suggest and explain read only what the builders walk unless a rule needs the whole
// tree (tree-read.ts). Whatever they read, what they print must not change: each run here is made
// twice, once as the command chooses and once forced to read the whole tree, and the exit code,
// stdout and stderr must be the same bytes.
import { seedScenarioDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../src/commands/check.js';
import { runExplain } from '../src/commands/explain.js';
import { runLint } from '../src/commands/lint.js';
import { runSuggest } from '../src/commands/suggest.js';
import type { Builder } from '@ctxlens/core';
import { fakeIo } from './helpers/fake-io.js';
import { fixture } from './helpers/fixtures.js';
import { TREE_READ_CASES, TREE_READ_RUNS, type TreeReadCase, type TreeReadRun } from './tree-read.vectors.js';

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(dir: string, builder: Builder, row: TreeReadRun, paths: readonly string[], readWholeTree: boolean): Promise<Outcome> {
  const io = fakeIo({ cwd: dir });
  const context = { dir, builder, buildArgs: {}, wholeContext: false, quiet: false, readWholeTree };
  let code: number;
  if (row.command === 'check') code = await runCheck({ ...context, ...row.options }, io);
  else if (row.command === 'lint') code = await runLint({ ...context, ...row.options, strict: false }, io);
  else if (row.command === 'suggest') code = await runSuggest({ ...context, ...row.options, write: false, gitignore: true, limit: 20 }, io);
  else code = await runExplain({ ...context, ...row.options, paths, stdin: false, nul: false }, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

const dirs = new Map<TreeReadCase, string>();
const temps: TempDir[] = [];
beforeAll(async () => {
  for (const c of TREE_READ_CASES) {
    if (c.tree === undefined) {
      dirs.set(c, await seedScenarioDir());
      continue;
    }
    const temp = await fixture(c.tree, 'ctxlens-tree-read-');
    temps.push(temp);
    dirs.set(c, temp.path);
  }
});
afterAll(async () => {
  for (const t of temps) await t.cleanup();
});

const BUILDERS: readonly Builder[] = ['buildkit', 'legacy'];

describe.each(TREE_READ_CASES)('$name', (c) => {
  it.each(BUILDERS.flatMap((builder) => TREE_READ_RUNS.map((row) => ({ builder, row, label: row.label }))))('$label --builder $builder: the same output as a whole read', async ({ builder, row }) => {
    const dir = dirs.get(c)!;
    const chosen = await run(dir, builder, row, c.paths, false);
    const whole = await run(dir, builder, row, c.paths, true);
    expect(chosen).toEqual(whole);
    // A run that printed nothing would compare equal without proving anything.
    expect(chosen.stdout.length + chosen.stderr.length).toBeGreaterThan(0);
  });
});

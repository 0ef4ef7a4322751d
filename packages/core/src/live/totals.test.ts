import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeContextWithBaseline, evaluateRules } from '../context/compute-context.js';
import { TAR_TRAILER_BYTES } from '../tar/tar-size.js';
import { planSend, wholeContextPlan } from '../context/send-plan.js';
import { resolveInputs } from '../context/resolve-inputs.js';
import { resolveOptions } from '../options.js';
import { fastContextSizes, inventoryTotals, selectionTotals, SOME_EXCLUDED, SOME_INCLUDED, SOME_NOT_REQUESTED } from './totals.js';

describe('live totals', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-tui-totals-');
    await buildTree(tmp.path, [
      { file: 'Dockerfile', content: 'FROM scratch\n' },
      { file: 'a.bin', size: 1000 },
      { hardlink: 'b.bin', target: 'a.bin' },
      { hardlink: `${'long/'.repeat(25)}c.bin`, target: 'a.bin' },
      { symlink: 'link', target: 'a.bin' },
      { file: 'é/ü.txt', size: 3 },
      { file: `${'x'.repeat(120)}.txt`, size: 5 },
      { file: 'node_modules/x/index.js', size: 5000 },
      { file: 'node_modules/x/keep.js', size: 70 },
      { file: 'docs/a.md', size: 10 },
      { dir: 'empty' },
    ]);
  });
  afterAll(() => tmp.cleanup());

  const cases: [string, string[]][] = [
    ['no rules', []],
    ['a pruned directory', ['node_modules']],
    ['an exception inside an excluded directory', ['node_modules', '!node_modules/x/keep.js']],
    ['hardlinks excluded one by one', ['a.bin', 'long']],
    ['everything', ['*', '!Dockerfile']],
  ];

  it.each(cases)('fast sizes equal context.sizes (%s)', async (_, rules) => {
    const { unfiltered } = await computeContextWithBaseline(tmp.path);
    const totals = inventoryTotals(unfiltered.inventory);
    for (const builder of ['buildkit', 'legacy'] as const) {
      const ctx = evaluateRules(unfiltered, { rules, builder });
      expect(fastContextSizes(totals, ctx)).toEqual(ctx.sizes);
    }
  });

  it('sums subtrees, flags partly sent directories, and gives pruned entries their ancestor rule', async () => {
    const { unfiltered } = await computeContextWithBaseline(tmp.path);
    const inv = unfiltered.inventory;
    const totals = inventoryTotals(inv);
    const ctx = evaluateRules(unfiltered, { rules: ['node_modules', '!node_modules/x/keep.js', 'docs'], builder: 'buildkit' });
    const sel = selectionTotals(totals, ctx.walk);
    const at = (p: string): number => inv.indexOf(p);
    expect(sel.flags[at('node_modules')]).toBe(SOME_INCLUDED | SOME_EXCLUDED);
    expect(sel.flags[at('docs')]).toBe(SOME_EXCLUDED);
    expect(sel.flags[at('empty')]).toBe(SOME_INCLUDED);
    expect(sel.includedBytes[at('node_modules/x')]).toBe(totals.entryBytes[at('node_modules/x/keep.js')]);
    expect(totals.subtreeBytes[at('node_modules')]).toBeGreaterThan(5070);
    // docs/a.md is never visited (docs is pruned): it takes docs' rule, rule 2.
    expect(ctx.walk.state[at('docs/a.md')]).toBe(0);
    expect(sel.decider[at('docs/a.md')]).toBe(2);
    // Without hardlinks among the sent entries, the root's sent bytes are the upload minus the trailer.
    const noLinks = evaluateRules(unfiltered, { rules: ['b.bin', 'long'] });
    expect(selectionTotals(totals, noLinks.walk).includedBytes[0]).toBe(noLinks.sizes.tarBytes - TAR_TRAILER_BYTES);
  });

  it('flags what the ignore file lets through but the Dockerfile does not ask for, apart from what it excludes', async () => {
    const { unfiltered } = await computeContextWithBaseline(tmp.path);
    const inv = unfiltered.inventory;
    const totals = inventoryTotals(inv);
    const options = resolveOptions(tmp.path, { dockerfileText: 'FROM scratch\nCOPY node_modules/x/index.js a.bin /\n' });
    const plan = planSend(options, resolveInputs(options));
    const rules = ['node_modules/x/keep.js', 'docs'];
    const sent = evaluateRules(unfiltered, { rules, builder: 'buildkit', plan });
    const eligible = evaluateRules(unfiltered, { rules, builder: 'buildkit', plan: wholeContextPlan() });
    const sel = selectionTotals(totals, sent.walk, eligible.walk);
    const at = (p: string): number => inv.indexOf(p);
    expect(sel.flags[at('a.bin')]).toBe(SOME_INCLUDED);
    expect(sel.flags[at('node_modules/x/keep.js')]).toBe(SOME_EXCLUDED);
    expect(sel.flags[at('docs')]).toBe(SOME_EXCLUDED);
    expect(sel.flags[at('b.bin')]).toBe(SOME_NOT_REQUESTED);
    // Below a directory the walk skips as unrequested: not requested either.
    expect(sel.flags[at('é/ü.txt')]).toBe(SOME_NOT_REQUESTED);
    // A directory sent only as the parent of a requested file keeps its own state (not requested).
    expect(sel.flags[at('node_modules/x')]).toBe(SOME_INCLUDED | SOME_EXCLUDED | SOME_NOT_REQUESTED);
    expect(sel.flags[0]! & SOME_NOT_REQUESTED).toBe(SOME_NOT_REQUESTED);
    // Without the eligible walk, everything not sent counts as excluded, as before.
    expect(selectionTotals(totals, sent.walk).flags[at('b.bin')]).toBe(SOME_EXCLUDED);
  });
});

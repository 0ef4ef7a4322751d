import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeContextWithBaseline } from '../context/compute-context.js';
import { explainPath } from '../context/explain.js';
import { extraRules } from '../context/rule-set.js';
import { compileRules } from '../patterns/pattern-set.js';
import { proposeException, proposeIgnoreRules, recurrences } from './propose.js';
import { protectedEntries } from '../analysis/protect.js';
import { EntryState } from '../walk/walk-result.js';

const HOSTILE = ['#hash', '!bang', '[x].txt', 'a*b?c', 'back\\slash', ' lead', 'trail ', 'é ü'];

describe('proposed rules', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-tui-propose-');
    await buildTree(tmp.path, [
      { file: 'Dockerfile', content: 'FROM scratch\n' },
      { file: 'node_modules/a/index.js' },
      { file: 'node_modules/a/node_modules/b/index.js' },
      { file: 'packages/web/node_modules/c/index.js' },
      { file: 'coverage/lcov.info' },
      { file: 'src/coverage.txt' },
      ...HOSTILE.map((name) => ({ file: `odd/${name}` })),
    ]);
  });
  afterAll(() => tmp.cleanup());

  const excludes = (line: string, path: string): boolean => {
    const set = compileRules(extraRules([line]));
    return !explainPath(set, 'buildkit', path).included && !explainPath(set, 'legacy', path).included;
  };

  it('proposes the root path when the name is unique', async () => {
    const inv = (await computeContextWithBaseline(tmp.path)).unfiltered.inventory;
    const i = inv.indexOf('coverage');
    expect(recurrences(inv, i)).toBe(0);
    expect(proposeIgnoreRules(inv, i).map((r) => r.line)).toEqual(['coverage']);
  });

  it('proposes **/name first when the name recurs outside the entry', async () => {
    const inv = (await computeContextWithBaseline(tmp.path)).unfiltered.inventory;
    const i = inv.indexOf('node_modules');
    // node_modules/a/node_modules is inside the entry: only packages/web/node_modules counts.
    expect(recurrences(inv, i)).toBe(1);
    expect(proposeIgnoreRules(inv, i).map((r) => r.line)).toEqual(['**/node_modules', 'node_modules']);
  });

  it.each(HOSTILE)('writes %j so that the rule matches exactly that path', async (name) => {
    const inv = (await computeContextWithBaseline(tmp.path)).unfiltered.inventory;
    const i = inv.indexOf(`odd/${name}`);
    const [rule] = proposeIgnoreRules(inv, i);
    expect(excludes(rule!.line, `odd/${name}`)).toBe(true);
    for (const other of HOSTILE.filter((n) => n !== name)) expect(excludes(rule!.line, `odd/${other}`)).toBe(false);
    const exception = proposeException(inv, i)!;
    const set = compileRules(extraRules(['odd', exception.line]));
    expect(explainPath(set, 'buildkit', `odd/${name}`).included).toBe(true);
  });
});

describe('proposed rules with the Dockerfile as a guard', () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-tui-propose-guard-');
    await buildTree(tmp.path, [
      { file: 'Dockerfile', content: 'FROM scratch\nCOPY packages/web/node_modules /nm/\nCOPY . /app/\n' },
      { file: 'node_modules/a/index.js' },
      { file: 'packages/web/node_modules/c/index.js' },
      { file: 'coverage/lcov.info' },
    ]);
  });
  afterAll(() => tmp.cleanup());

  it('never proposes a rule excluding what the Dockerfile copies by name', async () => {
    const { context: ctx } = await computeContextWithBaseline(tmp.path, { builder: 'buildkit' });
    const inv = ctx.inventory;
    const guard = { protected: protectedEntries(ctx)!, included: Uint8Array.from(ctx.walk.state, (s) => (s === EntryState.Included ? 1 : 0)) };
    const lines = (path: string, g?: typeof guard): string[] => proposeIgnoreRules(inv, inv.indexOf(path), g).map((p) => p.line);
    // Unguarded, the root node_modules gets the any-depth rule first; guarded, only its own path.
    expect(lines('node_modules')).toEqual(['**/node_modules', 'node_modules']);
    expect(lines('node_modules', guard)).toEqual(['node_modules']);
    expect(lines('packages/web/node_modules', guard)).toEqual([]);
    expect(lines('coverage', guard)).toEqual(['coverage']);
  });
});

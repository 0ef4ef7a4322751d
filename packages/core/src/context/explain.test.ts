import { buildTree, makeTempDir, type TempDir, type TreeSpec } from '@ctxlens/test-fixtures';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainBoth, loadBothBuilderRules } from '../analysis/builder-rules.js';
import { compileRules } from '../patterns/pattern-set.js';
import { computeContext, computeContextWithBaseline } from './compute-context.js';
import { explainPath } from './explain.js';

const set = (lines: string[]) => compileRules(lines.map((pattern, i) => ({ pattern, origin: { file: '.dockerignore', line: i + 1, text: pattern } })));

describe('explainPath', () => {
  it('names the deciding rule and every flip, like git check-ignore -v', () => {
    const e = explainPath(set(['*.log', '!keep.log', 'keep.log']), 'buildkit', 'keep.log');
    expect(e.included).toBe(false);
    expect(e.rule?.origin.line).toBe(3);
    expect(e.trace.map((s) => [s.rule.origin.line, s.effect])).toEqual([
      [1, 'exclude'],
      [2, 'include'],
      [3, 'exclude'],
    ]);
  });

  it('says when an ancestor directory decided (inherited match)', () => {
    const e = explainPath(set(['logs', '!logs/keep']), 'legacy', 'logs/other/x.txt');
    expect(e.included).toBe(false);
    expect(e.trace[0]).toMatchObject({ matchedAt: 'logs', effect: 'exclude' });
  });

  it('says when an excluded directory was never entered', () => {
    const e = explainPath(set(['vendor', '!**/*.go']), 'legacy', 'vendor/a.go');
    expect(e).toMatchObject({ included: false, prunedAt: 'vendor' });
    const bk = explainPath(set(['vendor', '!**/*.go']), 'buildkit', 'vendor/a.go');
    expect(bk).toMatchObject({ included: true, prunedAt: undefined });
    expect(bk.rule?.origin.line).toBe(2);
  });

  it('reports no rule for a path nothing matched', () => {
    const e = explainPath(set(['node_modules']), 'buildkit', 'src/node_modules/x');
    expect(e).toMatchObject({ included: true, rule: undefined, trace: [] });
  });

  it('reproduces the order-dependent walk: foo/x then !foo leaves foo/x out', () => {
    expect(explainPath(set(['foo/x', '!foo']), 'buildkit', 'foo/x').included).toBe(false);
  });
});

// explain must say what the walk does for every kind of entry: a socket the rules keep is still
// never sent by the legacy client (it logs "archive/tar: sockets not supported", observed with the
// real CLI 28 against the fake daemon); BuildKit sends it as an empty file (seen on the real BuildKit).
describe('explain agrees with what the walk sends, for every entry kind', () => {
  const tree: TreeSpec = [
    { file: 'Dockerfile', content: 'FROM scratch\n' },
    { file: 'f', content: 'x' },
    { dir: 'd' },
    { file: 'd/inner' },
    { symlink: 'l', target: 'f' },
    { symlink: 'dangling', target: 'nowhere' },
    { fifo: 'p' },
    { socket: 's' },
    { socket: 'd/s2' },
    { hardlink: 'h', target: 'f' },
  ];
  const ruleSets: readonly (readonly string[])[] = [[], ['*', '!s', '!p', '!h', '!l', '!dangling'], ['d', '!d/s2'], ['**/s*'], ['f', 'd/inner']];
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await makeTempDir('ctxlens-explain-kinds-');
    await buildTree(tmp.path, tree);
  });
  afterAll(() => tmp.cleanup());

  it.each(ruleSets.flatMap((rules) => (['legacy', 'buildkit'] as const).map((builder) => ({ builder, rules }))))('$builder with rules $rules: explain(p).included === ls lists p', async ({ builder, rules }) => {
    writeFileSync(join(tmp.path, '.dockerignore'), rules.join('\n'));
    const ctx = await computeContext(tmp.path, { builder, wholeContext: true });
    const listed = new Set(ctx.filePaths());
    const full = (await computeContextWithBaseline(tmp.path, { builder, wholeContext: true })).context;
    const both = loadBothBuilderRules(tmp.path, { builder });
    const paths = full.inventory.allPaths().filter((p, i) => p !== '' && !full.inventory.isDir(i));
    expect(paths).toEqual(expect.arrayContaining(['s', 'd/s2', 'p', 'h', 'l', 'dangling', 'f']));
    for (const p of paths) {
      const want = listed.has(p);
      expect({ p, included: ctx.explain(p).included }).toEqual({ p, included: want });
      expect({ p, included: full.explain(p).included }).toEqual({ p, included: want });
      expect({ p, included: explainBoth(both, p).primary.included }).toEqual({ p, included: want });
    }
  });

  it('says why a socket the rules keep is not sent by the legacy builder, and that BuildKit sends it', async () => {
    writeFileSync(join(tmp.path, '.dockerignore'), '');
    const both = loadBothBuilderRules(tmp.path, { builder: 'legacy' });
    const verdict = explainBoth(both, 'd/s2');
    expect(verdict.primary).toMatchObject({ included: false, rule: undefined, notSent: expect.stringContaining('sockets are never sent by the legacy builder') });
    expect(verdict.other).toMatchObject({ included: true, rule: undefined });
    expect(verdict.other.notSent).toBeUndefined();
    // A socket the rules exclude is explained by its rule, as any other path.
    writeFileSync(join(tmp.path, '.dockerignore'), 's\n');
    const excluded = (await computeContext(tmp.path, { builder: 'legacy' })).explain('s');
    expect(excluded.included).toBe(false);
    expect(excluded.notSent).toBeUndefined();
    expect(excluded.rule?.origin.line).toBe(1);
  });
});

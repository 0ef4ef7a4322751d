import { describe, expect, it } from 'vitest';
import { compileRules } from '../patterns/pattern-set.js';
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

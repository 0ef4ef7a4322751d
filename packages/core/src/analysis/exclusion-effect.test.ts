// appendedExclusionEffect predicts what appending a line removes without re-walking; checked here
// against the engine (evaluateRules with the line appended) on random trees, rules and lines.
import { buildTree, makeTempDir, type TempDir, type TreeEntry } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeContextWithBaseline, evaluateRules } from '../context/compute-context.js';
import { EntryState } from '../walk/walk-result.js';
import { appendedExclusionEffect, compileExclusion } from './exclusion-effect.js';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['a', 'b', 'src', 'node_modules', 'x.js', 'y.map', 'z.md'];
const LINES = ['a', '**/a', 'a/*', 'a/**', '*.js', '**/*.map', 'src', '**/node_modules', '*/b', 'b/**/z.md', '?', '!a/b', '!**/*.md', '!src/x.js', '**'];

let dir: TempDir;
const cases: { rules: string[]; line: string }[] = [];
beforeAll(async () => {
  dir = await makeTempDir('ctxlens-effect-');
  const rand = prng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const spec: TreeEntry[] = [{ file: 'Dockerfile' }];
  const files = new Set<string>();
  for (let i = 0; i < 60; i++) {
    const depth = 1 + Math.floor(rand() * 3);
    const dirs = Array.from({ length: depth - 1 }, () => pick(NAMES.slice(0, 4)));
    const path = [...dirs, pick(NAMES.slice(4))].join('/');
    if (!files.has(path)) files.add(path);
  }
  for (const f of files) spec.push({ file: f, size: 1 + Math.floor(rand() * 100) });
  await buildTree(dir.path, spec);
  for (let i = 0; i < 60; i++) {
    const rules = Array.from({ length: Math.floor(rand() * 4) }, () => pick(LINES));
    const line = pick(LINES.filter((l) => !l.startsWith('!')));
    cases.push({ rules, line });
  }
});
afterAll(() => dir.cleanup());

describe('appendedExclusionEffect agrees with the engine', () => {
  it('on 60 random rule sets, under both builders', async () => {
    for (const builder of ['buildkit', 'legacy'] as const) {
      const { context: base } = await computeContextWithBaseline(dir.path, { builder, wholeContext: true });
      for (const { rules, line } of cases) {
        const before = evaluateRules(base, { rules, builder });
        const after = evaluateRules(base, { rules: [...rules, line], builder });
        const included = new Uint8Array(base.inventory.count);
        for (let i = 0; i < included.length; i++) included[i] = before.walk.state[i] === EntryState.Included ? 1 : 0;
        const effect = appendedExclusionEffect(base.inventory, included, compileExclusion(line)!);
        const label = `${builder} [${rules.join(', ')}] + ${line}`;
        // The legacy client re-adds the Dockerfile whatever the rules say; compare everything else.
        const predicted = [...included.keys()].filter((i) => included[i] && !effect.removed[i]).map((i) => base.inventory.path(i)).filter((p) => p !== 'Dockerfile');
        const actual = [...included.keys()].filter((i) => after.walk.state[i] === EntryState.Included).map((i) => base.inventory.path(i)).filter((p) => p !== 'Dockerfile');
        expect(predicted, label).toEqual(actual);
      }
    }
  });
});

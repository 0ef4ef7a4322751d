import { evaluateRules } from '@ctxlens/core';
import { makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../src/tui/session/session.js';
import { deriveEvaluation } from '../src/tui/state/derive.js';
import { buildTuiFixture } from './tui-fixture.js';
import { loadSession } from './tui-harness.js';

let tmp: TempDir;
let session: Session;
beforeAll(async () => {
  tmp = await makeTempDir('ctxlens-tui-derive-');
  await buildTuiFixture(tmp.path);
  session = await loadSession(tmp.path);
});
afterAll(() => tmp.cleanup());

describe('deriveEvaluation (what a toggle costs)', () => {
  it.each([
    ['buildkit', ['node_modules', '.git']],
    ['legacy', ['# node_modules', '.git', '!node_modules/react']],
    ['buildkit', []],
  ] as const)('agrees with core under %s for %j', (builder, lines) => {
    const from = session.evaluator.from;
    const ev = deriveEvaluation(from, lines, builder);
    const ctx = evaluateRules(from.base, { rules: lines, builder });
    expect(ev.sizes).toEqual(ctx.sizes);
    expect(ev.selection?.includedBytes[0]).toBeGreaterThan(0);
    expect(deriveEvaluation(from, lines, builder, true).selection).toBeUndefined();
  });

  it('is served from the session cache the second time, and names rules after the ignore file', () => {
    const first = session.evaluator.evaluate(['node_modules'], 'buildkit');
    const again = session.evaluator.evaluate(['node_modules'], 'buildkit');
    expect(again).toBe(first);
    expect(first.ok && first.evaluation.context.rules[0]?.origin).toMatchObject({ file: '.dockerignore', line: 1 });
  });
});

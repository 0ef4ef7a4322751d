// What a toggle computes (shared eligible walk, per-entry figures summed per toggle, the usage
// analysis) against the full recomputation through the core's public calls, on random trees,
// ignore files and Dockerfiles with random rule toggles. Seeded: a failure names its seed.
import { analyzeUsage, type BuildContext, evaluateRules, UseMark } from '@ctxlens/core';
import { EntryState, selectionTotals, type WalkResult } from '@ctxlens/core/live';
import { scanInSlices, type ScannedTree, wholeContextPlan } from '@ctxlens/core/internal';
import { CaseRng, generateDockerfileCase, makeTempDir, type TempDir, writeCase } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../src/tui/session/session.js';
import { deriveEvaluation, type Evaluation, type EvaluationBase } from '../src/tui/state/derive.js';
import { documentLines, ruleRows, rulesFromBytes, type RulesModel, toggleRule } from '../src/tui/state/rules-model.js';
import { computeUsage } from '../src/tui/state/usage.js';

const SEEDS = Array.from({ length: 40 }, (_, k) => 7001 + k);
const TOGGLES = 6;

let tmp: TempDir;
beforeAll(async () => {
  tmp = await makeTempDir('ctxlens-tui-derive-random-');
});
afterAll(() => tmp.cleanup());

/** The ignore file with a random subset of its rules toggled, as the TUI's toggle key does. */
function toggled(rng: CaseRng, model: RulesModel): string[] {
  let next = model;
  for (const row of ruleRows(model)) if (rng.chance(0.3)) next = toggleRule(next, row.line);
  return documentLines(next);
}

/** Files, bytes and unused groups recounted entry by entry from the marks and the two walks. */
function recount(ctx: BuildContext, eligible: { readonly walk: WalkResult }, marks: Uint8Array) {
  const inv = ctx.inventory;
  const own = new Set([ctx.inputs.dockerfileRelative, '.dockerignore']);
  const totals = { eligible: { files: 0, bytes: 0 }, sent: { files: 0, bytes: 0 }, used: { files: 0, bytes: 0 }, shipped: { files: 0, bytes: 0 } };
  const groups = { sentUnused: new Map<string, { files: number; bytes: number }>(), eligibleUnused: new Map<string, { files: number; bytes: number }>() };
  const count = (t: { files: number; bytes: number }, size: number): void => {
    t.files++;
    t.bytes += size;
  };
  for (let i = 1; i < inv.count; i++) {
    if (inv.kind(i) !== 'file') continue;
    const size = inv.sizes[i]!;
    const path = inv.path(i);
    const isSent = ctx.walk.state[i] === EntryState.Included;
    const isEligible = eligible.walk.state[i] === EntryState.Included;
    if (isEligible) count(totals.eligible, size);
    if (isSent) count(totals.sent, size);
    if (marks[i]! & UseMark.Used) count(totals.used, size);
    if (marks[i]! & UseMark.Shipped) count(totals.shipped, size);
    if (marks[i]! & UseMark.Used || own.has(path)) continue;
    const top = path.split('/')[0]!;
    for (const [list, member] of [[groups.sentUnused, isSent], [groups.eligibleUnused, isEligible]] as const) {
      if (!member) continue;
      const g = list.get(top) ?? { files: 0, bytes: 0 };
      count(g, size);
      list.set(top, g);
    }
  }
  const sorted = (m: Map<string, { files: number; bytes: number }>) => [...m].map(([top, g]) => ({ top, ...g })).sort((a, b) => b.bytes - a.bytes || b.files - a.files || (a.top < b.top ? -1 : 1));
  return { ...totals, sentUnused: sorted(groups.sentUnused), eligibleUnused: sorted(groups.eligibleUnused) };
}

/** Evaluates, or returns the error's message when Docker rejects the rules. */
function attempt<T>(run: () => T): T | { readonly failed: string } {
  try {
    return run();
  } catch (error) {
    return { failed: (error as Error).message };
  }
}

/** Scans, or returns the error's message when BuildKit refuses the Dockerfile. */
async function attemptScan(run: () => Promise<ScannedTree>): Promise<ScannedTree | { readonly failed: string }> {
  try {
    return await run();
  } catch (error) {
    return { failed: (error as Error).message };
  }
}

function checkToggle(from: EvaluationBase, lines: readonly string[], builder: 'buildkit' | 'legacy'): void {
  const ev = attempt(() => deriveEvaluation(from, lines, builder));
  const full = attempt(() => evaluateRules(from.base, { rules: lines, builder, file: from.file, plan: from.plan }));
  if ('failed' in ev || 'failed' in full) {
    expect('failed' in ev && ev.failed).toBe('failed' in full && full.failed);
    return;
  }
  expect(ev.sizes).toEqual(full.sizes);
  const smaller = builder === 'buildkit' && (full.plan?.scope === 'paths' || full.plan?.scope === 'none');
  expect(ev.eligible !== undefined).toBe(smaller);
  if (builder === 'legacy') {
    expect(ev.selection).toEqual(selectionTotals(from.totals, full.walk));
    return;
  }
  // The whole context as its own evaluation. With a control character in a rule BuildKit refuses
  // it (the rules travel in a header), though a Dockerfile that reads no context never sends them:
  // then the eligible set is the send context's own eligibleWalk.
  const evaluated = attempt(() => evaluateRules(from.base, { rules: lines, builder: 'buildkit', file: from.file, plan: wholeContextPlan() }));
  if ('failed' in evaluated) expect([full.plan?.scope, evaluated.failed]).toEqual(['none', expect.stringContaining('header key "exclude-patterns"')]);
  const whole = 'failed' in evaluated ? { walk: full.eligibleWalk(), sizes: full.eligibleSizes } : evaluated;
  if (ev.eligible !== undefined) {
    expect(ev.eligible.sizes).toEqual(whole.sizes);
    expect(ev.eligible.walk.state).toEqual(whole.walk.state);
    expect(ev.eligible.walk.order).toEqual(whole.walk.order);
  }
  expect(ev.selection).toEqual(selectionTotals(from.totals, full.walk, smaller ? whole.walk : undefined));
  checkUsage(ev, full, whole);
}

function checkUsage(ev: Evaluation, full: BuildContext, whole: { readonly walk: WalkResult }): void {
  const usage = computeUsage(ev);
  if (usage === undefined) return;
  const reference = analyzeUsage(full);
  expect(usage.marks).toEqual(reference.marks);
  const { eligible, sent, used, shipped, sentUnused, eligibleUnused } = usage;
  expect({ eligible, sent, used, shipped, sentUnused, eligibleUnused }).toEqual(recount(full, whole, reference.marks));
}

describe('a toggle equals the full recomputation (random trees, rules and Dockerfiles)', () => {
  it.each(SEEDS)('seed %i', async (seed) => {
    const c = generateDockerfileCase(seed);
    const dir = `${tmp.path}/${seed}`;
    await writeCase(dir, c);
    const tree = await attemptScan(() => scanInSlices(dir, { builder: 'buildkit', dockerfileText: c.dockerfile, target: c.target, buildArgs: c.buildArgs }));
    // A Dockerfile BuildKit refuses has no evaluation to compare.
    if ('failed' in tree) return;
    const from = createSession(tree).evaluator.from;
    const model = rulesFromBytes(tree.ignoreFileBytes);
    const rng = new CaseRng(seed);
    for (let t = 0; t < TOGGLES; t++) {
      const now = t === 0 ? documentLines(model) : toggled(rng, model);
      checkToggle(from, now, 'buildkit');
      checkToggle(from, now, 'legacy');
    }
  });
});

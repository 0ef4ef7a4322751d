import { makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { serializeDocument } from '@ctxlens/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../src/tui/session/session.js';
import { reducer } from '../src/tui/state/reducer.js';
import { currentRuleRows, hasUnsavedChanges, selectedEntry } from '../src/tui/state/selectors.js';
import type { TuiState } from '../src/tui/state/types.js';
import { buildTuiFixture, FIXTURE_DOCKERIGNORE } from './tui-fixture.js';
import { readyState, run, settle } from './tui-harness.js';

let tmp: TempDir;
let session: Session;
beforeAll(async () => {
  tmp = await makeTempDir('ctxlens-tui-reducer-');
  await buildTuiFixture(tmp.path);
  session = await (await import('./tui-harness.js')).loadSession(tmp.path);
});
afterAll(() => tmp.cleanup());

const docText = (s: TuiState): string => serializeDocument(s.rules.doc).toString();
const selectedPath = (s: TuiState): string | undefined => {
  const i = selectedEntry(s);
  return i === undefined ? undefined : s.session!.evaluator.from.totals.inventory.path(i);
};
const select = (s: TuiState, path: string): TuiState => {
  let next = s;
  for (let k = 0; k < 50 && selectedPath(next) !== path; k++) next = run(next, 'cursor-down');
  expect(selectedPath(next)).toBe(path);
  return next;
};

describe('reducer', () => {
  it('starts in the tree on the biggest entry, with the figures of the ignore file', () => {
    const s = readyState(session);
    expect(s.phase).toBe('ready');
    expect(selectedPath(s)).toBe('node_modules');
    expect(s.evaluation?.sizes.dockerSize).toBe('4.022MB');
    expect(s.startSizes).toBe(s.evaluation?.sizes);
    expect(currentRuleRows(s).map((r) => r.text)).toEqual(['node_modules', '.git', '*.log']);
  });

  it('switches a rule off and on, re-evaluating, and undoes', () => {
    const start = readyState(session);
    const off = run(start, 'switch-pane', 'toggle-rule');
    expect(docText(off)).toBe(FIXTURE_DOCKERIGNORE.replace('\nnode_modules\n', '\n# node_modules\n'));
    expect(off.evaluation!.sizes.tarBytes).toBeGreaterThan(start.evaluation!.sizes.tarBytes + 300_000_000);
    const on = run(off, 'toggle-rule');
    expect(docText(on)).toBe(FIXTURE_DOCKERIGNORE);
    expect(on.evaluation!.sizes).toEqual(start.evaluation!.sizes);
    expect(hasUnsavedChanges(on)).toBe(false);
    const undone = run(on, 'undo');
    expect(docText(undone)).toBe(docText(off));
    expect(run(undone, 'undo', 'undo').status?.text).toBe('nothing to undo');
  });

  it('opens a directory, goes back to the row it came from, sorts and filters', () => {
    const s = readyState(session);
    const inside = run(s, 'open');
    expect(selectedPath(inside)).toBe('node_modules/.cache');
    const back = run(inside, 'back');
    expect(selectedPath(back)).toBe('node_modules');
    const byName = run(back, 'sort-name');
    expect(selectedPath(byName)).toBe('node_modules');
    expect(selectedPath(run(byName, 'first'))).toBe('.dockerignore');
    const filtered = run(back, 'filter', { type: 'text', text: 'cov' });
    expect(selectedPath(filtered)).toBe('coverage');
    expect(run(filtered, 'submit').tree.filter).toBe('cov');
    expect(run(filtered, 'cancel').tree.filter).toBe('');
    expect(run(s, 'last', 'open').status?.text).toMatch(/is not a directory/);
  });

  it('ignores a path with the proposed rule and what it saves', () => {
    const s = select(readyState(session), 'coverage');
    const asking = run(s, 'ignore');
    expect(asking.mode.kind).toBe('confirm-ignore');
    const data = asking.modeData;
    expect(data?.kind === 'ignore-preview' && data.options.map((o) => [o.rule.line, o.savesBytes])).toEqual([['coverage', 4_001_152]]);
    const done = run(asking, 'confirm');
    expect(docText(done)).toBe(FIXTURE_DOCKERIGNORE + 'coverage\n');
    expect(done.evaluation!.sizes.dockerSize).toBe('18.94kB');
    expect(run(done, 'ignore').status?.text).toMatch(/already excluded/);
  });

  it('proposes **/lodash first for a name that recurs deeper, and Tab picks the other', () => {
    const s = run(select(run(readyState(session), 'switch-pane', 'toggle-rule', 'switch-pane'), 'node_modules'), 'open');
    const lodash = select(s, 'node_modules/lodash');
    const asking = run(lodash, 'ignore');
    expect(asking.modeData?.kind === 'ignore-preview' && asking.modeData.options.map((o) => o.rule.line)).toEqual(['**/lodash', 'node_modules/lodash']);
    expect(docText(run(asking, 'next-choice', 'confirm')).endsWith('node_modules/lodash\n')).toBe(true);
    expect(docText(run(asking, 'confirm')).endsWith('**/lodash\n')).toBe(true);
  });

  it('re-includes an excluded path with an exception both builders honour', () => {
    const s = run(select(readyState(session), 'node_modules'), 'open');
    const react = select(s, 'node_modules/react');
    const asking = run(react, 'include');
    const data = asking.modeData;
    expect(data?.kind === 'include-preview' && [data.rule?.line, data.legacyHonours, data.buildkitHonours]).toEqual(['!node_modules/react', true, true]);
    const done = run(asking, 'confirm');
    expect(docText(done).endsWith('!node_modules/react\n')).toBe(true);
    expect(done.evaluation!.sizes.transferBytes! - s.evaluation!.sizes.transferBytes!).toBe(data?.kind === 'include-preview' ? data.addsBytes : NaN);
  });

  it('adds a rule only when Docker accepts it, deletes and moves rules', () => {
    const s = run(readyState(session), 'switch-pane', 'add-rule', { type: 'text', text: 'foo[' });
    expect(run(s, 'submit').mode.kind).toBe('add-rule');
    const fixed = run(s, 'erase', { type: 'text', text: '*.tmp' }, 'submit');
    expect(docText(fixed).endsWith('foo*.tmp\n')).toBe(true);
    expect(currentRuleRows(fixed)[fixed.rulesCursor]?.text).toBe('foo*.tmp');
    const moved = run(fixed, 'move-rule-up');
    expect(currentRuleRows(moved).map((r) => r.text)).toEqual(['node_modules', '.git', 'foo*.tmp', '*.log']);
    expect(currentRuleRows(run(moved, 'move-rule-down')).map((r) => r.text)).toEqual(['node_modules', '.git', '*.log', 'foo*.tmp']);
    const deleted = run(moved, 'delete-rule');
    expect(currentRuleRows(deleted).map((r) => r.text)).toEqual(['node_modules', '.git', '*.log']);
  });

  it('saves through a request, and asks before quitting with unsaved changes', () => {
    const clean = readyState(session);
    expect(run(clean, 'save').status?.text).toMatch(/no changes/);
    expect(run(clean, 'quit').request).toEqual({ kind: 'exit' });
    const dirty = run(clean, 'switch-pane', 'toggle-rule');
    const saving = run(dirty, 'save');
    expect(saving.mode.kind).toBe('save');
    expect(run(saving, 'confirm').request).toEqual({ kind: 'write' });
    const written = reducer(run(saving, 'confirm'), { type: 'written', bytes: Buffer.from(docText(dirty)) });
    expect(hasUnsavedChanges(written)).toBe(false);
    expect(run(dirty, 'quit').mode.kind).toBe('confirm-quit');
    expect(run(dirty, 'quit', 'cancel').mode.kind).toBe('browse');
    expect(run(dirty, 'quit', 'confirm').request).toEqual({ kind: 'exit' });
  });

  it('offers to reload when the file changed on disk, keeping the edits on the undo stack', () => {
    const dirty = run(readyState(session), 'switch-pane', 'toggle-rule', 'save', 'confirm');
    const conflict = reducer(dirty, { type: 'write-conflict' });
    expect(conflict.mode.kind).toBe('conflict');
    expect(run(conflict, 'reload').request).toEqual({ kind: 'reload' });
    const reloaded = settle(reducer(run(conflict, 'reload'), { type: 'reloaded', bytes: Buffer.from(`${FIXTURE_DOCKERIGNORE}other\n`) }));
    expect(docText(reloaded)).toBe(`${FIXTURE_DOCKERIGNORE}other\n`);
    // The edit is replayed onto the reloaded file: the line added on disk stays (tui-reducer-disk.test.ts).
    expect(docText(run(reloaded, 'undo'))).toBe(`${docText(dirty)}other\n`);
  });

  it('switches the builder and lists where the builders differ', () => {
    const s = run(readyState(session), 'switch-pane', 'add-rule', { type: 'text', text: '!**/react' }, 'submit', 'builder');
    expect(s.builder).toBe('legacy');
    expect(s.mode.kind).toBe('builder-diff');
    const data = s.modeData;
    expect(data?.kind === 'builder-diff' && data.rows.map((r) => [r.path, r.sentBy])).toEqual([['node_modules/react', 'buildkit']]);
    expect(selectedPath(run(s, 'confirm'))).toBe('node_modules/react');
    expect(run(s, 'cancel', 'builder').builder).toBe('buildkit');
  });

  it('opens and closes explain, offenders and help', () => {
    const s = readyState(session);
    expect(run(s, 'explain').mode).toEqual({ kind: 'explain', index: selectedEntry(s) });
    expect(run(s, 'explain', 'cancel').mode.kind).toBe('browse');
    const offenders = run(s, 'offenders');
    expect(offenders.modeData?.kind).toBe('offenders');
    expect(run(offenders, 'confirm').mode.kind).toBe('browse');
    expect(run(s, 'help', 'cursor-down').mode).toEqual({ kind: 'help', scroll: 1 });
  });
});

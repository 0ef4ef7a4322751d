// Issue 13 points 7 and 9 in the reducer: edits brought back over a file changed on disk are
// replayed (never a wholesale restore that drops the other writer's lines), `r` rescans with the
// edits replayed on top, and Ctrl-C never drops unsaved edits without asking.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { serializeDocument } from '@ctxlens/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffDocument } from '../src/tui/state/line-diff.js';
import type { Session } from '../src/tui/session/session.js';
import { reducer } from '../src/tui/state/reducer.js';
import { currentRuleRows, hasUnsavedChanges } from '../src/tui/state/selectors.js';
import type { TuiState } from '../src/tui/state/types.js';
import { buildTuiFixture, FIXTURE_DOCKERIGNORE } from './tui-fixture.js';
import { loadSession, readyState, run, settle } from './tui-harness.js';

let tmp: TempDir;
let session: Session;
beforeAll(async () => {
  tmp = await makeTempDir('ctxlens-tui-disk-');
  await buildTuiFixture(tmp.path);
  session = await loadSession(tmp.path);
});
afterAll(() => tmp.cleanup());

const docText = (s: TuiState): string => serializeDocument(s.rules.doc).toString();
const WITH_TMP = `${FIXTURE_DOCKERIGNORE}tmp/\n`;
/** The user's edit in the rules pane: delete node_modules (x on the first rule). */
const edited = (): TuiState => run(readyState(session), 'switch-pane', 'delete-rule');
/** `w`, `y`, and the file on disk holds `bytes`: the conflict dialog, then `r`. */
const conflictThenReload = (state: TuiState, bytes: string): TuiState => {
  const conflict = reducer(run(state, 'save', 'confirm'), { type: 'write-conflict' });
  expect(conflict.mode.kind).toBe('conflict');
  return settle(reducer(run(conflict, 'reload'), { type: 'reloaded', bytes: Buffer.from(bytes) }));
};
/** The save diff `w` shows, as `+`/`-` lines. */
const saveDiff = (s: TuiState): string[] => diffDocument(s.session!.originalBytes, s.rules.doc).flatMap((l) => (l.op === 'same' ? [] : [`${l.op === 'add' ? '+' : '-'} ${l.text}`]));

describe('restoring edits after a reload (issue 13 point 7)', () => {
  it('the issue repro: tmp/ appended on disk, x, w (conflict), r, u: the save keeps tmp/', () => {
    const restored = run(conflictThenReload(edited(), WITH_TMP), 'undo');
    expect(restored.status?.text).toMatch(/your edits are back/);
    expect(saveDiff(restored)).toEqual(['- node_modules']);
    const saving = run(restored, 'save', 'confirm');
    expect(saving.request).toEqual({ kind: 'write' });
    expect(docText(saving)).toBe(WITH_TMP.replace('node_modules\n', ''));
  });

  it('refuses, naming the line, when the edit touches a line changed on disk; the reloaded file stays shown', () => {
    const reloaded = conflictThenReload(edited(), FIXTURE_DOCKERIGNORE.replace('node_modules', 'node_modules/'));
    const refused = run(reloaded, 'undo');
    expect(refused.status).toEqual({
      text: 'cannot bring your edits back: you deleted "node_modules", but "node_modules" was changed or removed on disk. Nothing changed; fix that line in .dockerignore, press r to rescan, then u',
      tone: 'error',
    });
    expect(docText(refused)).toBe(docText(reloaded));
    // Nothing the user did is dropped: the edits stay on the undo stack.
    expect(refused.history).toBe(reloaded.history);
  });

  it('a switched-off rule comes back switched off, and can be switched on again', () => {
    const off = run(readyState(session), 'switch-pane', 'toggle-rule');
    const restored = run(conflictThenReload(off, `tmp/\n${FIXTURE_DOCKERIGNORE}`), 'undo');
    expect(docText(restored)).toBe(`tmp/\n${FIXTURE_DOCKERIGNORE.replace('\nnode_modules\n', '\n# node_modules\n')}`);
    const row = currentRuleRows(restored).find((r) => r.text === 'node_modules');
    expect(row?.enabled).toBe(false);
    const cursor = currentRuleRows(restored).indexOf(row!);
    expect(docText(run({ ...restored, rulesCursor: cursor }, 'toggle-rule'))).toBe(`tmp/\n${FIXTURE_DOCKERIGNORE}`);
  });

  it('edits made before a save are not replayed again after a later reload (no duplicated lines)', () => {
    const added = run(readyState(session), 'switch-pane', 'add-rule', { type: 'text', text: 'dist' }, 'submit');
    const saved = reducer(run(added, 'save', 'confirm'), { type: 'written', bytes: serializeDocument(added.rules.doc) });
    expect(hasUnsavedChanges(saved)).toBe(false);
    const more = run(saved, 'add-rule', { type: 'text', text: 'build' }, 'submit');
    const restored = run(conflictThenReload(more, `${docText(saved)}tmp/\n`), 'undo');
    expect(docText(restored)).toBe(`${FIXTURE_DOCKERIGNORE}dist\ntmp/\nbuild\n`);
    // Undo goes on past the save, over the file as it is now: tmp/ stays.
    expect(docText(run(restored, 'undo'))).toBe(`${FIXTURE_DOCKERIGNORE}dist\ntmp/\n`);
    expect(docText(run(restored, 'undo', 'undo'))).toBe(`${FIXTURE_DOCKERIGNORE}tmp/\n`);
  });
});

describe('r rescans the disk (issue 13 point 9)', () => {
  let dir: TempDir;
  beforeAll(async () => {
    dir = await makeTempDir('ctxlens-tui-rescan-');
    await buildTuiFixture(dir.path);
  });
  afterAll(() => dir.cleanup());

  it('reads the tree, the ignore file and the Dockerfile again, with the unsaved edits replayed on top', async () => {
    const start = run(readyState(await loadSession(dir.path)), 'switch-pane', 'delete-rule');
    const asked = run(start, 'rescan');
    expect(asked.request).toEqual({ kind: 'rescan' });
    await writeFile(join(dir.path, '.dockerignore'), WITH_TMP);
    await writeFile(join(dir.path, 'new-file.txt'), 'x'.repeat(5000));
    // The Dockerfile now reads only src/: BuildKit sends less.
    await writeFile(join(dir.path, 'Dockerfile'), 'FROM scratch\nCOPY src /src\n');
    const next = settle(reducer(asked, { type: 'rescanned', session: await loadSession(dir.path) }));
    expect(next.status?.text).toBe('rescanned the disk; your edits are replayed over .dockerignore as it is now');
    expect(docText(next)).toBe(WITH_TMP.replace('node_modules\n', ''));
    expect(next.session!.evaluator.from.totals.inventory.indexOf('new-file.txt')).toBeGreaterThan(0);
    expect(next.evaluation!.sizes.transferBytes).toBeLessThan(start.evaluation!.sizes.transferBytes! / 10);
    expect(saveDiff(next)).toEqual(['- node_modules']);
  });

  it('shows the file as it is and names the line when the edits conflict; u tries again', async () => {
    const start = run(readyState(await loadSession(dir.path)), 'switch-pane', 'delete-rule');
    await writeFile(join(dir.path, '.dockerignore'), 'node_modules/\n');
    const next = settle(reducer(run(start, 'rescan'), { type: 'rescanned', session: await loadSession(dir.path) }));
    expect(next.status?.tone).toBe('error');
    expect(next.status?.text).toContain('you deleted "node_modules", but "node_modules" was changed or removed on disk');
    expect(docText(next)).toBe('node_modules/\n');
    expect(next.history[next.history.length - 1]).toBe(start.rules);
  });
});

describe('Ctrl-C (issue 13 point 9)', () => {
  it('quits at once without unsaved edits, also while loading', () => {
    expect(run(readyState(session), 'interrupt').request).toEqual({ kind: 'exit' });
    expect(reducer({ ...readyState(session), phase: 'loading' }, { type: 'command', command: 'interrupt' }).request).toEqual({ kind: 'exit' });
  });

  it('asks as q does with unsaved edits; a second Ctrl-C quits without saving, status 130, saying so', () => {
    const asked = run(edited(), 'add-rule', { type: 'text', text: 'dis' }, 'interrupt');
    expect(asked.mode.kind).toBe('confirm-quit');
    expect(asked.request).toBeUndefined();
    expect(run(edited(), 'quit', 'interrupt').request).toEqual(run(asked, 'interrupt').request);
    expect(run(asked, 'interrupt').request).toEqual({ kind: 'exit', code: 130, message: 'ctxlens: interrupted: 1 edit to .dockerignore not saved (the file on disk is unchanged)' });
    expect(run(asked, 'cancel').mode.kind).toBe('browse');
    expect(docText(run(asked, 'cancel'))).toBe(docText(edited()));
  });

  it('w in the question saves, then quits; a conflict stops the quitting', () => {
    const saving = run(edited(), 'interrupt', 'save');
    expect(saving.request).toEqual({ kind: 'write', thenExit: true });
    expect(reducer(saving, { type: 'written', bytes: serializeDocument(saving.rules.doc) }).request).toEqual({ kind: 'exit' });
    const conflict = reducer(saving, { type: 'write-conflict' });
    expect([conflict.mode.kind, conflict.request]).toEqual(['conflict', undefined]);
  });
});

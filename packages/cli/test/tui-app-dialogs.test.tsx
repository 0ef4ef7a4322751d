/** @jsxRuntime automatic */
import { readlinkSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { linkIgnoreFile, linkState, SHARED_MODE } from './helpers/linked-ignore.js';
import { buildTuiFixture, FIXTURE_DOCKERIGNORE } from './tui-fixture.js';
import { KEYS, openTui } from './tui-ink.js';

/** What a terminal sends for Ctrl-C in raw mode (ETX). */
const CTRL_C = '\u0003';

let tmp: TempDir;
beforeEach(async () => {
  tmp = await makeTempDir('ctxlens-tui-dialogs-');
  await buildTuiFixture(tmp.path);
});
afterEach(async () => {
  cleanup();
  await tmp.cleanup();
});

const onDisk = (): Promise<string> => readFile(join(tmp.path, '.dockerignore'), 'utf8');

describe('TUI: from the tree', () => {
  it('i proposes the rule and what it saves; y adds it', async () => {
    const tui = await openTui(tmp.path);
    let frame = await tui.press(['j', 'j', 'j', 'i'], /› coverage +saves 4\.00MB +this entry, at the root only/);
    expect(frame).toContain('Ignore coverage: add this rule to .dockerignore?');
    frame = await tui.press('y', 'ctxlens 11.59kB');
    expect(frame).toContain('added: coverage (saves 4.00MB)');
    expect(frame).toMatch(/✗ +4\.003MB +coverage\/ +\.dockerignore:8/);
  });

  it('i on a name that recurs at depth proposes **/name, Tab picks the path; n cancels', async () => {
    const tui = await openTui(tmp.path);
    await tui.press([KEYS.tab, KEYS.space, KEYS.tab, KEYS.enter, 'j'], /›✓ .*lodash\//);
    let frame = await tui.press('i', /saves .*\n.*saves/);
    expect(frame).toMatch(/› \*\*\/lodash +saves 9\.00MB +every "lodash", here and 1 more elsewhere/);
    expect(frame).toMatch(/ {2}node_modules\/lodash +saves 5\.00MB/);
    frame = await tui.press(KEYS.tab, /› node_modules\/lodash/);
    frame = await tui.press('n', (f) => !f.includes('Ignore node_modules/lodash'));
    expect(frame).not.toContain('added:');
    frame = await tui.press(['i', KEYS.tab, KEYS.enter], 'added: node_modules/lodash');
  });

  // Keys can come faster than frames (a loaded machine, key repeat): each is read in the mode the
  // keys before it lead to, not in the mode of the last frame.
  it('keys typed before the dialog is drawn still go to the dialog', async () => {
    const tui = await openTui(tmp.path);
    await tui.press([KEYS.tab, KEYS.space, KEYS.tab, KEYS.enter, 'j'], /›✓ .*lodash\//);
    await tui.burst(['i', KEYS.tab, KEYS.enter], 'added: node_modules/lodash');
  });

  it('! re-includes an excluded path and says when the legacy builder would not honour it', async () => {
    const odd = await makeTempDir('ctxlens-tui-odd-');
    try {
      await buildTree(odd.path, [{ file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' }, { file: '.dockerignore', content: 'we*\n' }, { file: 'we[ird]/x.txt', size: 100 }]);
      const tui = await openTui(odd.path);
      await tui.press(KEYS.enter, '/we[ird]');
      const frame = await tui.press('!', 'legacy builder would not honour');
      // BuildKit sends the excluded directory's own entry too (its stat packet), not just the file.
      expect(frame).toMatch(/› !we\\\[ird\\\]\/x\.txt +adds 169B to the context/);
      await tui.press('y', /added: !we\\\[ird\\\]\/x\.txt — the legacy builder will not honour it/);
    } finally {
      cleanup();
      await odd.cleanup();
    }
  });

  it('! on node_modules/react adds an exception both builders honour', async () => {
    const tui = await openTui(tmp.path);
    await tui.press([KEYS.enter, 'j', 'j', 'j'], /›✗ .*react\//);
    const frame = await tui.press('!', 'Both builders honour it.');
    expect(frame).toMatch(/› !node_modules\/react +adds 2\.12MB/);
    await tui.press(KEYS.enter, 'ctxlens 6.13MB');
  });

  it('e explains the deciding rule and the trace, and says when the other builder differs', async () => {
    const tui = await openTui(tmp.path);
    let frame = await tui.press('e', 'Explain node_modules/');
    expect(frame).toContain('✗ excluded under BuildKit, decided by .dockerignore:3  node_modules');
    expect(frame).toMatch(/\.dockerignore:3 +node_modules +matched node_modules → exclude/);
    expect(frame).toContain('The legacy builder decides the same.');
    frame = await tui.press(KEYS.escape, '▸ /');
    const globs = await makeTempDir('ctxlens-tui-globs-');
    try {
      await buildTree(globs.path, [{ file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' }, { file: '.dockerignore', content: '*\n!**/*.go\n' }, { file: 'src/main.go', size: 10 }]);
      const other = await openTui(globs.path);
      await other.press(KEYS.enter, '/src');
      frame = await other.press('e', 'Explain src/main.go');
      expect(frame).toContain('✓ sent under BuildKit, decided by .dockerignore:2  !**/*.go');
      expect(frame).toContain('⚠ The legacy builder decides differently: excluded (.dockerignore:1), never entering src/');
    } finally {
      cleanup();
      await globs.cleanup();
    }
  });

  it('o lists the secrets first, then the biggest and the bloat; Enter shows one in the tree', async () => {
    const tui = await openTui(tmp.path);
    const frame = await tui.press('o', 'Secrets sent');
    // Secrets lead, and the cursor starts on the first.
    expect(frame).toMatch(/Secrets sent \(shipped in the image first\)\n› +23B \.env +RISK: environment file \(\.env\*\)/);
    expect(frame).toMatch(/Biggest sent \(never used first\)\n +4MB coverage\//);
    expect(frame).toMatch(/4MB coverage\/ +coverage and test reports/);
    expect(frame.indexOf('Secrets sent')).toBeLessThan(frame.indexOf('Biggest sent'));
    const shown = await tui.press(KEYS.enter, /›✓ .*\.env/);
    expect(shown).toContain('▸ /');
  });

  it('b switches the builder and shows where the builders differ', async () => {
    const tui = await openTui(tmp.path);
    let frame = await tui.press('b', 'Both builders send exactly the same entries with these rules.');
    expect(frame).toContain('Builder: now legacy');
    frame = await tui.press(KEYS.escape, 'builder legacy');
    await tui.press([KEYS.tab, 'a', ...'!**/react', KEYS.enter], 'added: !**/react');
    frame = await tui.press('b', /1 path where the builders differ/);
    expect(frame).toContain('Builder: now BuildKit');
    expect(frame).toMatch(/\+ +2\.123MB node_modules\/react +sent only by BuildKit/);
  });

  it('? shows every key; Esc closes', async () => {
    const tui = await openTui(tmp.path);
    const frame = await tui.press('?', 'Keys');
    for (const text of ['sort by size', 'switch the rule on or off', 'add a rule', 'move the rule up', 'undo the last rule change', 'offenders', 'switch builder', 'filter entries by name', 're-include the selected path', 'explain why']) {
      expect(frame).toContain(text);
    }
    await tui.press(KEYS.escape, '▸ /');
  });

  it('? lists r (rescan), Ctrl-C and the quit question\'s save-and-quit', async () => {
    const tui = await openTui(tmp.path, { rows: 90 });
    const frame = await tui.press('?', 'Keys');
    expect(frame).toMatch(/r +rescan the disk: tree, ignore file and Dockerfile/);
    expect(frame).toMatch(/At any time\s+Ctrl-C +quit at once, or with unsaved changes ask as q does/);
    expect(frame).toMatch(/Quitting with unsaved changes\s+w +save, then quit/);
  });
});

describe('TUI: saving and quitting', () => {
  it('w shows the exact diff, y writes it byte for byte, and a second w writes nothing', async () => {
    const tui = await openTui(tmp.path);
    await tui.press([KEYS.tab, KEYS.space], '● unsaved');
    await tui.press([KEYS.tab, 'j', 'j', 'j', 'i', 'y'], 'added: coverage');
    let frame = await tui.press('w', 'Save ');
    expect(frame).toMatch(/- +3 node_modules\n\+ +3 # node_modules/);
    expect(frame).toMatch(/\+ +8 coverage/);
    expect(frame).toContain('Kept byte for byte: every other line, LF line endings, comments and blank lines.');
    expect(await onDisk()).toBe(FIXTURE_DOCKERIGNORE);
    frame = await tui.press('y', 'wrote .dockerignore');
    expect(await onDisk()).toBe(FIXTURE_DOCKERIGNORE.replace('\nnode_modules\n', '\n# node_modules\n') + 'coverage\n');
    expect(frame).not.toContain('● unsaved');
    frame = await tui.press('w', 'no changes: .dockerignore stays as it is');
  });

  it('creates the ignore file on save when there was none', async () => {
    const bare = await makeTempDir('ctxlens-tui-bare-');
    try {
      await buildTree(bare.path, [{ file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' }, { file: 'node_modules/x.js', size: 5000 }]);
      const tui = await openTui(bare.path);
      expect(tui.frame()).toContain('.dockerignore (new)');
      await tui.press(['i', 'y'], 'added: node_modules');
      await tui.press('w', /Save .*\.dockerignore\? \(new file\)/);
      await tui.press('y', 'wrote .dockerignore');
      expect(await readFile(join(bare.path, '.dockerignore'), 'utf8')).toBe('node_modules\n');
    } finally {
      cleanup();
      await bare.cleanup();
    }
  });

  it('w then n leaves the file alone', async () => {
    const tui = await openTui(tmp.path);
    await tui.press([KEYS.tab, 'x', 'w'], 'Save ');
    await tui.press('n', '● unsaved');
    expect(await onDisk()).toBe(FIXTURE_DOCKERIGNORE);
  });

  // Issue 13 point 7, as reported: the line appended on disk survives r and u.
  it('refuses to overwrite a file changed on disk; r reloads it and u replays the edits onto it', async () => {
    const tui = await openTui(tmp.path);
    await tui.press([KEYS.tab, 'x'], '● unsaved');
    await writeFile(join(tmp.path, '.dockerignore'), `${FIXTURE_DOCKERIGNORE}tmp/\n`);
    let frame = await tui.press(['w', 'y'], '.dockerignore changed on disk since ctxlens loaded it');
    expect(frame).toContain('Nothing was written');
    expect(await onDisk()).toBe(`${FIXTURE_DOCKERIGNORE}tmp/\n`);
    frame = await tui.press('r', 'reloaded .dockerignore from disk');
    expect(frame).toMatch(/Rules \.dockerignore · 4/);
    frame = await tui.press('u', /Rules \.dockerignore · 3/);
    frame = await tui.press('w', /Save .*\.dockerignore/);
    expect(frame).toMatch(/- +3 node_modules/);
    expect(frame).not.toMatch(/- +\d+ tmp\//);
    await tui.press('y', 'wrote .dockerignore');
    expect(await onDisk()).toBe(`${FIXTURE_DOCKERIGNORE.replace('node_modules\n', '')}tmp/\n`);
  });

  // BuildKit reads no ignore file through a link out of the context (next test); the legacy
  // builder's client follows it, so that is the builder that saves through it.
  it.each(['inside', 'outside'] as const)('w through a .dockerignore linked to a shared file %s the context writes the shared file and keeps the link', async (place) => {
    const linked = await linkIgnoreFile(tmp.path, place);
    try {
      const before = linkState(linked);
      const tui = await openTui(tmp.path, { builder: place === 'outside' ? 'legacy' : 'buildkit' });
      await tui.press([KEYS.tab, 'x'], '● unsaved');
      const frame = await tui.press(['w', 'y'], /wrote \.dockerignore|could not write/);
      expect(frame).toContain('wrote .dockerignore');
      expect(linkState(linked)).toEqual({ ...before, content: FIXTURE_DOCKERIGNORE.replace('node_modules\n', ''), mode: SHARED_MODE });
    } finally {
      await linked.cleanup();
    }
  });

  it('under BuildKit, a save through a link out of the context is refused: BuildKit would not read it', async () => {
    const linked = await linkIgnoreFile(tmp.path, 'outside');
    try {
      const before = linkState(linked);
      const tui = await openTui(tmp.path);
      // BuildKit reads no rules here, so the pane starts empty: the user adds one.
      expect(tui.frame()).toContain('Rules .dockerignore · 0');
      await tui.press([KEYS.tab, 'a', ...'app.log', KEYS.enter], '● unsaved');
      const frame = await tui.press(['w', 'y'], 'Could not save');
      const dialog = frame.split('\n').map((row) => row.replace(/^\s*│ ?|\s*│\s*$/gu, '')).join('');
      expect(dialog).toContain('is a symbolic link that BuildKit does not follow out of the context');
      expect(dialog).toContain('use --builder legacy');
      expect(linkState(linked)).toEqual(before);
    } finally {
      await linked.cleanup();
    }
  });

  it('a save the link makes impossible is refused with the reason and the fix, and the edits stay', async () => {
    const linked = await linkIgnoreFile(tmp.path, 'outside');
    try {
      const tui = await openTui(tmp.path, { builder: 'legacy' });
      await tui.press([KEYS.tab, 'x'], '● unsaved');
      // The shared directory goes away after loading: the link now points into nothing.
      await rm(dirname(linked.target), { recursive: true });
      let frame = await tui.press(['w', 'y'], 'Could not save .dockerignore: your edits are kept');
      // The whole reason and the whole fix, however long, wrapped inside the dialog.
      const dialog = frame.split('\n').map((row) => row.replace(/^\s*│ ?|\s*│\s*$/gu, '')).join('');
      expect(dialog).toContain(`${linked.link} is a symbolic link to ${linked.target}, which does not exist, nor does its directory; nothing was written`);
      expect(dialog).toContain(`hint: Create the directory ${dirname(linked.target)} (the save then creates the file the link points to), or replace the link with a regular file.`);
      expect(frame.split('\n')[0]).toMatch(/^ctxlens /);
      expect(readlinkSync(linked.link)).toBe(linked.linkText);
      frame = await tui.press(KEYS.escape, 'not saved: ');
      expect(frame).toContain('● unsaved');
      expect(frame).toMatch(/Rules \.dockerignore · 2/);
      // Once the directory is back, the save creates the file there; as the file was not there, it first asks to confirm.
      await mkdir(dirname(linked.target));
      frame = await tui.press(['w', 'y'], '.dockerignore changed on disk since ctxlens loaded it');
    } finally {
      await linked.cleanup();
    }
  });

  it('q quits at once when nothing changed', async () => {
    const tui = await openTui(tmp.path);
    await tui.press('q');
    expect(tui.onExit).toHaveBeenCalledTimes(1);
  });

  it('q asks first when there are unsaved changes; n stays, y quits', async () => {
    const tui = await openTui(tmp.path);
    await tui.press([KEYS.tab, KEYS.space], '● unsaved');
    await tui.press('q', 'Quit without saving .dockerignore?');
    await tui.press('n', (f) => !f.includes('Quit without saving'));
    expect(tui.onExit).not.toHaveBeenCalled();
    await tui.press(['q', 'y']);
    expect(tui.onExit).toHaveBeenCalledTimes(1);
    expect(await onDisk()).toBe(FIXTURE_DOCKERIGNORE);
  });

  it('r rescans the disk: a new file shows in the tree, the unsaved edit stays on top of the file changed on disk', async () => {
    const tui = await openTui(tmp.path);
    await tui.press([KEYS.tab, 'x'], '● unsaved');
    await buildTree(tmp.path, [{ file: 'fresh-build.tar', size: 7_000_000 }]);
    await writeFile(join(tmp.path, '.dockerignore'), `${FIXTURE_DOCKERIGNORE}tmp/\n`);
    const frame = await tui.press('r', 'your edits are replayed over .dockerignore as it is now');
    expect(frame).toMatch(/fresh-build\.tar/);
    await tui.press(['w', 'y'], 'wrote .dockerignore');
    expect(await onDisk()).toBe(`${FIXTURE_DOCKERIGNORE.replace('node_modules\n', '')}tmp/\n`);
  });

  // Issue 13 point 9: Ctrl-C reaches the keymap (Ink does not quit on it by itself).
  it('Ctrl-C quits at once when nothing changed', async () => {
    const tui = await openTui(tmp.path);
    await tui.press(CTRL_C);
    expect(tui.onExit).toHaveBeenCalledWith({ code: 0, message: undefined });
  });

  it('Ctrl-C with unsaved changes asks as q does; a second Ctrl-C quits without saving, status 130', async () => {
    const tui = await openTui(tmp.path);
    await tui.press([KEYS.tab, KEYS.space], '● unsaved');
    await tui.press(CTRL_C, 'Quit without saving .dockerignore?');
    expect(tui.onExit).not.toHaveBeenCalled();
    await tui.press(CTRL_C);
    expect(tui.onExit).toHaveBeenCalledWith({ code: 130, message: 'ctxlens: interrupted: 1 edit to .dockerignore not saved (the file on disk is unchanged)' });
    expect(await onDisk()).toBe(FIXTURE_DOCKERIGNORE);
  });

  it('w in the quit question saves, then quits', async () => {
    const tui = await openTui(tmp.path);
    await tui.press([KEYS.tab, 'x'], '● unsaved');
    await tui.press('q', 'Quit without saving .dockerignore?');
    await tui.press('w');
    await vi.waitFor(() => expect(tui.onExit).toHaveBeenCalledWith({ code: 0, message: undefined }));
    expect(await onDisk()).toBe(FIXTURE_DOCKERIGNORE.replace('node_modules\n', ''));
  });
});

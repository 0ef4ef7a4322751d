// The TUI in a real terminal (tmux), end to end: open it on the fixture, read the header, switch
// the node_modules rule off and on, ignore coverage from the tree, save, and check the file on
// disk byte for byte. Runs the dev entry through tsx unless CTXLENS_TUI_COMMAND names another
// command (e.g. the built CLI: `node packages/cli/dist/ctxlens.mjs`); the directory is appended to it.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkIgnoreFile, linkState, SHARED_MODE } from './helpers/linked-ignore.js';
import { buildTuiFixture, FIXTURE_DOCKERIGNORE } from './tui-fixture.js';
import { hasTmux, TmuxSession } from './tui-tmux.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const COMMAND = process.env.CTXLENS_TUI_COMMAND ?? 'npx tsx --tsconfig test-fixtures/tsconfig.json packages/cli/src/tui/dev.tsx';

let tmp: TempDir;
let sessions: TmuxSession[] = [];
const open = (env: Record<string, string | undefined> = {}, size = { columns: 120, rows: 40 }, flags = ''): TmuxSession => {
  // The exit status is printed after the TUI leaves its alternate screen.
  const session = TmuxSession.start(`sh -c '${COMMAND} "$0"${flags}; echo "EXIT:$?"; sleep 60' '${tmp.path}'`, { ...size, cwd: ROOT, env });
  sessions.push(session);
  return session;
};

beforeEach(async () => {
  tmp = await makeTempDir('ctxlens-tui-e2e-');
  await buildTuiFixture(tmp.path);
});
afterEach(async () => {
  for (const s of sessions) s.kill();
  sessions = [];
  await tmp.cleanup();
});

describe.skipIf(!hasTmux())('TUI in a real terminal', () => {
  it('toggles node_modules, ignores coverage, saves, and leaves the comments as they were', async () => {
    const tui = open({ NO_COLOR: undefined, FORCE_COLOR: undefined });
    const first = await tui.waitFor(/ctxlens \S+ · \S+ files/, 30_000);
    const header = /ctxlens (\S+) · (\S+) files +with no ignore file: (\S+) → (\S+) \((\S+)\)/.exec(first);
    expect(header?.slice(1)).toEqual(['4.01MB', '9', '425.24MB', '4.01MB', '−99.0%']);
    expect(first).toContain('builder BuildKit (transfer bytes) · .dockerignore · session ±0B');
    expect(tui.capture(true)).toMatch(/\u001b\[3[1-7]m/);

    await tui.type(['Tab']);
    await tui.waitFor('▸ Rules');
    await tui.type(['Space']);
    let screen = await tui.waitFor('ctxlens 315.21MB · 15 files');
    expect(screen).toContain('with no ignore file: 425.24MB → 315.21MB (−25.8%)');
    expect(screen).toMatch(/\[ \] +3 node_modules/);
    await tui.type(['Space']);
    screen = await tui.waitFor('ctxlens 4.01MB · 9 files');
    expect(screen).toMatch(/\[x\] +3 node_modules/);

    await tui.type(['Tab', 'j', 'j', 'j']);
    await tui.waitFor(/^›✓ .*coverage\//m);
    await tui.type(['i']);
    await tui.waitFor(/› coverage +saves 4\.00MB/);
    await tui.type(['y']);
    screen = await tui.waitFor('ctxlens 11.59kB · 7 files');
    expect(screen).toMatch(/✗ +4\.003MB +coverage\/ +\.dockerignore:8/);

    await tui.type(['w']);
    screen = await tui.waitFor(/\+ +8 coverage/);
    await tui.type(['y']);
    await tui.waitFor('wrote .dockerignore');
    const bytes = await readFile(join(tmp.path, '.dockerignore'));
    expect(bytes.equals(Buffer.from(FIXTURE_DOCKERIGNORE + 'coverage\n'))).toBe(true);

    // Resizing to 80×24 re-lays the screen out (rules under the tree) and keeps it usable.
    tui.resize(80, 24);
    screen = await tui.waitFor(/^ {2}Rules \.dockerignore · 4/m);
    expect(screen).toContain('ctxlens 11.59kB · 7 files');
    expect(screen.split('\n').filter((l) => l.length > 80)).toEqual([]);

    await tui.type(['q']);
    await tui.waitFor('EXIT:0');
  });

  // BuildKit does not follow a link out of the context (the refusal is tested in tui-app-dialogs),
  // so the outside link is saved under the legacy builder, whose client reads through it.
  it.each(['inside', 'outside'] as const)('w through a .dockerignore linked to a shared file %s the context writes the shared file and keeps the link', async (place) => {
    const linked = await linkIgnoreFile(tmp.path, place);
    try {
      const before = linkState(linked);
      const tui = open(place === 'outside' ? { DOCKER_BUILDKIT: '0' } : {});
      await tui.waitFor(/ctxlens \S+ · \S+ files/, 30_000);
      await tui.type(['Tab']);
      await tui.waitFor('▸ Rules');
      await tui.type(['x']);
      await tui.waitFor('● unsaved');
      await tui.type(['w']);
      await tui.waitFor(/- +3 node_modules/);
      await tui.type(['y']);
      await tui.waitFor(/wrote \.dockerignore|Could not save/);
      expect(tui.capture()).toContain('wrote .dockerignore');
      expect(linkState(linked)).toEqual({ ...before, content: FIXTURE_DOCKERIGNORE.replace('node_modules\n', ''), mode: SHARED_MODE });
      await tui.type(['q']);
      await tui.waitFor('EXIT:0');
    } finally {
      await linked.cleanup();
    }
  });

  it('a rule or name holding a tab, a carriage return or an escape stays on its one row; the header stays on top', async () => {
    await writeFile(join(tmp.path, '.dockerignore'), '\tdist\na\u001bb\nc\rd\n');
    await buildTree(tmp.path, [{ file: 'dist/app.js', size: 3000 }, { file: 'we\tird.txt', size: 9000 }, { file: 'e\u001b[31msc', size: 5000 }]);
    // The legacy builder: BuildKit refuses control characters in ignore patterns whenever it sends
    // anything (a gRPC header; the screen says so), and this test is about showing them.
    const tui = open({ DOCKER_BUILDKIT: '0' }, { columns: 100, rows: 24 });
    // Once the rules' figures are in, the screen is complete.
    const screen = await tui.waitFor(/\[x\] +2 a\S* +±0B$/m, 30_000);
    const rows = screen.split('\n');
    expect(rows[0]).toMatch(/^ctxlens \S+ · \d+ files/);
    expect(rows[1]).toMatch(/^builder legacy \(upload bytes\) · \.dockerignore/);
    expect(rows.filter((r) => /\[x\] +1 \\tdist +−\S+$/.test(r))).toHaveLength(1);
    expect(rows.filter((r) => /\[x\] +2 a\\x1bb +±0B$/.test(r))).toHaveLength(1);
    expect(rows.filter((r) => /\[x\] +3 c\\rd +±0B$/.test(r))).toHaveLength(1);
    expect(rows.filter((r) => /✓ +\S+ .*we\\tird\.txt *$/.test(r))).toHaveLength(1);
    expect(rows.filter((r) => /✓ +\S+ .*e\\x1b\[31msc *$/.test(r))).toHaveLength(1);
    // The file name's own escape sequence never reaches the terminal: nothing on screen turned red.
    expect(tui.capture(true)).not.toContain('\u001b[31msc');
    await tui.type(['q']);
    await tui.waitFor('EXIT:0');
  });

  it('honours NO_COLOR: no colour codes, the marks still tell included from excluded', async () => {
    const tui = open({ NO_COLOR: '1' });
    await tui.waitFor(/ctxlens \S+ · \S+ files/, 30_000);
    const screen = tui.capture(true);
    expect(screen).not.toMatch(/\u001b\[(3[0-7]|9[0-7]|38;)/);
    expect(screen).toMatch(/✗ +311\.1MB/);
    expect(screen).toMatch(/✓ +4\.003MB/);
    await tui.type(['q']);
    await tui.waitFor('EXIT:0');
  });

  /** Types each key (tmux names) and waits for what it should show; returns the last screen. */
  const play = async (tui: TmuxSession, steps: readonly (readonly [string, string | RegExp])[]): Promise<string> => {
    let screen = '';
    for (const [key, until] of steps) {
      await tui.type([key]);
      screen = await tui.waitFor(until);
    }
    return screen;
  };
  /** The TUI with one unsaved rule edit (`key` on the first rule of the rules pane). */
  const openEdited = async (key: string): Promise<TmuxSession> => {
    const tui = open();
    await tui.waitFor(/ctxlens \S+ · \S+ files/, 30_000);
    await play(tui, [['Tab', '▸ Rules'], [key, '● unsaved']]);
    return tui;
  };

  // Issue 13 point 7, as reported: tmp/ appended from outside, x, w (conflict), r, u: the save keeps tmp/.
  it('a line appended to .dockerignore from outside survives w (conflict), r and u', async () => {
    const tui = await openEdited('x');
    await writeFile(join(tmp.path, '.dockerignore'), `${FIXTURE_DOCKERIGNORE}tmp/\n`);
    const diff = await play(tui, [
      ['w', /- +3 node_modules/],
      ['y', '.dockerignore changed on disk since ctxlens loaded it'],
      ['r', 'reloaded .dockerignore from disk'],
      ['u', 'your edits are back'],
      ['w', /- +3 node_modules/],
    ]);
    expect(diff).not.toMatch(/- +\d+ tmp\//);
    await play(tui, [['y', 'wrote .dockerignore']]);
    expect(await readFile(join(tmp.path, '.dockerignore'), 'utf8')).toBe(`${FIXTURE_DOCKERIGNORE.replace('node_modules\n', '')}tmp/\n`);
    await tui.type(['q']);
    await tui.waitFor('EXIT:0');
  });

  // Issue 13 point 9: Ctrl-C with unsaved edits asks; a second one quits without saving, says so, exits 130.
  it('Ctrl-C with unsaved edits asks first; a second Ctrl-C writes nothing, says so on stderr and exits 130', async () => {
    const tui = await openEdited('Space');
    const screen = await play(tui, [
      ['C-c', 'Quit without saving .dockerignore?'],
      ['C-c', /EXIT:\d+/],
    ]);
    expect(screen).toContain('ctxlens: interrupted: 1 edit to .dockerignore not saved (the file on disk is unchanged)');
    expect(screen).toContain('EXIT:130');
    expect(await readFile(join(tmp.path, '.dockerignore'), 'utf8')).toBe(FIXTURE_DOCKERIGNORE);
  });

  // SIGINT sent from outside (kill -INT) is Ctrl-C: before, the first one ended the process at once and the edit was lost unannounced.
  it('SIGINT from outside with unsaved edits asks first; a second writes nothing, says so on stderr and exits 130', async () => {
    const tui = await openEdited('Space');
    tui.signal('SIGINT');
    await tui.waitFor('Quit without saving .dockerignore?');
    tui.signal('SIGINT');
    const screen = await tui.waitFor(/EXIT:\d+/);
    expect(screen).toContain('ctxlens: interrupted: 1 edit to .dockerignore not saved (the file on disk is unchanged)');
    expect(screen).toContain('EXIT:130');
    expect(await readFile(join(tmp.path, '.dockerignore'), 'utf8')).toBe(FIXTURE_DOCKERIGNORE);
  });

  it('SIGINT from outside without unsaved edits quits at once with status 0', async () => {
    const tui = open();
    await tui.waitFor(/ctxlens \S+ · \S+ files/, 30_000);
    tui.signal('SIGINT');
    await tui.waitFor('EXIT:0');
  });

  it('Ctrl-C without unsaved edits quits at once with status 0', async () => {
    const tui = open();
    await tui.waitFor(/ctxlens \S+ · \S+ files/, 30_000);
    await tui.type(['C-c']);
    await tui.waitFor('EXIT:0');
  });

  it('prints the error and exits 2 for a directory that does not exist', async () => {
    const tui = TmuxSession.start(`sh -c '${COMMAND} /nonexistent/ctxlens-dir; echo "EXIT:$?"; sleep 60'`, { columns: 100, rows: 20, cwd: ROOT });
    sessions.push(tui);
    const screen = await tui.waitFor('EXIT:2', 30_000);
    expect(screen).toContain('unable to prepare context: path "/nonexistent/ctxlens-dir" not found');
  });
});

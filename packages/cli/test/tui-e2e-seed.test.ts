// The TUI of the built CLI in a real terminal (tmux) on the course's seed scenario, as issue #4
// describes it: open `ctxlens` in the project, read BuildKit's figures from the screen (1.22GB →
// 1.90MB: its `transferring context` counts; the legacy builder's tar upload is 1.24GB → 2.1MB),
// switch the node_modules rule off (the context jumps) and on again, ignore coverage from the tree,
// save, and check the file on disk byte for byte, comments kept.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSeedScenario, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './helpers/built-cli.js';
import { hasTmux, TmuxSession } from './tui-tmux.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
let tmp: TempDir;
let session: TmuxSession | undefined;

describe.skipIf(!hasTmux())('ctxlens on the seed scenario, in a real terminal', () => {
  beforeAll(async () => {
    ensureBuilt();
    // A private copy: saving writes its .dockerignore.
    tmp = await makeTempDir('ctxlens-tui-seed-');
    await generateSeedScenario(tmp.path);
  }, 120_000);
  afterAll(async () => {
    session?.kill();
    await tmp?.cleanup();
  });

  it('shows 1.22GB → 1.90MB (BuildKit), toggles node_modules, ignores coverage from the tree and saves losslessly', async () => {
    const original = await readFile(join(tmp.path, '.dockerignore'), 'utf8');
    // Plain `ctxlens` in the project directory, as a developer runs it.
    session = TmuxSession.start(`sh -c 'cd "$0" && node ${ROOT}/packages/cli/dist/ctxlens.mjs; echo "EXIT:$?"; sleep 60' '${tmp.path}'`, { columns: 120, rows: 40, cwd: ROOT, env: { NO_COLOR: undefined, FORCE_COLOR: undefined } });
    const tui = session;
    let screen = await tui.waitFor(/ctxlens \S+ · \S+ files +with no ignore file/, 60_000);
    expect(screen).toMatch(/ctxlens 1\.90MB · 262 files +with no ignore file: 1\.22GB → 1\.90MB \(−99\.8%\)/);

    // node_modules is the first rule: off, the context jumps to 337.61MB; on again, back to 1.90MB.
    await tui.type(['Tab']);
    await tui.waitFor('▸ Rules');
    await tui.type(['Space']);
    screen = await tui.waitFor(/ctxlens 337\.61MB · /);
    expect(screen).toMatch(/\[ \] +5 node_modules/);
    await tui.type(['Space']);
    screen = await tui.waitFor(/ctxlens 1\.90MB · 262 files/);

    // Delete the coverage rule (line 11), then ignore coverage/ again from the tree with `i`.
    await tui.type(['j', 'j']);
    await tui.waitFor(/›\[x\] +11 coverage/);
    await tui.type(['x']);
    screen = await tui.waitFor(/ctxlens 46\.80MB · /);
    await tui.type(['Tab', '/', 'c', 'o', 'v', 'e', 'r', 'a', 'g', 'e', 'Enter']);
    await tui.waitFor(/^›✓ .*coverage\//m);
    await tui.type(['i']);
    const proposal = await tui.waitFor(/› (\S*coverage) +saves/);
    const line = /› (\S*coverage) +saves/.exec(proposal)![1]!;
    await tui.type(['y']);
    screen = await tui.waitFor(/ctxlens 1\.90MB · 262 files/);

    await tui.type(['w']);
    await tui.waitFor(new RegExp(`\\+ +\\d+ ${line.replace(/\*/g, '\\*')}`));
    await tui.type(['y']);
    await tui.waitFor('wrote .dockerignore');

    // Every other line, comment and blank line is as it was; the rule moved to the end.
    const expected = original.replace('\ncoverage\n', '\n') + `${line}\n`;
    expect(await readFile(join(tmp.path, '.dockerignore'), 'utf8')).toBe(expected);

    await tui.type(['q']);
    await tui.waitFor('EXIT:0');
  }, 180_000);
});

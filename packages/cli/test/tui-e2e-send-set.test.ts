// The TUI in a real terminal (tmux) on a project whose Dockerfile copies a subset: the header shows
// BuildKit's own `transferring context` figure for a first build, taken from a real BuildKit when
// the oracle runs here (scripts/buildkit-oracle.sh), and switching a rule off changes it live to
// what BuildKit then sends. Without the oracle the figures come from computeContext, which the
// conformance suites hold to the real BuildKit.
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeContext } from '@ctxlens/core';
import { buildkitOracle, type BuildkitContext, makeBuildkitContext, makeTempDir, runBuildkitBuild, buildTree, type TreeSpec } from '@ctxlens/test-fixtures';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_DOCKERIGNORE, FIXTURE_SPEC, MTIME } from './tui-fixture.js';
import { hasTmux, TmuxSession } from './tui-tmux.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const COMMAND = process.env.CTXLENS_TUI_COMMAND ?? 'npx tsx --tsconfig test-fixtures/tsconfig.json packages/cli/src/tui/dev.tsx';

/** FROM scratch, so the real BuildKit builds it without a registry. */
const DOCKERFILE = 'FROM scratch\nCOPY package*.json /app/\nCOPY src /app/src\n';
/** The fixture's rules and one on a requested path (line 8), which the test switches off. */
const IGNORE = FIXTURE_DOCKERIGNORE + 'src/lib\n';
const SPEC: TreeSpec = [...FIXTURE_SPEC.filter((e) => !('file' in e && (e.file === 'Dockerfile' || e.file === '.dockerignore'))), { file: 'Dockerfile', content: DOCKERFILE }, { file: '.dockerignore', content: IGNORE }];

const found = await buildkitOracle();
const oracle = 'skip' in found ? null : found;
const source = oracle === null ? `computeContext (${'skip' in found ? found.skip : ''})` : 'the real BuildKit';

let sessions: TmuxSession[] = [];
let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of sessions) s.kill();
  for (const c of cleanups) await c();
  sessions = [];
  cleanups = [];
});

/** The project, inside the chroot when the real BuildKit will build it. */
async function project(): Promise<string> {
  if (oracle !== null) {
    const ctx: BuildkitContext = await makeBuildkitContext(oracle, SPEC, { mtime: MTIME });
    cleanups.push(() => ctx.cleanup());
    return ctx.dir;
  }
  const tmp = await makeTempDir('ctxlens-tui-e2e-send-set-');
  cleanups.push(() => tmp.cleanup());
  await buildTree(tmp.path, SPEC, { mtime: MTIME });
  return tmp.path;
}

/** BuildKit's figure for a first build of `dir` with these ignore rules (left in its .dockerignore). */
async function figure(dir: string, ignore: string): Promise<string> {
  if (oracle !== null) {
    const build = await runBuildkitBuild(oracle, { dir, ignoreFile: ignore });
    expect(build.ok, build.error).toBe(true);
    return build.transferred!;
  }
  await writeFile(join(dir, '.dockerignore'), ignore);
  return (await computeContext(dir)).sizes.transferSize!;
}

describe.skipIf(!hasTmux())('TUI in a real terminal: BuildKit sends what the Dockerfile reads', () => {
  it(`shows BuildKit's figure and follows a rule switched off (figures from ${source})`, async () => {
    const dir = await project();
    const withRule = await figure(dir, IGNORE);
    const withoutRule = await figure(dir, FIXTURE_DOCKERIGNORE);
    expect(withoutRule).not.toBe(withRule);
    await writeFile(join(dir, '.dockerignore'), IGNORE);

    const tui = TmuxSession.start(`sh -c '${COMMAND} "$0"; echo "EXIT:$?"; sleep 60' '${dir}'`, { columns: 140, rows: 40, cwd: ROOT });
    sessions.push(tui);
    let screen = await tui.waitFor(/ctxlens \S+ · \S+ files/, 30_000);
    expect(screen).toContain(`ctxlens ${withRule} · 2 files   eligible (COPY . .): `);
    expect(screen).toContain('builder BuildKit (transfer bytes) · Dockerfile: 2 paths · .dockerignore');
    expect(screen).toMatch(/○ +4\.003MB +coverage\/ +not requested/);

    // The last rule, src/lib, off: BuildKit is asked for the same paths and now sends src/lib too.
    await tui.type(['Tab', 'j', 'j', 'j', 'Space']);
    screen = await tui.waitFor(`ctxlens ${withoutRule} · 4 files`);
    expect(screen).toMatch(/\[ \] +8 src\/lib/);
    await tui.type(['Space']);
    await tui.waitFor(`ctxlens ${withRule} · 2 files`);
    await tui.type(['q']);
    await tui.waitFor('EXIT:0');
  });
});

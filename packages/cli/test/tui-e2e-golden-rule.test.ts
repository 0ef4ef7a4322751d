// The golden rule in a real terminal (tmux): a multi-stage Dockerfile whose build stage copies the
// manifest, .env and src without src/lib, and whose final stage takes src and .env from it. The
// real BuildKit (when the oracle runs here) builds it and prints the `transferring context` figure
// the header must show; the screen marks what is used (●) and sent but never used (◌), `U` keeps
// only the latter, and `o` leads the secrets with .env, which ships in the image.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeUsage, computeContext, formatDockerSize } from '@ctxlens/core';
import { buildkitOracle, type BuildkitContext, buildTree, makeBuildkitContext, makeTempDir, runBuildkitBuild, type TreeSpec } from '@ctxlens/test-fixtures';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_SPEC, MTIME } from './tui-fixture.js';
import { hasTmux, TmuxSession } from './tui-tmux.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const COMMAND = process.env.CTXLENS_TUI_COMMAND ?? 'npx tsx --tsconfig test-fixtures/tsconfig.json packages/cli/src/tui/dev.tsx';

/** FROM scratch, so the real BuildKit builds it without a registry. */
const DOCKERFILE = [
  'FROM scratch AS build',
  'COPY package.json .env /app/',
  'COPY --exclude=lib src /app/src',
  'FROM scratch',
  'COPY --from=build /app/src /app/src',
  'COPY --from=build /app/.env /app/',
  '',
].join('\n');
const SPEC: TreeSpec = [...FIXTURE_SPEC.filter((e) => !('file' in e && e.file === 'Dockerfile')), { file: 'Dockerfile', content: DOCKERFILE }];

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

async function project(): Promise<string> {
  if (oracle !== null) {
    const ctx: BuildkitContext = await makeBuildkitContext(oracle, SPEC, { mtime: MTIME });
    cleanups.push(() => ctx.cleanup());
    return ctx.dir;
  }
  const tmp = await makeTempDir('ctxlens-tui-e2e-golden-');
  cleanups.push(() => tmp.cleanup());
  await buildTree(tmp.path, SPEC, { mtime: MTIME });
  return tmp.path;
}

describe.skipIf(!hasTmux())('TUI in a real terminal: the golden rule', () => {
  it(`marks used and never-used entries, filters the latter, and leads with the shipped secret (figures from ${source})`, async () => {
    const dir = await project();
    const ctx = await computeContext(dir);
    let sent = ctx.sizes.transferSize!;
    if (oracle !== null) {
      const build = await runBuildkitBuild(oracle, { dir });
      expect(build.ok, build.error).toBe(true);
      expect(build.transferred).toBe(sent);
      sent = build.transferred!;
    }
    const usage = analyzeUsage(ctx);
    expect([usage.sent.files, usage.used.files, usage.shipped.files]).toEqual([5, 3, 2]);

    const tui = TmuxSession.start(`sh -c '${COMMAND} "$0"; echo "EXIT:$?"; sleep 60' '${dir}'`, { columns: 160, rows: 40, cwd: ROOT });
    sessions.push(tui);
    // The usage analysis arrives after the frame with the figures.
    let screen = await tui.waitFor('used: ', 30_000);
    expect(screen).toContain(`ctxlens ${sent} · 5 files`);
    expect(screen).toContain(`used: 3 files ${formatDockerSize(usage.used.bytes)} file bytes (2 in the image)`);
    expect(screen).toMatch(/✓ +\S+ ◍ .*src\//);
    expect(screen).toMatch(/✓ +\S+ ● .*package\.json/);

    await tui.type(['U']);
    screen = await tui.waitFor('sent but never used');
    await tui.type(['Enter']);
    screen = await tui.waitFor(/▸ \/src/);
    expect(screen).toMatch(/✓ +10\.75kB ◌ .*lib\/ +never used/);
    expect(screen).not.toMatch(/index\.js/);

    await tui.type(['o']);
    screen = await tui.waitFor('Secrets sent (shipped in the image first)');
    expect(screen).toMatch(/Secrets sent \(shipped in the image first\)\n[› ] +23B \.env +RISK: environment file \(\.env\*\) ships in the image: use RUN --mount=type=secret/);
    await tui.type(['Escape', 'q']);
    await tui.waitFor('EXIT:0');
  });
});

/** @jsxRuntime automatic */
// The golden rule in the TUI (issue 12): each sent entry marked used or never used, a filter for
// what is sent but never used, the header's used figure, offenders with shipped secrets first, and
// an ignore proposal refused for what the Dockerfile uses. Figures come from core's analyzeUsage.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzeUsage, computeContext, formatDockerSize } from '@ctxlens/core';
import { makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTuiFixture } from './tui-fixture.js';
import { KEYS, openTui } from './tui-ink.js';

/**
 * The build stage takes the manifest, .env and src without src/lib; the final stage takes src and
 * .env from it. Sent: package.json, .env, src (3 files). Used: package.json, .env, src/index.js.
 */
const MULTI_STAGE = [
  'FROM node:20 AS build',
  'WORKDIR /app',
  'COPY package.json .env ./',
  'COPY --exclude=lib src ./src',
  'RUN npm ci',
  'FROM node:20',
  'WORKDIR /app',
  'COPY --from=build /app/src ./src',
  'COPY --from=build /app/.env ./',
  '',
].join('\n');

let tmp: TempDir;
beforeEach(async () => {
  tmp = await makeTempDir('ctxlens-tui-golden-');
  await buildTuiFixture(tmp.path);
  await writeFile(join(tmp.path, 'Dockerfile'), MULTI_STAGE);
});
afterEach(async () => {
  cleanup();
  await tmp.cleanup();
});

/** The tree row of an entry. */
const row = (frame: string, name: string): string => frame.split('\n').find((l) => new RegExp(`^[ ›][✓✗◐○] .* ${name.replace('.', '\\.')}/?(\\s|$)`).test(l)) ?? '';

describe('TUI: the golden rule under BuildKit', () => {
  it('marks each sent entry used (●), never used (◌) or both (◍), and the header shows what is used', async () => {
    const usage = analyzeUsage(await computeContext(tmp.path));
    expect([usage.sent.files, usage.used.files, usage.shipped.files]).toEqual([5, 3, 2]);
    const tui = await openTui(tmp.path, { columns: 160 });
    // The analysis arrives after the first frame with the figures.
    let frame = await tui.waitFor('used: ');
    expect(frame).toContain(`used: 3 files ${formatDockerSize(usage.used.bytes)} file bytes (2 in the image)`);
    expect(frame).toContain('● used  ◌ never used');
    expect(row(frame, 'package.json')).toMatch(/✓ +\S+ ● .*package\.json/);
    expect(row(frame, '.env')).toMatch(/✓ +\S+ ● .*\.env/);
    expect(row(frame, 'src')).toMatch(/✓ +\S+ ◍ .*src\//);
    // Not sent: no use mark.
    expect(row(frame, 'coverage')).toMatch(/○ +\S+ {3}.*coverage\/ +not requested/);
    const down = frame.split('\n').filter((l) => /^[ ›][✓✗◐○] /.test(l)).findIndex((l) => / src\//.test(l));
    frame = await tui.press([...Array.from({ length: down }, () => 'j'), KEYS.enter], '/src');
    expect(row(frame, 'lib')).toMatch(/✓ +10\.75kB ◌ .*lib\/ +never used/);
    expect(row(frame, 'index.js')).toMatch(/✓ +2\.56kB ● .*index\.js/);
  });

  it('U lists only what is sent but never used, in every directory, and U again shows everything', async () => {
    const tui = await openTui(tmp.path, { columns: 160 });
    await tui.waitFor('used: ');
    let frame = await tui.press('U', 'sent but never used');
    const names = frame.split('\n').filter((l) => /^[ ›][✓✗◐○] /.test(l));
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^›✓ .* src\//);
    frame = await tui.press(KEYS.enter, '/src');
    expect(frame.split('\n').filter((l) => /^[ ›][✓✗◐○] /.test(l)).map((l) => l.trim().split(/\s+/).find((w) => w.endsWith('/') || w.endsWith('.js')))).toEqual(['lib/']);
    frame = await tui.press('U', (f) => !f.includes('sent but never used'));
    expect(row(frame, 'index.js')).toMatch(/●/);
  });

  it('U under the legacy builder says why it cannot filter', async () => {
    const tui = await openTui(tmp.path, { columns: 160, builder: 'legacy' });
    const frame = await tui.press('U', 'known only under BuildKit with a Dockerfile');
    expect(frame).not.toContain('sent but never used');
  });

  it('o puts the shipped secret first and says how to fix it', async () => {
    const tui = await openTui(tmp.path, { columns: 160 });
    const frame = await tui.press('o', 'Secrets sent (shipped in the image first)');
    expect(frame).toMatch(/Secrets sent \(shipped in the image first\)\n[› ] +23B \.env +RISK: environment file \(\.env\*\) ships in the image: use RUN --mount=type=secret/);
    // The golden rule leads: what is sent and never used (src/lib, 6kB + 3kB), by top-level entry.
    expect(frame).toMatch(/^Sent, never used by the Dockerfile: 9kB\n +9kB src \(2 files\)$/m);
    // The secret is used: no line is offered for it.
    expect(frame).not.toMatch(/\.env .*→/);
  });

  it('i on a path the Dockerfile uses proposes no rule and says why; on src/lib it proposes one', async () => {
    const tui = await openTui(tmp.path, { columns: 160 });
    const lines = (await tui.waitFor('used: ')).split('\n').filter((l) => /^[ ›][✓✗◐○] /.test(l));
    const down = lines.findIndex((l) => / package\.json/.test(l));
    let frame = await tui.press([...Array.from({ length: down }, () => 'j'), 'i'], 'The Dockerfile uses this path');
    frame = await tui.press('y', 'not ignored: the Dockerfile uses this path');
    expect(frame).not.toContain('added:');
    const src = frame.split('\n').filter((l) => /^[ ›][✓✗◐○] /.test(l)).findIndex((l) => / src\//.test(l));
    await tui.press([...'k'.repeat(down), ...'j'.repeat(src), KEYS.enter], '/src');
    frame = await tui.press('i', /src\/lib +saves/);
    await tui.press('y', 'added: src/lib');
  });
});

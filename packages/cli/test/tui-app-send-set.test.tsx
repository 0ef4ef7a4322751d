/** @jsxRuntime automatic */
// Under BuildKit the TUI shows what BuildKit really sends: the paths the Dockerfile's target reads
// (issue 11). The figures are checked against computeContext, whose transfer figure the BuildKit
// conformance suites compare with a real BuildKit byte for byte.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { computeContext, FIGURES } from '@ctxlens/core';
import { makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTuiFixture } from './tui-fixture.js';
import { KEYS, openTui } from './tui-ink.js';

/** Copies package.json and src only: node_modules, coverage, .env and the rest are never asked for. */
const SUBSET = 'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nCOPY src ./src\nRUN npm ci\n';

let tmp: TempDir;
beforeEach(async () => {
  tmp = await makeTempDir('ctxlens-tui-send-set-');
  await buildTuiFixture(tmp.path);
  await writeFile(join(tmp.path, 'Dockerfile'), SUBSET);
});
afterEach(async () => {
  cleanup();
  await tmp.cleanup();
});

/** The tree row of an entry: `›` when selected, then the mark, size and name. */
const row = (frame: string, name: string): string => frame.split('\n').find((l) => new RegExp(`^[ ›][✓✗◐○] .* ${name.replace('.', '\\.')}/?\\b`).test(l)) ?? '';

describe('TUI under BuildKit: the send set', () => {
  it("shows BuildKit's figure for the paths the Dockerfile reads, beside the eligible context", async () => {
    const sent = await computeContext(tmp.path);
    const eligible = await computeContext(tmp.path, { wholeContext: true });
    // The fixture's numbers, so a change in either is seen: 4 files asked for, 9 eligible.
    expect([sent.sizes.files, eligible.sizes.files]).toEqual([4, 9]);
    const tui = await openTui(tmp.path, { columns: 140 });
    const frame = tui.frame();
    expect(frame).toContain(`ctxlens ${sent.sizes.transferSize} · 4 files   eligible (COPY . .): ${eligible.sizes.transferSize} · 9 files`);
    expect(frame).toContain(`with no ignore file: 425.24MB → ${eligible.sizes.transferSize}`);
    expect(frame).toContain('builder BuildKit (transfer bytes) · Dockerfile: 2 paths · .dockerignore');
    // The warm-builder caveat sits in the footer's legend.
    expect(frame).toContain('a warm builder sends only what changed');
  });

  it('marks what the Dockerfile does not ask for as not requested, apart from what the ignore file excludes', async () => {
    const tui = await openTui(tmp.path, { columns: 140 });
    const frame = tui.frame();
    expect(row(frame, 'coverage')).toMatch(/^ ○ +4\.003MB .*coverage\/ +not requested/);
    expect(row(frame, '.env')).toMatch(/○ .*\.env +not requested/);
    expect(row(frame, 'node_modules')).toMatch(/✗ +311\.1MB .*node_modules\/ +\.dockerignore:3/);
    expect(row(frame, 'src')).toMatch(/✓ +13\.82kB .*src\//);
    expect(row(frame, 'package.json')).toMatch(/✓ .*package\.json/);
    // The Dockerfile is read apart from the context: no instruction asks for it.
    expect(frame).not.toMatch(/ ✓ .*Dockerfile/);
  });

  it('explain says "not requested by the Dockerfile", and names the instruction that asks for a sent path', async () => {
    const tui = await openTui(tmp.path, { columns: 140 });
    await tui.press(['j', 'j', 'j'], /^›○ .*coverage\//m);
    let frame = await tui.press('e', 'Explain coverage/');
    expect(frame).toContain('○ not sent under BuildKit: not requested by the Dockerfile');
    // The legacy builder uploads it: the builders differ.
    expect(frame).toMatch(/The legacy builder decides differently: sent/);
    await tui.press(KEYS.escape, (f) => !f.includes('Explain'));
    await tui.press(['j'], /^›✓ .*src\//m);
    frame = await tui.press('e', 'Explain src/');
    expect(frame).toContain('✓ sent under BuildKit');
    expect(frame).toContain('Requested by the Dockerfile:');
    expect(frame).toContain('Dockerfile:4 COPY src ./src');
  });

  it('re-evaluates with the Dockerfile kept when a rule changes: the figure follows live', async () => {
    const tui = await openTui(tmp.path, { columns: 140 });
    // Switching node_modules off changes the eligible context only: BuildKit is not asked for it.
    const sent = await computeContext(tmp.path);
    let frame = await tui.press([KEYS.tab, KEYS.space], /eligible \(COPY \. \.\): 315\.21MB/);
    expect(frame).toContain(`ctxlens ${sent.sizes.transferSize} · 4 files`);
    await tui.press(KEYS.space, /eligible \(COPY \. \.\): 4\.01MB/);
    // A rule on a requested path changes what BuildKit sends.
    frame = await tui.press(['a', ...'src/lib', KEYS.enter], 'added: src/lib');
    const fewer = await computeContext(tmp.path, { extraRules: ['src/lib'] });
    frame = await tui.waitFor(`ctxlens ${fewer.sizes.transferSize} · 2 files`);
    expect(fewer.sizes.transferSize).not.toBe(sent.sizes.transferSize);
    expect(frame).toMatch(new RegExp(`session −\\S+ \\(${sent.sizes.transferSize!.replace('.', '\\.')} → ${fewer.sizes.transferSize!.replace('.', '\\.')}\\)`));
  });

  it('offenders rank what is sent, and list what is only eligible as not requested', async () => {
    const tui = await openTui(tmp.path, { columns: 140 });
    const frame = await tui.press('o', 'Biggest sent');
    expect(frame).toMatch(/Biggest sent \(never used first\)\n› +\S+ src\//);
    expect(frame).toMatch(/Secrets sent \(shipped in the image first\)\n +none found ✓/);
    expect(frame).toContain('Eligible, not requested by the Dockerfile');
    expect(frame).toMatch(/4MB coverage\/ +○ not requested · coverage and test reports/);
    expect(frame).toMatch(/23B \.env +○ not requested · environment file/);
  });

  it('without a Dockerfile shows the whole eligible context and says so', async () => {
    const { rm } = await import('node:fs/promises');
    await rm(join(tmp.path, 'Dockerfile'));
    const tui = await openTui(tmp.path, { columns: 140 });
    const frame = tui.frame();
    expect(frame).toContain('⚠ no Dockerfile: whole eligible context');
    expect(frame).not.toContain('eligible (COPY . .)');
    expect(frame).toMatch(/ctxlens \S+ · 8 files/);
  });

  it('a target that reads no context: BuildKit sends nothing', async () => {
    await writeFile(join(tmp.path, 'Dockerfile'), 'FROM scratch AS deps\nENV A=1\nFROM deps AS app\nCOPY . /\n');
    const tui = await openTui(tmp.path, { columns: 140, inputs: { target: 'deps' } });
    const frame = tui.frame();
    expect(frame).toContain('ctxlens BuildKit sends nothing   eligible (COPY . .): 4.01MB · 9 files');
    expect(frame).toContain('Dockerfile, target deps: no context');
    expect(row(frame, 'src')).toMatch(/○ .*src\/ +not requested/);
  });

  it('the legacy builder uploads the whole filtered context, and b shows what BuildKit leaves out', async () => {
    const tui = await openTui(tmp.path, { builder: 'legacy', columns: 140 });
    let frame = tui.frame();
    expect(frame).toContain('ctxlens 4.022MB · 9 files');
    expect(frame).not.toContain('eligible');
    frame = await tui.press('b', /paths where the builders differ/);
    const sent = await computeContext(tmp.path);
    // Each figure names itself (issue 13 point 12): BuildKit's is transfer bytes, legacy's and the rows' upload bytes.
    expect(frame).toContain(`Builder: now BuildKit (${sent.sizes.transferSize} ${FIGURES.transferBytes.label}; legacy would send 4.022MB ${FIGURES.tarBytes.label})`);
    expect(frame).toMatch(new RegExp(`\\d+ paths? where the builders differ \\(${FIGURES.tarBytes.label}\\):`));
    expect(frame).toMatch(/− +4\.003MB coverage +sent only by legacy/);
  });
});

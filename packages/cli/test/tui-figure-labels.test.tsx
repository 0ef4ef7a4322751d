/** @jsxRuntime automatic */
// Issue 13 point 12 in the TUI: every figure says which figure it is, in core's FIGURES words, and
// the figure shown is the one named. The tree shows upload bytes (a 39-byte package.json takes
// 1.024kB), the header and rules the builder's own figure, the offenders file bytes.
import { type Builder, computeContext, FIGURES, formatDockerSize } from '@ctxlens/core';
import { makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTuiFixture } from './tui-fixture.js';
import { openTui } from './tui-ink.js';

let tmp: TempDir;
beforeEach(async () => {
  tmp = await makeTempDir('ctxlens-tui-labels-');
  await buildTuiFixture(tmp.path);
});
afterEach(async () => {
  cleanup();
  await tmp.cleanup();
});

/** Per builder: its name on screen, the figure its header shows, and that figure's value from core. */
const BUILDERS = [
  { builder: 'buildkit', name: 'BuildKit', other: 'legacy', figure: FIGURES.transferBytes, otherFigure: FIGURES.tarBytes, sent: (s: { transferSize?: string; dockerSize: string }) => s.transferSize! },
  { builder: 'legacy', name: 'legacy', other: 'BuildKit', figure: FIGURES.tarBytes, otherFigure: FIGURES.transferBytes, sent: (s: { transferSize?: string; dockerSize: string }) => s.dockerSize },
] as const;

describe.each(BUILDERS)('TUI figure labels under $builder', ({ builder, name, other, figure, otherFigure, sent }) => {
  it('header, tree, offenders and builder diff each name their figure as FIGURES does', async () => {
    const { sizes } = await computeContext(tmp.path, { builder: builder as Builder });
    const tui = await openTui(tmp.path, { builder, columns: 140 });
    let frame = tui.frame();
    // Header: the builder's figure, named beside the builder.
    expect(frame).toContain(`ctxlens ${sent(sizes)} · ${sizes.files} files`);
    expect(frame).toContain(`builder ${name} (${figure.label}) · `);
    // What the Dockerfile uses (BuildKit only): file bytes, as `du` counts them.
    if (builder === 'buildkit') expect(await tui.waitFor('used: ')).toMatch(new RegExp(`used: \\d+ files \\S+ ${FIGURES.bytes.label} \\(`));
    // Tree: upload bytes under both builders; package.json's 39 bytes take 1,024 in the tar.
    expect(frame).toMatch(new RegExp(`^▸ / +\\d+ entries · by ${FIGURES.tarBytes.label}(?: |$)`, 'm'));
    expect(frame).toMatch(new RegExp(` ${formatDockerSize(1024).replace('.', '\\.')} .*package\\.json`));
    // Offenders: file bytes; src/lib/db.js is 6,000 of them.
    frame = await tui.press('o', 'Biggest sent');
    expect(frame).toContain(`Offenders (${FIGURES.bytes.label} sent · `);
    expect(frame).toMatch(/ 6kB src\/lib\/db\.js/);
    // Builder diff: each builder's figure named (its rows' upload bytes: tui-app-send-set, where the builders differ).
    frame = await tui.press(['\u001b', 'b'], 'exactly the same entries');
    expect(frame).toMatch(new RegExp(`Builder: now ${other} \\(\\S+ ${otherFigure.label}; ${name} would send \\S+ ${figure.label}\\)`));
  });
});

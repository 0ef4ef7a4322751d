// The TUI on the seed scenario in a real terminal at 80×24, 120×40 and 220×50 (issue 13 point
// 10). The screens are kept in __screens__/ for a reviewer to read; the checks say what a good
// layout is: every line fits, `? help` and `q quit` always show, no pane leaves rows blank while
// there is more to show, and on a wide terminal a name stays near its rule.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSeedScenario, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenFacts } from './tui-layout-checks.js';
import { hasTmux, TmuxSession } from './tui-tmux.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const COMMAND = process.env.CTXLENS_TUI_COMMAND ?? 'npx tsx --tsconfig test-fixtures/tsconfig.json packages/cli/src/tui/dev.tsx';
/** A name is at most this far from its rule in a tree row (the name column is cut at 48). At 220 columns it was 140. */
const MAX_TREE_GAP = 48;
const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
  { columns: 220, rows: 50 },
] as const;

let tmp: TempDir;
let session: TmuxSession | undefined;
beforeAll(async () => {
  tmp = await makeTempDir('ctxlens-tui-layout-');
  await generateSeedScenario(tmp.path);
}, 120_000);
afterAll(async () => {
  session?.kill();
  await tmp?.cleanup();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The screen once it is laid out for `columns` (side by side from 100), every figure is in (the usage line, each rule's effect) and it has stopped changing. */
async function settled(tui: TmuxSession, columns: number): Promise<string> {
  const laidOut = (s: string): boolean => /^[▸ ] \/ .*Rules/m.test(s) === columns >= 100 && s.includes('used: ') && !/\[[x ]\] .* …\s*$/m.test(s);
  let previous = '';
  for (;;) {
    const screen = await tui.waitFor(laidOut, 60_000);
    if (screen === previous) return screen;
    previous = screen;
    await sleep(1000);
  }
}

describe.skipIf(!hasTmux())('TUI layout in a real terminal (seed scenario)', () => {
  it('80×24, 120×40 and 220×50: lines fit, help and quit show, rows and columns are used', async () => {
    session = TmuxSession.start(`sh -c '${COMMAND} "$0"; echo "EXIT:$?"; sleep 60' '${tmp.path}'`, { ...SIZES[0], cwd: ROOT, env: { NO_COLOR: '1' } });
    for (const { columns, rows } of SIZES) {
      if (columns !== SIZES[0].columns) session.resize(columns, rows);
      const screen = await settled(session, columns);
      await expect(screen).toMatchFileSnapshot(`./__screens__/seed-${columns}x${rows}.txt`);
      const facts = screenFacts(screen, columns);
      expect(facts.tooWide, `${columns}×${rows}`).toEqual([]);
      expect(facts.hints).toContain('? help');
      expect(facts.hints).toContain('q quit');
      if (!facts.allShown) expect(facts.blankRun, `${columns}×${rows}: blank rows while entries or rules are hidden`).toBeLessThanOrEqual(2);
      expect(facts.treeGap, `${columns}×${rows}`).toBeLessThanOrEqual(MAX_TREE_GAP);
    }
    session.send('q');
    await session.waitFor('EXIT:0');
  }, 240_000);
});

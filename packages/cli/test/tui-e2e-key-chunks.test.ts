// Keys that arrive together in a real terminal (issue 13 point 8): tmux send-keys with several
// keys writes them in one go, as a paste, a fast typist or a remote terminal does. Each sequence
// must leave the same screen as the same keys sent one by one.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTuiFixture } from './tui-fixture.js';
import { hasTmux, TmuxSession } from './tui-tmux.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const COMMAND = process.env.CTXLENS_TUI_COMMAND ?? 'npx tsx --tsconfig test-fixtures/tsconfig.json packages/cli/src/tui/dev.tsx';

/** Sequences in tmux key names, and what the screen shows after them (so a row cannot pass by doing nothing). */
const SEQUENCES: readonly { readonly keys: readonly string[]; readonly shows: RegExp }[] = [
  { keys: ['Tab', 'Space'], shows: /▸ Rules[\s\S]*›\[ \] +3 node_modules/ },
  { keys: ['Tab', 'Tab', 'Tab'], shows: /▸ Rules/ },
  { keys: ['j', 'Tab'], shows: /▸ Rules[\s\S]*›\[x\] +3 node_modules/ },
  { keys: ['j', 'j', 'j'], shows: /^›✓ .*coverage\//m },
];

let tmp: TempDir;
const sessions: TmuxSession[] = [];
beforeAll(async () => {
  tmp = await makeTempDir('ctxlens-tui-e2e-chunks-');
  await buildTuiFixture(tmp.path);
});
afterAll(async () => {
  for (const s of sessions) s.kill();
  await tmp?.cleanup();
});

const open = async (): Promise<TmuxSession> => {
  const session = TmuxSession.start(`sh -c '${COMMAND} "$0"; echo "EXIT:$?"; sleep 60' '${tmp.path}'`, { columns: 120, rows: 30, cwd: ROOT, env: { NO_COLOR: '1' } });
  sessions.push(session);
  // Ready once the rules' figures are in.
  await session.waitFor(/\[x\] +7 \*\.log +−/, 30_000);
  return session;
};

/** The screen once it shows `shows` and no rule figure is pending. */
const settled = async (tui: TmuxSession, shows: RegExp): Promise<string> => {
  await tui.waitFor(shows);
  return tui.waitFor((s) => shows.test(s) && !/\[[x ]\] .* …\s*$/m.test(s));
};

describe.skipIf(!hasTmux())('TUI in a real terminal: keys sent together', () => {
  it.for(SEQUENCES.map((s) => [s.keys.join(' '), s] as const))('send-keys %s in one call leaves the screen the same keys leave one by one', { timeout: 90_000 }, async ([, sequence]) => {
    const [alone, together] = await Promise.all([open(), open()]);
    await alone.type(sequence.keys);
    together.sendTogether(sequence.keys);
    const [a, b] = await Promise.all([settled(alone, sequence.shows), settled(together, sequence.shows)]);
    expect(b).toBe(a);
  });
});

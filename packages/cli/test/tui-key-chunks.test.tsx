/** @jsxRuntime automatic */
// Keys that arrive in one read (tmux send-keys with several keys, a paste, key repeat over ssh)
// are each applied, in order, exactly as when they arrive one per read (issue 13 point 8).
import { makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTuiFixture } from './tui-fixture.js';
import { openTui, type Tui } from './tui-ink.js';
import { KEY_CHUNK_VECTORS } from './tui-key-chunks.vectors.js';

let tmp: TempDir;
beforeEach(async () => {
  tmp = await makeTempDir('ctxlens-tui-chunks-');
  await buildTuiFixture(tmp.path);
});
afterEach(async () => {
  cleanup();
  await tmp.cleanup();
});

/** The frame once it shows `until` and the rules' figures are in (no `…`). */
const settled = (tui: Tui, until: RegExp): Promise<string> => tui.waitFor((f) => until.test(f) && !/\[[x ]\] .* …\s*$/m.test(f));

describe('TUI: keys that arrive together', () => {
  it.for(KEY_CHUNK_VECTORS.map((v) => [v.name, v] as const))('%s: in one read as one by one', async ([, vector]) => {
    const alone = await openTui(tmp.path);
    await alone.press(vector.keys);
    const oneByOne = await settled(alone, vector.shows);
    alone.unmount();

    const together = await openTui(tmp.path);
    // One write is one read for Ink: the keys arrive as one chunk.
    await together.press(vector.keys.join(''));
    expect(await settled(together, vector.shows)).toBe(oneByOne);
  });
});

// The reducer applies the keys of one read in order, each in the state the keys before it left:
// a read holding several keys leaves the same state as one read per key (issue 13 point 8).
import { makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyPresses } from '../src/tui/input/decode-key.js';
import type { Session } from '../src/tui/session/session.js';
import { reducer } from '../src/tui/state/reducer.js';
import { currentLines } from '../src/tui/state/selectors.js';
import type { TuiState } from '../src/tui/state/types.js';
import { buildTuiFixture } from './tui-fixture.js';
import { loadSession, readyState, settle } from './tui-harness.js';
import { KEY_CHUNK_VECTORS } from './tui-key-chunks.vectors.js';

let tmp: TempDir;
let session: Session;
beforeAll(async () => {
  tmp = await makeTempDir('ctxlens-tui-reducer-keys-');
  await buildTuiFixture(tmp.path);
  session = await loadSession(tmp.path);
});
afterAll(() => tmp.cleanup());

/** What keys change: focus, mode, tree position and filter, rule cursor and the rules themselves. */
const seen = (s: TuiState) => ({ pane: s.pane, mode: s.mode, tree: s.tree, rulesCursor: s.rulesCursor, lines: currentLines(s), status: s.status });
const read = (s: TuiState, chunk: string): TuiState => settle(reducer(s, { type: 'keys', presses: keyPresses(chunk) }));

describe('reducer: the keys of one read', () => {
  it.for(KEY_CHUNK_VECTORS.map((v) => [v.name, v] as const))('%s', ([, vector]) => {
    const start = readyState(session);
    const together = read(start, vector.keys.join(''));
    const oneByOne = vector.keys.reduce(read, start);
    expect(seen(together)).toEqual(seen(oneByOne));
    // Something happened: the keys are not all ignored.
    expect(seen(together)).not.toEqual(seen(start));
  });
});

// The golden rule in the reducer, without rendering: `U` keeps only entries that send files the
// Dockerfile never uses, follows into directories, switches back, and is refused under the legacy
// builder (whose evaluation has no usage analysis); the ignore preview withholds proposals for a
// used path.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentListing, selectedEntry } from '../src/tui/state/selectors.js';
import type { TuiState } from '../src/tui/state/types.js';
import { buildTuiFixture } from './tui-fixture.js';
import { loadSession, readyState, run } from './tui-harness.js';

let tmp: TempDir;
beforeAll(async () => {
  tmp = await makeTempDir('ctxlens-tui-reducer-golden-');
  await buildTuiFixture(tmp.path);
  await writeFile(join(tmp.path, 'Dockerfile'), 'FROM scratch AS build\nCOPY package.json .env /app/\nCOPY --exclude=lib src /app/src\nFROM scratch\nCOPY --from=build /app/src /app/src\n');
});
afterAll(() => tmp.cleanup());

const names = (s: TuiState): string[] => Array.from(currentListing(s), (i) => s.session!.evaluator.from.totals.inventory.name(i));

describe('reducer: the golden rule', () => {
  it('U lists only what is sent but never used, in every directory, and U again lists everything', async () => {
    const ready = readyState(await loadSession(tmp.path));
    expect(names(ready)).toHaveLength(9);
    const unused = run(ready, 'unused-only');
    expect(unused.tree.unusedOnly).toBe(true);
    expect(names(unused)).toEqual(['src']);
    const inside = run(unused, 'open');
    expect(names(inside)).toEqual(['lib']);
    expect(names(run(inside, 'open'))).toEqual(['db.js', 'util.js']);
    const all = run(inside, 'unused-only');
    expect(names(all).sort()).toEqual(['index.js', 'lib']);
  });

  it('U under the legacy builder leaves the listing and says why', async () => {
    const ready = readyState(await loadSession(tmp.path, 'legacy'), 'legacy');
    const after = run(ready, 'unused-only');
    expect(after.tree.unusedOnly).toBe(false);
    expect(after.status?.text).toMatch(/only under BuildKit with a Dockerfile/);
  });

  it('i on package.json (used) withholds every proposal; confirming adds nothing', async () => {
    let s = readyState(await loadSession(tmp.path));
    for (let k = 0; k < 20 && s.session!.evaluator.from.totals.inventory.path(selectedEntry(s)!) !== 'package.json'; k++) s = run(s, 'cursor-down');
    const asking = run(s, 'ignore');
    expect(asking.modeData?.kind === 'ignore-preview' && [asking.modeData.options.length, asking.modeData.withheld]).toEqual([0, 1]);
    const done = run(asking, 'confirm');
    expect(done.status?.text).toBe('not ignored: the Dockerfile uses this path');
    expect(done.rules).toBe(asking.rules);
  });
});

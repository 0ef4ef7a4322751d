/** @jsxRuntime automatic */
// Issue 13 point 11 in the TUI: the secrets sent lead the offenders view, so at 80x24 they are the
// first rows, the cursor starts on the first one, and a secret found by content says which
// detector and line.
import { FAKE_GITHUB_TOKEN, SECRETS_PROJECT, type TempDir } from '@ctxlens/test-fixtures';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from './helpers/fixtures.js';
import { KEYS, openTui } from './tui-ink.js';

let dir: TempDir;
beforeEach(async () => {
  dir = await fixture(SECRETS_PROJECT, 'ctxlens-tui-secrets-');
});
afterEach(async () => {
  cleanup();
  await dir.cleanup();
});

describe.each(['buildkit', 'legacy'] as const)('TUI offenders at 80x24 (%s)', (builder) => {
  it('the secrets are the first rows, by name and by content, and Enter shows the first in the tree', async () => {
    const tui = await openTui(dir.path, { builder, columns: 80, rows: 24 });
    const frame = await tui.press('o', 'Secrets sent');
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    const heading = lines.findIndex((l) => l.startsWith('Secrets sent (shipped in the image first)'));
    expect(heading).toBeGreaterThan(0);
    // Nothing but the view's title line above the heading.
    expect(lines.slice(0, heading).filter((l) => /^(Biggest sent|Sent, never used|Known bloat)/.test(l))).toEqual([]);
    const rows = lines.slice(heading + 1, heading + 5);
    expect(rows[0]).toMatch(/^›/);
    expect(rows.map((l) => l.slice(1).trim().split(/\s+/)[1]).sort()).toEqual(['.env', 'config/gcp-sa.json', 'secrets.txt', 'src/.env.local']);
    expect(rows.find((l) => l.includes('secrets.txt'))).toMatch(/RISK: GitHub token/);
    expect(frame).not.toContain(FAKE_GITHUB_TOKEN.slice(4));
    const first = rows[0]!.slice(1).trim().split(/\s+/)[1]!;
    const name = first.slice(first.lastIndexOf('/') + 1);
    await tui.press(KEYS.enter, new RegExp(`›[✓✗◐○] .*${name.replace(/\./g, '\\.')}`));
  });
});

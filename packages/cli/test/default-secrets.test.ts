// Issue 13 point 11: secrets that are sent lead the summary, found by name (.env, src/.env.local)
// and by content (a service-account key in config/gcp-sa.json, a token in secrets.txt), with the
// detector and line but never the value.
import { FAKE_GITHUB_TOKEN, SECRETS_PROJECT, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDefault } from '../src/commands/default.js';
import { fakeIo } from './helpers/fake-io.js';
import { fixture } from './helpers/fixtures.js';

let dir: TempDir;
beforeAll(async () => {
  dir = await fixture(SECRETS_PROJECT);
});
afterAll(() => dir.cleanup());

const options = { dir: '.', ignoreFile: undefined, buildArgs: {}, wholeContext: false, quiet: false, tui: false, top: 10 };

async function summary(builder: 'buildkit' | 'legacy', json = false): Promise<string> {
  const io = fakeIo({ cwd: dir.path });
  expect(await runDefault({ ...options, builder, json }, io)).toBe(0);
  expect(io.err()).toBe('');
  return io.out();
}

describe.each(['buildkit', 'legacy'] as const)('the summary under %s', (builder) => {
  it('leads with every sent secret, by name and by content, with the detector and line', async () => {
    const out = await summary(builder);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Secrets sent to the builder: 4');
    const listed = lines.slice(1, 5).map((l) => l.trim().split(/\s+/)[0]).sort();
    expect(listed).toEqual(['.env', 'config/gcp-sa.json', 'secrets.txt', 'src/.env.local']);
    expect(out).toMatch(/ {2}secrets\.txt +\d+B +ships in the final image +GitHub token \(ghp_…\) on line 2 +→ secrets\.txt/);
    expect(out).toMatch(/ {2}config\/gcp-sa\.json +\d+B +ships in the final image +Google Cloud service-account key \(PRIVATE KEY…\) on line 3/);
    expect(out).not.toContain(FAKE_GITHUB_TOKEN.slice(4));
  });

  it('JSON: each secret with its findings, never the value', async () => {
    const text = await summary(builder, true);
    const doc = JSON.parse(text) as { secrets: { path: string; findings: { detector: string; line: number; masked: string }[] }[] };
    const byPath = Object.fromEntries(doc.secrets.map((s) => [s.path, s.findings.map((f) => `${f.detector}@${f.line} ${f.masked}`)]));
    expect(byPath).toEqual({ '.env': [], 'src/.env.local': [], 'config/gcp-sa.json': ['gcp-service-account@3 PRIVATE KEY…'], 'secrets.txt': ['github-token@2 ghp_…'] });
    expect(text).not.toContain(FAKE_GITHUB_TOKEN.slice(4));
  });
});

// The summary (`ctxlens --no-tui`) leads with the golden rule: secrets sent and how far they get,
// then the bytes sent (or eligible) that the Dockerfile never uses, by top directory.
import { FAKE_GITHUB_TOKEN, SECRETS_PROJECT, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDefault } from '../src/commands/default.js';
import { fakeIo } from './helpers/fake-io.js';
import { fixture } from './helpers/fixtures.js';

let dir: TempDir;
beforeAll(async () => {
  dir = await fixture([
    { file: 'Dockerfile', content: 'FROM scratch AS build\nCOPY config /config\nFROM scratch\nCOPY src /app/src\nCOPY --from=build /config/app.yml /app.yml\n' },
    { file: '.dockerignore', content: 'node_modules\n' },
    { file: 'src/index.js', size: 1000 },
    { file: 'src/.env', content: 'TOKEN=abc\n' },
    { file: 'config/app.yml', size: 100 },
    { file: 'config/id_rsa', content: '-----BEGIN OPENSSH PRIVATE KEY-----\n' },
    { file: 'docs/guide.md', size: 30_000 },
    { file: 'test/a.test.js', size: 5000 },
    { file: 'node_modules/x/x.js', size: 90_000 },
  ]);
});
afterAll(() => dir.cleanup());

const options = { dir: '.', ignoreFile: undefined, buildArgs: {}, wholeContext: false, quiet: false, tui: false, top: 10 };

async function summary(builder: 'buildkit' | 'legacy', json = false, at: TempDir = dir): Promise<string> {
  const io = fakeIo({ cwd: at.path });
  expect(await runDefault({ ...options, builder, json }, io)).toBe(0);
  expect(io.err()).toBe('');
  return io.out();
}

describe('the summary leads with the golden rule', () => {
  it('BuildKit: secrets first, each with how far it gets; then sent and eligible but never used', async () => {
    const out = await summary('buildkit');
    expect(out).not.toContain('\u001b');
    const lines = out.split('\n');
    expect(lines[0]).toBe('Secrets sent to the builder: 2');
    expect(out).toMatch(/ {2}src\/\.env +\d+B +ships in the final image/);
    expect(out).toMatch(/ {2}config\/id_rsa +\d+B +used in a build stage only/);
    expect(out).toContain('RUN --mount=type=secret');
    // BuildKit sends only what the Dockerfile reads, all of it used: no "sent but never used" list.
    expect(out).not.toContain('Sent but never used');
    expect(out).toContain('\nEligible but never used (the legacy builder, or a COPY . ., would send it): 35kB in 2 files\n  30kB  1 file  docs/\n   5kB  1 file  test/\n');
    // Then the size table.
    expect(out.indexOf('sent (buildkit)')).toBeGreaterThan(out.indexOf('Eligible but never used'));
  });

  it('legacy: one list, since it sends all that is eligible', async () => {
    const out = await summary('legacy');
    expect(out).toMatch(/^Secrets sent to the builder: 2\n/);
    expect(out).toContain('\nSent but never used: 35kB in 2 files\n  30kB  1 file  docs/\n   5kB  1 file  test/\n');
    expect(out).not.toContain('Eligible but never used');
    expect(out).toContain('context (legacy)');
  });

  it('JSON: secrets, the three sets, and the two lists', async () => {
    const doc = JSON.parse(await summary('buildkit', true)) as Record<string, any>;
    expect(doc.secrets.map((s: { path: string; use: string }) => [s.path, s.use]).sort()).toEqual([['config/id_rsa', 'build-stage'], ['src/.env', 'shipped']]);
    expect(doc.usage.eligible.files).toBe(8);
    expect(doc.usage.shipped.files).toBe(3);
    expect(doc.unused.eligible.groups.map((g: { top: string }) => g.top)).toEqual(['docs', 'test']);
  });
});

// Issue 13 point 11: secrets found by name (.env, src/.env.local) and by content (a service-account
// key in config/gcp-sa.json, a token in secrets.txt) lead, with the detector and line, never the value.
describe.each(['buildkit', 'legacy'] as const)('secrets by name and by content lead the summary (%s)', (builder) => {
  let secrets: TempDir;
  beforeAll(async () => {
    secrets = await fixture(SECRETS_PROJECT);
  });
  afterAll(() => secrets.cleanup());

  it('every sent secret is listed first, a content finding with its detector and line', async () => {
    const out = await summary(builder, false, secrets);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Secrets sent to the builder: 4');
    expect(lines.slice(1, 5).map((l) => l.trim().split(/\s+/)[0]).sort()).toEqual(['.env', 'config/gcp-sa.json', 'secrets.txt', 'src/.env.local']);
    expect(out).toMatch(/ {2}secrets\.txt +\d+B +ships in the final image +GitHub token \(ghp_…\) on line 2 +→ secrets\.txt/);
    expect(out).toMatch(/ {2}config\/gcp-sa\.json +\d+B +ships in the final image +Google Cloud service-account key \(PRIVATE KEY…\) on line 3/);
    expect(out).not.toContain(FAKE_GITHUB_TOKEN.slice(4));
  });

  it('JSON: each secret with its findings, never the value', async () => {
    const text = await summary(builder, true, secrets);
    const doc = JSON.parse(text) as { secrets: { path: string; findings: { detector: string; line: number; masked: string }[] }[] };
    const byPath = Object.fromEntries(doc.secrets.map((s) => [s.path, s.findings.map((f) => `${f.detector}@${f.line} ${f.masked}`)]));
    expect(byPath).toEqual({ '.env': [], 'src/.env.local': [], 'config/gcp-sa.json': ['gcp-service-account@3 PRIVATE KEY…'], 'secrets.txt': ['github-token@2 ghp_…'] });
    expect(text).not.toContain(FAKE_GITHUB_TOKEN.slice(4));
  });
});

// `explain -vv` and `--json` say when a path is a secret and why: its name, or what its content
// holds (detector and line), the content read only when the builder sends the path.
import { FAKE_GITHUB_TOKEN, SECRETS_PROJECT, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExplain } from '../src/commands/explain.js';
import { fakeIo } from './helpers/fake-io.js';
import { fixture } from './helpers/fixtures.js';

let dir: TempDir;
beforeAll(async () => {
  // BuildKit is asked for src only: secrets.txt is eligible but not sent.
  dir = await fixture([...SECRETS_PROJECT.filter((e) => !('file' in e) || e.file !== 'Dockerfile'), { file: 'Dockerfile', content: 'FROM scratch\nCOPY src config /app/\n' }]);
});
afterAll(() => dir.cleanup());

const base = { dir: '.', buildArgs: {}, wholeContext: false, quiet: false, stdin: false, nul: false, nonMatching: true, verbosity: 2 };

async function explain(paths: string[], builder: 'legacy' | 'buildkit', json = false): Promise<string> {
  const io = fakeIo({ cwd: dir.path });
  await runExplain({ ...base, builder, json, paths }, io);
  expect(io.err()).toBe('');
  return io.out();
}

describe('explain: is the path a secret', () => {
  it.each([
    { path: 'config/gcp-sa.json', builder: 'buildkit', text: 'secret: Google Cloud service-account key (PRIVATE KEY…) on line 3' },
    { path: 'secrets.txt', builder: 'legacy', text: 'secret: GitHub token (ghp_…) on line 2' },
    { path: '.env', builder: 'buildkit', text: 'secret: environment file (.env*)' },
    { path: 'src/.env.local', builder: 'buildkit', text: 'secret: environment file (.env*)' },
    // Not sent by BuildKit (the Dockerfile copies src and config only): its content is not read.
    { path: 'secrets.txt', builder: 'buildkit', text: undefined },
    { path: 'src/index.js', builder: 'buildkit', text: undefined },
  ] as const)('-vv $path ($builder): $text', async ({ path, builder, text }) => {
    const out = await explain([path], builder);
    if (text === undefined) expect(out).not.toContain('secret:');
    else expect(out).toContain(`\n  ${text}\n`);
    expect(out).not.toContain(FAKE_GITHUB_TOKEN.slice(4));
  });

  it('JSON: secret is the reason and the findings, or null', async () => {
    const doc = JSON.parse(await explain(['secrets.txt', 'src/index.js'], 'legacy', true)) as { paths: { secret: unknown }[] };
    expect(doc.paths.map((p) => p.secret)).toEqual([{ reason: 'GitHub token (ghp_…) on line 2', findings: [{ detector: 'github-token', kind: 'GitHub token', line: 2, masked: 'ghp_…' }] }, null]);
  });
});

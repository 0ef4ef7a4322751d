// `explain -vv` and `--json` say how the image uses each path: the instruction, its stage and
// whether it reaches the final image, or that it is sent (or eligible) and never used.
import type { TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExplain } from '../src/commands/explain.js';
import { fakeIo } from './helpers/fake-io.js';
import { fixture } from './helpers/fixtures.js';

let dir: TempDir;
beforeAll(async () => {
  dir = await fixture([
    { file: 'Dockerfile', content: 'FROM alpine:3.20 AS build\nCOPY src ./src\nCOPY tools/gen.sh /gen.sh\nRUN true\nFROM alpine:3.20\nCOPY --from=build /src /app\nCOPY package.json /app/\n' },
    { file: '.dockerignore', content: 'secret.txt\nprivate\n' },
    // Excluded whole: BuildKit never reads below it.
    { file: 'private/key.pem' },
    { file: 'src/main.js' },
    { file: 'tools/gen.sh' },
    { file: 'tools/other.sh' },
    { file: 'package.json' },
    { file: 'README.md' },
    { file: 'secret.txt' },
  ]);
});
afterAll(() => dir.cleanup());

const base = { dir: '.', builder: 'buildkit' as const, buildArgs: {}, wholeContext: false, quiet: false, stdin: false, nul: false, nonMatching: true };

async function explain(paths: string[], extra: { json?: boolean; builder?: 'legacy' | 'buildkit' } = {}): Promise<string> {
  const io = fakeIo({ cwd: dir.path });
  await runExplain({ ...base, json: false, verbosity: 2, paths, ...extra }, io);
  expect(io.err()).toBe('');
  return io.out();
}

describe('explain: how the image uses a path', () => {
  it.each([
    { path: 'src/main.js', text: 'used by Dockerfile:2 (COPY src ./src) → stage build → final image' },
    { path: 'tools/gen.sh', text: 'used by Dockerfile:3 (COPY tools/gen.sh /gen.sh) → stage build → build stage only (not in the final image)' },
    { path: 'package.json', text: 'used by Dockerfile:7 (COPY package.json /app/) → stage stage-1 → final image' },
    { path: 'README.md', text: 'eligible, never used (the legacy builder, or a COPY . ., would send it)' },
    { path: 'secret.txt', text: 'not eligible: the ignore file keeps it out' },
    { path: 'private/key.pem', text: 'not eligible: the ignore file keeps it out' },
  ])('-vv $path: $text', async ({ path, text }) => {
    expect(await explain([path])).toContain(`\n  ${text}\n`);
  });

  it('the legacy builder sends what no instruction uses', async () => {
    expect(await explain(['README.md'], { builder: 'legacy' })).toContain('  sent, never used\n');
    expect(await explain(['secret.txt'], { builder: 'legacy' })).toContain('  not eligible: the ignore file keeps it out\n');
    expect(await explain(['src/main.js'], { builder: 'legacy' })).toContain('  used by Dockerfile:2 (COPY src ./src) → stage build → final image');
  });

  it('JSON carries status, text and the instruction', async () => {
    const doc = JSON.parse(await explain(['src/main.js', 'README.md', 'tools/gen.sh'], { json: true })) as { paths: { usage: unknown }[] };
    expect(doc.paths.map((p) => p.usage)).toEqual([
      { status: 'shipped', text: 'used by Dockerfile:2 (COPY src ./src) → stage build → final image', by: { dockerfile: 'Dockerfile', line: 2, instruction: 'COPY src ./src', stage: 'build' } },
      { status: 'eligible-unused', text: expect.stringContaining('never used') as unknown, by: null },
      { status: 'build-stage', text: expect.stringContaining('build stage only') as unknown, by: expect.objectContaining({ line: 3 }) as unknown },
    ]);
  });
});

describe('explain: sent but never used', () => {
  let other: TempDir;
  beforeAll(async () => {
    // COPY --exclude narrows what is used, not what BuildKit sends.
    other = await fixture([{ file: 'Dockerfile', content: 'FROM alpine:3.20\nCOPY --exclude=*.md docs /docs\n' }, { file: 'docs/a.md' }, { file: 'docs/b.txt' }]);
  });
  afterAll(() => other.cleanup());

  it('a file BuildKit sends and no instruction uses', async () => {
    const io = fakeIo({ cwd: other.path });
    await runExplain({ ...base, json: false, verbosity: 2, paths: ['docs/a.md', 'docs/b.txt'] }, io);
    expect(io.out()).toContain('docs/a.md\n  sent by BuildKit');
    expect(io.out()).toMatch(/docs\/a\.md\n(  .*\n)*  sent, never used\n/);
    expect(io.out()).toContain('  used by Dockerfile:2 (COPY --exclude=*.md docs /docs) → stage stage-0 → final image\n');
  });

  it('a COPY . uses every file it sends', async () => {
    const whole = await fixture([{ file: 'Dockerfile', content: 'FROM alpine:3.20\nCOPY . /app\n' }, { file: 'a.txt' }]);
    try {
      const io = fakeIo({ cwd: whole.path });
      await runExplain({ ...base, json: false, verbosity: 2, paths: ['a.txt'] }, io);
      expect(io.out()).toContain('  used by Dockerfile:2 (COPY . /app) → stage stage-0 → final image\n');
    } finally {
      await whole.cleanup();
    }
  });
});

describe('explain: a file re-included under an excluded directory', () => {
  let logs: TempDir;
  beforeAll(async () => {
    // BuildKit sends logs/ as keep.log's parent; `COPY . /` copies keep.log into the image.
    logs = await fixture([{ file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' }, { file: '.dockerignore', content: 'logs\n!logs/keep.log\n' }, { file: 'logs/keep.log' }, { file: 'logs/other.log' }]);
  });
  afterAll(() => logs.cleanup());

  it.each([
    { builder: 'buildkit' as const, path: 'logs/keep.log', text: 'used by Dockerfile:2 (COPY . /) → stage stage-0 → final image' },
    { builder: 'legacy' as const, path: 'logs/keep.log', text: 'used by Dockerfile:2 (COPY . /) → stage stage-0 → final image' },
    { builder: 'buildkit' as const, path: 'logs/other.log', text: 'not eligible: the ignore file keeps it out' },
    { builder: 'legacy' as const, path: 'logs/other.log', text: 'not eligible: the ignore file keeps it out' },
  ])('-vv --builder $builder $path: $text', async ({ builder, path, text }) => {
    const io = fakeIo({ cwd: logs.path });
    await runExplain({ ...base, builder, json: false, verbosity: 2, paths: [path] }, io);
    expect(io.err()).toBe('');
    expect(io.out()).toContain(`\n  ${text}\n`);
  });
});

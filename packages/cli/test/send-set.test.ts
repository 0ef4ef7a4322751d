// BuildKit's send set through the CLI: --target, --build-arg, -f -, --whole-context and no
// Dockerfile, in ls, size, explain, diff and the summary; and one comparison with the real BuildKit.
import { computeContext } from '@ctxlens/core';
import { buildkitOracle, makeBuildkitContext, runBuildkitBuild, type BuildkitOracle, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, hasStackTrace, runCli } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';

const DOCKERFILE = ['FROM scratch AS deps', 'COPY package.json /', 'FROM deps AS app', 'ARG SRC=src', 'COPY ${SRC} /src', 'FROM app AS all', 'COPY . /', ''].join('\n');
const TREE = [
  { file: 'Dockerfile', content: DOCKERFILE },
  { file: '.dockerignore', content: 'node_modules\n' },
  { file: 'package.json', content: '{"name":"web"}\n' },
  { file: 'src/index.js', content: 'console.log(1)\n' },
  { file: 'docs/guide.md', content: '# guide\n' },
  { file: 'node_modules/x/index.js', size: 40_000 },
];

let dir: TempDir;
let bare: TempDir;
beforeAll(async () => {
  ensureBuilt();
  dir = await fixture(TREE);
  bare = await fixture(TREE.filter((e) => e.file !== 'Dockerfile'));
});
afterAll(async () => {
  await dir.cleanup();
  await bare.cleanup();
});

const ls = async (args: string[], input?: string) => {
  const r = await runCli(['ls', ...args], { cwd: dir.path, ...(input === undefined ? {} : { input }) });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.split('\n').filter((l) => l !== '');
};

describe('ls lists what BuildKit sends', () => {
  it.each([
    { name: 'the last stage reads the whole context', args: [], files: ['.dockerignore', 'Dockerfile', 'docs/guide.md', 'package.json', 'src/index.js'] },
    { name: '--target app: package.json and src', args: ['--target', 'app'], files: ['package.json', 'src/index.js'] },
    { name: '--target deps: package.json', args: ['--target', 'deps'], files: ['package.json'] },
    { name: '--build-arg chooses the source', args: ['--target', 'app', '--build-arg', 'SRC=docs'], files: ['docs/guide.md', 'package.json'] },
    { name: '--whole-context: everything eligible', args: ['--target', 'deps', '--whole-context'], files: ['.dockerignore', 'Dockerfile', 'docs/guide.md', 'package.json', 'src/index.js'] },
    { name: 'the legacy builder uploads everything whatever the target', args: ['--target', 'deps', '--builder', 'legacy'], files: ['.dockerignore', 'Dockerfile', 'docs/guide.md', 'package.json', 'src/index.js'] },
  ])('$name', async ({ args, files }) => {
    expect(await ls(args)).toEqual(files);
  });

  it('--build-arg K alone takes K from the environment, and is unset without it', async () => {
    const withEnv = await runCli(['ls', '--target', 'app', '--build-arg', 'SRC'], { cwd: dir.path, env: { SRC: 'docs' } });
    expect(withEnv.stdout).toBe('docs/guide.md\npackage.json\n');
    // Unset, the ARG's default applies.
    expect(await ls(['--target', 'app', '--build-arg', 'SRC'])).toEqual(['package.json', 'src/index.js']);
  });

  it('-f - reads the Dockerfile from stdin; the context is still DIR', async () => {
    expect(await ls(['-f', '-'], 'FROM scratch\nCOPY docs /docs\n')).toEqual(['docs/guide.md']);
  });

  it('no Dockerfile: the whole eligible context, with a note on stderr', async () => {
    const r = await runCli(['ls'], { cwd: bare.path });
    expect(r.stdout).toBe('.dockerignore\ndocs/guide.md\npackage.json\nsrc/index.js\n');
    expect(r.stderr).toContain('ctxlens: note: There is no Dockerfile');
  });

  it('a target that reads no context: nothing, with a note', async () => {
    const r = await runCli(['ls', '-f', '-'], { cwd: dir.path, input: 'FROM scratch\nRUN true\n' });
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toContain('sends nothing');
  });

  it('the engine agrees (computeContext with the same options)', async () => {
    const ctx = await computeContext(dir.path, { builder: 'buildkit', target: 'app', buildArgs: { SRC: 'docs' } });
    expect(await ls(['--target', 'app', '--build-arg', 'SRC=docs'])).toEqual(ctx.filePaths());
  });
});

describe('usage errors', () => {
  it('--build-arg =V: buildx\'s message, a hint, exit 2', async () => {
    const r = await runCli(['ls', '--build-arg', '=V'], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid key-value pair "=V": empty key');
    expect(r.stderr).toContain('hint:');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('--target with no such stage: BuildKit\'s error, with the stages as hint', async () => {
    const r = await runCli(['size', '--target', 'nope'], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('target stage "nope" could not be found');
    expect(r.stderr).toContain('hint: Stages: deps, app, all.');
  });
});

describe('size and the summary under BuildKit', () => {
  it('size --json: the transfer figure of the send set, the eligible figures and the request', async () => {
    const r = await runCli(['size', '--json', '--target', 'app', '--build-arg', 'X=1'], { cwd: dir.path });
    const doc = JSON.parse(r.stdout);
    const ctx = await computeContext(dir.path, { builder: 'buildkit', target: 'app', buildArgs: { X: '1' } });
    const whole = await computeContext(dir.path, { builder: 'buildkit', wholeContext: true });
    expect(doc).toMatchObject({
      schemaVersion: 2,
      builder: 'buildkit',
      target: 'app',
      buildArgs: { X: '1' },
      scope: 'paths',
      requestedPaths: ['package.json', 'src'],
      files: 2,
      transferBytes: ctx.sizes.transferBytes,
      transferSize: ctx.sizes.transferSize,
      eligible: { files: 5, bytes: whole.sizes.bytes, transferBytes: whole.sizes.transferBytes },
    });
    expect(doc.withoutIgnoreFile).toMatchObject({ files: 6, transferBytes: null });
  });

  it('size prints BuildKit\'s figure as BuildKit does, the eligible row, and the warm-builder note', async () => {
    const r = await runCli(['size', '--target', 'app'], { cwd: dir.path });
    const ctx = await computeContext(dir.path, { builder: 'buildkit', target: 'app' });
    expect(r.stdout).toMatch(/^\s+files\s+file bytes\s+transfer bytes\nsent \(buildkit\)\s+2\s/);
    expect(r.stdout).toMatch(/^eligible \(\.dockerignore\)\s+5\s/m);
    expect(r.stdout).toContain(`transferring context: ${ctx.sizes.transferSize}: only what the Dockerfile reads (package.json, src), 2 files of 5 eligible.`);
    expect(r.stdout).toContain('a rebuild on a warm builder sends only what changed');
  });

  it('the legacy builder keeps the tar figure', async () => {
    const r = await runCli(['size', '--target', 'app', '--builder', 'legacy'], { cwd: dir.path });
    expect(r.stdout).toMatch(/^\s+files\s+file bytes\s+upload bytes\ncontext \(legacy\)\s+5\s/);
  });

  it('a target that reads no context: BuildKit sends nothing', async () => {
    const r = await runCli(['--no-tui', '-f', '-'], { cwd: dir.path, input: 'FROM scratch\nENV A=1\n' });
    expect(r.stdout).toMatch(/^sent \(buildkit\)\s+0\s+0B\s+nothing$/m);
    expect(r.stdout).toContain('BuildKit sends nothing');
    const doc = JSON.parse((await runCli(['--json', '-f', '-'], { cwd: dir.path, input: 'FROM scratch\n' })).stdout);
    expect(doc).toMatchObject({ dockerfile: '-', scope: 'none', transferBytes: 0, files: 0 });
  });
});

describe('explain and diff under BuildKit', () => {
  it('explain: "not requested by the Dockerfile", and the instruction that asks for a sent path', async () => {
    const r = await runCli(['explain', '-vv', '--target', 'app', 'docs/guide.md', 'src/index.js'], { cwd: dir.path });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('::\tdocs/guide.md\n  not sent by BuildKit: not requested by the Dockerfile\n');
    const doc = JSON.parse((await runCli(['explain', '--json', '--target', 'app', 'docs/guide.md', 'src/index.js'], { cwd: dir.path })).stdout);
    expect(doc.paths[0]).toMatchObject({ included: false, eligible: true, request: { kind: 'not-requested', instructions: [] }, otherBuilder: { builder: 'legacy', included: true } });
    expect(doc.paths[1]).toMatchObject({ included: true, request: { kind: 'path', instructions: ['Dockerfile:5 COPY ${SRC} /src'] } });
  });

  it('diff: the builders differ by the Dockerfile\'s request', async () => {
    const r = await runCli(['diff', '--target', 'deps'], { cwd: dir.path });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('The legacy builder alone sends 4 paths:');
    expect(r.stdout).toContain('  src/index.js\n      BuildKit: not sent (not requested by the Dockerfile)\n      legacy: sent (no rule matches it)');
    expect((await runCli(['diff', '--whole-context'], { cwd: dir.path })).code).toBe(0);
  });
});

const found = await buildkitOracle();
const oracle: BuildkitOracle | null = 'skip' in found ? null : found;
const skipped = 'skip' in found ? ` [skipped: ${found.skip}]` : '';

describe.skipIf(oracle === null)(`the real BuildKit agrees with ctxlens size and ls${skipped}`, () => {
  it('multi-stage, --target and --build-arg: transferBytes and the files received', async () => {
    const made = await makeBuildkitContext(oracle!, TREE);
    try {
      const build = await runBuildkitBuild(oracle!, { dir: made.dir, target: 'app', buildArgs: { SRC: 'docs' } });
      expect(build.ok, build.error).toBe(true);
      const size = JSON.parse((await runCli(['size', '--json', '--target', 'app', '--build-arg', 'SRC=docs'], { cwd: made.dir })).stdout);
      expect(size.transferBytes).toBe(build.transferredBytes);
      expect(size.transferSize).toBe(build.transferred);
      const received = build.received.filter((e) => e.kind !== 'dir').map((e) => e.path).sort();
      const listed = await runCli(['ls', '--target', 'app', '--build-arg', 'SRC=docs'], { cwd: made.dir });
      expect(listed.stdout.split('\n').filter((l) => l !== '')).toEqual(received);
      expect(received).toEqual(['docs/guide.md', 'package.json']);
    } finally {
      await made.cleanup();
    }
  }, 120_000);
});

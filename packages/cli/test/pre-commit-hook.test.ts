// The pre-commit hook from this repository's .pre-commit-hooks.yaml, in a real git repository.
//
// The pre-commit framework is a Python package and PyPI is not reachable here, so this test does
// what the framework does for this hook: it installs this repository the way `language: node` does
// (`npm pack` of the repository, then `npm install -g` of that tarball into a private prefix: the
// framework runs `npm install` in the clone first, which this checkout already has), reads the hook
// from .pre-commit-hooks.yaml, splits its `entry` with shlex, appends `args` and no file names
// (pass_filenames: false), and runs it from the repository root with the installed `ctxlens` on
// PATH. It is wired as .git/hooks/pre-commit, so `git commit` itself is blocked or allowed.
import type { TempDir } from '@ctxlens/test-fixtures';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO_ROOT } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';
import { parseHookManifest, shlexSplit } from './helpers/hook-manifest.js';

let repo: TempDir;
let binDir: string;

function git(...args: string[]) {
  return spawnSync('git', args, {
    cwd: repo.path,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${binDir}:${process.env.PATH}`, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', FORCE_COLOR: '0' },
  });
}

beforeAll(async () => {
  ensureBuilt();
  const hooks = parseHookManifest(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
  const hook = hooks.find((h) => h.id === 'ctxlens-check');
  expect(hook).toMatchObject({ language: 'node', pass_filenames: false, always_run: true });

  repo = await fixture([{ file: 'Dockerfile', content: 'FROM node:20\nCOPY . .\n' }, { file: 'src/index.js', content: 'console.log(1)\n' }, { file: '.env', content: 'API_KEY=secret\n' }]);
  // `language: node`: npm pack the hook repository, npm install -g the tarball, run its bin.
  const envDir = join(repo.path, '.hook-env');
  mkdirSync(envDir, { recursive: true });
  const pack = spawnSync('npm', ['pack', '--pack-destination', envDir, '--silent'], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(pack.status, pack.stderr).toBe(0);
  const tarball = join(envDir, pack.stdout.trim().split('\n').pop()!);
  const install = spawnSync('npm', ['install', '-g', '--prefix', envDir, '--no-audit', '--no-fund', tarball], { encoding: 'utf8' });
  expect(install.status, install.stderr).toBe(0);
  binDir = join(envDir, 'bin');

  expect(git('init', '-q').status).toBe(0);
  writeFileSync(join(repo.path, '.git', 'info', 'exclude'), '.hook-env/\n');
  // The argv pre-commit would run: shlex.split(entry) + args, and no file names.
  const argv = [...shlexSplit(String(hook!.entry)), ...shlexSplit(String(hook!.args ?? ''))];
  const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  writeFileSync(join(repo.path, '.git', 'hooks', 'pre-commit'), `#!/bin/sh\ncd "$(git rev-parse --show-toplevel)" || exit 1\nexec ${quoted}\n`);
  chmodSync(join(repo.path, '.git', 'hooks', 'pre-commit'), 0o755);
});
afterAll(() => repo.cleanup());

describe('pre-commit hook ctxlens-check', () => {
  it('blocks the commit while the build context holds .env', () => {
    git('add', '-A');
    const r = git('commit', '-q', '-m', 'first');
    expect(r.status).toBe(1);
    // git sends a hook's stdout to stderr.
    expect(r.stderr).toContain('FAIL deny:secrets (1 path sent)');
    expect(r.stderr).toMatch(/\.env\s+environment file \(\.env\*\)\s+→ \.env/);
    expect(git('rev-parse', '--verify', 'HEAD').status).not.toBe(0);
  });

  it('allows it once .dockerignore excludes .env', () => {
    writeFileSync(join(repo.path, '.dockerignore'), '.env\n.git\n.hook-env\n');
    git('add', '-A');
    const r = git('commit', '-q', '-m', 'first');
    expect(r.stderr).toContain('PASS deny:secrets (none sent)');
    expect(r.status).toBe(0);
    expect(git('log', '--oneline').stdout).toContain('first');
  });
});

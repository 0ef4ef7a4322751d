// The hooks of .pre-commit-hooks.yaml, installed the way pre-commit installs a `language: node`
// hook repository, from git (dist/ is not committed, so the root `prepare` makes the bundle):
// - the real `pre-commit` (Debian's 3.x, which .ci/run installs): `pre-commit try-repo` runs
//   `npm install` in a clone, then `npm pack` (the tarball's name is read from its stdout), then
//   `npm install -g` of the tarball. It is the git hook of a scratch repository, so `git commit`
//   itself is blocked or allowed.
// - pre-commit 4.4+'s command, `npm install -g git+file://<clone>`, under which npm's preparation
//   of the git dependency sees no devDependencies.
// Both download the bundle's build packages from the npm registry (or npm's cache).
import type { TempDir } from '@ctxlens/test-fixtures';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './helpers/fixtures.js';
import { snapshotRepo } from './helpers/repo-snapshot.js';

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const havePreCommit = preCommit.status === 0;
const INSTALL_TIMEOUT = 600_000;

let repo: TempDir;
/** Beside the scratch repository, so its build context holds none of it. */
let tools: string;
let hookRepo: string;
let hookRev: string;

function inRepo(command: string, args: string[], extraEnv: Record<string, string> = {}) {
  return spawnSync(command, args, {
    cwd: repo.path,
    encoding: 'utf8',
    env: { ...process.env, ...extraEnv, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', FORCE_COLOR: '0' },
  });
}

beforeAll(async () => {
  repo = await fixture([{ file: 'Dockerfile', content: 'FROM node:20\nCOPY . .\n' }, { file: 'src/index.js', content: 'console.log(1)\n' }, { file: '.env', content: 'API_KEY=secret\n' }]);
  tools = `${repo.path}-tools`;
  mkdirSync(tools);
  hookRepo = join(tools, 'ctxlens');
  hookRev = snapshotRepo(hookRepo);
  expect(inRepo('git', ['init', '-q']).status).toBe(0);
});
afterAll(() => {
  repo?.cleanup();
  if (tools) rmSync(tools, { recursive: true, force: true });
});

describe.skipIf(!havePreCommit)(`pre-commit try-repo, ctxlens-check as the git hook${havePreCommit ? ` (${preCommit.stdout.trim()})` : ' (skipped: pre-commit is not installed; .ci/run installs it)'}`, () => {
  beforeAll(() => {
    const home = join(tools, 'pre-commit-home');
    const hook = join(repo.path, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, `#!/bin/sh\nPRE_COMMIT_HOME='${home}' exec pre-commit try-repo '${hookRepo}' ctxlens-check --ref ${hookRev}\n`);
    chmodSync(hook, 0o755);
  });

  it('blocks the commit while the build context holds .env', () => {
    inRepo('git', ['add', '-A']);
    const r = inRepo('git', ['commit', '-q', '-m', 'first']);
    expect(r.stdout + r.stderr).toContain('FAIL deny:secrets (1 path sent)');
    expect(r.stdout + r.stderr).toMatch(/\.env\s+environment file \(\.env\*\)\s+→ \.env/);
    expect(r.status).toBe(1);
    expect(inRepo('git', ['rev-parse', '--verify', 'HEAD']).status).not.toBe(0);
  }, INSTALL_TIMEOUT);

  it('allows it once .dockerignore excludes .env', () => {
    writeFileSync(join(repo.path, '.dockerignore'), '.env\n.git\n');
    inRepo('git', ['add', '-A']);
    const r = inRepo('git', ['commit', '-q', '-m', 'first']);
    expect(r.stdout + r.stderr).toMatch(/ctxlens check \(Docker build context\)\.+Passed/);
    expect(r.status).toBe(0);
    expect(inRepo('git', ['log', '--oneline']).stdout).toContain('first');
  }, INSTALL_TIMEOUT);
});

describe("npm install -g git+…: pre-commit 4.4+'s install, and the README's", () => {
  it('installs the bin from a clone without node_modules or dist, and it runs', () => {
    const prefix = join(tools, 'global');
    // --install-links: without it npm 11 links the package to its temporary clone, which it then
    // deletes (pre-commit#3737). --allow-scripts reaches the prepare script's own npm as
    // npm_config_allow_scripts, which a project install refuses; prepare drops it.
    const install = inRepo('npm', ['install', '-g', '--install-links', '--allow-scripts=ctxlens-workspace', '--prefix', prefix, '--no-audit', '--no-fund', `git+file://${hookRepo}#${hookRev}`]);
    expect(install.status, install.stderr).toBe(0);
    const bin = join(prefix, 'bin', 'ctxlens');
    expect(existsSync(bin)).toBe(true);
    const r = inRepo(bin, ['check', '--deny', 'secrets']);
    expect(r.stdout).toMatch(/(PASS|FAIL) deny:secrets/);
  }, INSTALL_TIMEOUT);
});

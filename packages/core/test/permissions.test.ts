// Unreadable paths, as a user without root sees them: ctxlens must fail where Docker fails, with
// Docker's message naming the path, and pass where Docker passes. Runs ctxlens and the real Docker
// CLI as an unprivileged user (setpriv), since root can read everything.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = path.join(repo, 'packages/cli/dist/ctxlens.mjs');
const isRoot = process.getuid?.() === 0;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => fs.existsSync(p));
const docker = spawnSync('docker', ['--version']).status === 0;
const skipReason = !fs.existsSync(cli)
  ? 'the CLI is not built (run the build first)'
  : isRoot && !setpriv
    ? 'running as root without setpriv, so nothing is unreadable'
    : undefined;

let root: string;
const asUser = (args: string[], env: Record<string, string> = {}) => {
  const command = isRoot ? [setpriv!, '--reuid=65534', '--regid=65534', '--clear-groups', ...args] : args;
  return spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', env: { PATH: process.env.PATH!, HOME: path.join(root, 'home'), ...env } });
};
const ctxlens = (dir: string, builder: string) => asUser([process.execPath, cli, 'ls', dir, '--builder', builder]);
const dockerError = (dir: string) => {
  const r = asUser(['docker', 'build', dir], { DOCKER_BUILDKIT: '0', DOCKER_CONFIG: path.join(root, 'home'), DOCKER_HOST: `unix://${root}/no-daemon.sock` });
  return r.stderr.split('\n').filter((l) => l.startsWith('error') || l.startsWith('unable')).join('\n');
};

function makeContext(name: string, ignore: string | undefined, setup: (dir: string) => void): string {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'ok'), { recursive: true });
  // COPY . /: BuildKit reads the whole context, so the ignore file alone decides what it walks.
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY . /\n');
  fs.writeFileSync(path.join(dir, 'ok/a.txt'), 'a');
  if (ignore !== undefined) fs.writeFileSync(path.join(dir, '.dockerignore'), ignore);
  setup(dir);
  return dir;
}

describe.skipIf(skipReason !== undefined)(`unreadable paths${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let unreadableFile: string;
  let unreadableExcludedDir: string;
  let unreadableIncludedDir: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ctxlens-perm-'));
    fs.chmodSync(root, 0o755);
    fs.mkdirSync(path.join(root, 'home'), { mode: 0o777 });
    fs.chmodSync(path.join(root, 'home'), 0o777);
    unreadableFile = makeContext('file', undefined, (d) => fs.writeFileSync(path.join(d, 'locked.txt'), 'x', { mode: 0o000 }));
    unreadableExcludedDir = makeContext('excluded-dir', 'secret\n', (d) => fs.mkdirSync(path.join(d, 'secret'), { mode: 0o000 }));
    unreadableIncludedDir = makeContext('included-dir', undefined, (d) => fs.mkdirSync(path.join(d, 'secret'), { mode: 0o000 }));
  });
  afterAll(() => {
    for (const d of ['excluded-dir/secret', 'included-dir/secret']) fs.chmodSync(path.join(root, d), 0o755);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('an unreadable included file fails the legacy build, naming the file', () => {
    const r = ctxlens(unreadableFile, 'legacy');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`error checking context: no permission to read from '${unreadableFile}/locked.txt'`);
    if (docker) expect(dockerError(unreadableFile)).toBe(`error checking context: no permission to read from '${unreadableFile}/locked.txt'`);
  });

  it('an unreadable directory fails the legacy build even when .dockerignore excludes it', () => {
    const r = ctxlens(unreadableExcludedDir, 'legacy');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`error checking context: can't stat '${unreadableExcludedDir}/secret'`);
    if (docker) expect(dockerError(unreadableExcludedDir)).toBe(`error checking context: can't stat '${unreadableExcludedDir}/secret'`);
  });

  it('BuildKit ignores an unreadable directory it excludes', () => {
    const r = ctxlens(unreadableExcludedDir, 'buildkit');
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(['.dockerignore', 'Dockerfile', 'ok/a.txt']);
  });

  it('BuildKit fails on an unreadable directory it must send, naming it', () => {
    const r = ctxlens(unreadableIncludedDir, 'buildkit');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('secret');
    expect(r.stderr).toContain('permission denied');
  });
});

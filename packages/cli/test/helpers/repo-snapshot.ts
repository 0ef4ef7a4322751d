// A git clone of this repository as it is on disk: committed, modified and untracked (not ignored)
// files, committed once more in the clone. Installs from git (pre-commit, `npm install git+file:`)
// see only what is committed, so tests of them must not depend on the developer having committed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './built-cli.js';

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} in ${cwd} failed: ${r.stderr}`);
  return r.stdout;
}

/**
 * Clones REPO_ROOT into `dest` and commits there the working tree's changes.
 * @returns the commit id of the clone's HEAD
 */
export function snapshotRepo(dest: string): string {
  git(path.dirname(dest), 'clone', '-q', '--no-hardlinks', REPO_ROOT, dest);
  const changed = git(REPO_ROOT, 'ls-files', '-z', '-m', '-o', '-d', '--exclude-standard').split('\0').filter(Boolean);
  for (const file of new Set(changed)) {
    const from = path.join(REPO_ROOT, file);
    const to = path.join(dest, file);
    if (fs.existsSync(from)) {
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
    } else fs.rmSync(to, { force: true });
  }
  git(dest, 'add', '-A');
  if (git(dest, 'status', '--porcelain') !== '') git(dest, 'commit', '-q', '-m', 'working tree');
  return git(dest, 'rev-parse', 'HEAD').trim();
}

// `ctxlens lint`, end to end: each finding with file:line and its fix, exit codes like `check`.
import type { TempDir, TreeSpec } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, hasStackTrace, runCli } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';

beforeAll(() => ensureBuilt());
const dirs: TempDir[] = [];
afterAll(async () => {
  for (const d of dirs) await d.cleanup();
});

async function lint(dockerignore: string, extra: TreeSpec, args: string[] = []) {
  const dir = await fixture([{ file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' }, { file: '.dockerignore', content: dockerignore }, ...extra]);
  dirs.push(dir);
  return runCli(['lint', ...args], { cwd: dir.path });
}

describe('ctxlens lint: findings', () => {
  it('a bare name only matches at the root (gitignore habit), with the files still sent', async () => {
    const r = await lint('node_modules\n', [{ file: 'node_modules/a/i.js' }, { file: 'packages/ui/node_modules/react/index.js', size: 2000 }]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('.dockerignore:1: warning: "node_modules" only matches at the context root: Docker patterns are anchored, unlike .gitignore\'s [anchored-name]\n');
    expect(r.stdout).toContain('    1 matching name below the root is still sent (1 file, 2kB): packages/ui/node_modules\n');
    expect(r.stdout).toContain('    fix: Write "**/node_modules" to match it at any depth.\n');
  });

  it('*.md at the root only', async () => {
    const r = await lint('*.md\n', [{ file: 'README.md' }, { file: 'docs/guide.md' }]);
    expect(r.stdout).toContain('.dockerignore:1: warning: "*.md" only matches at the context root');
    expect(r.stdout).toContain('fix: Write "**/*.md"');
  });

  it('a trailing slash does not mean "directories only"', async () => {
    const r = await lint('cache/\n', [{ file: 'cache', content: 'a file' }]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('.dockerignore:1: warning: Docker drops the trailing "/": "cache/" also matches a file named "cache", not only a directory [trailing-slash]');
    expect(r.stdout).toContain('it matches 1 non-directory: cache');
    expect(r.stdout).toContain('fix: Write "cache" (same meaning), or "cache/**" to match only what is inside a directory.');
  });

  it('[!x] does not negate', async () => {
    const r = await lint('log[!s].txt\n', []);
    expect(r.stdout).toContain('.dockerignore:1: warning: "[!…]" does not negate in Docker');
    expect(r.stdout).toContain('fix: Write "log[^s].txt".');
  });

  it('an exception the legacy builder cannot reach (BuildKit can), and the full BuildKit walk it causes', async () => {
    const r = await lint('build\n!**/*.map\n', [{ file: 'build/a.map' }, { file: 'build/sub/b.map' }, { file: 'build/app.js' }]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('.dockerignore:2: warning: the legacy builder never enters "build", so this exception cannot re-include what it matches there (BuildKit does) [unreachable-exception]');
    expect(r.stdout).toContain('2 paths stay out: build/a.map, build/sub/b.map');
    expect(r.stdout).toContain('.dockerignore:2: info: this exception holds a glob, so BuildKit walks every excluded directory instead of skipping it [full-walk-exception]');
    expect(r.stdout).toContain('the walk lists and stats 4 entries (1 directory, 0B of files) inside excluded directories');
    const json = JSON.parse((await runCli(['lint', '--json'], { cwd: dirs.at(-1)!.path })).stdout);
    expect(json.findings.find((f: { code: string }) => f.code === 'unreachable-exception').replacement).toEqual(['!build/a.map', '!build/sub/b.map']);
  });

  it('the full walk is a warning when it touches many files', async () => {
    const many: TreeSpec = Array.from({ length: 5000 }, (_, i) => ({ file: `node_modules/p${i % 50}/f${i}.js` }));
    const r = await lint('node_modules\n!**/*.md\n', many);
    expect(r.stdout).toMatch(/\.dockerignore:2: warning: this exception holds a glob.*\n\s+the walk lists and stats 5,?050 entries/);
  });

  it('shadowed: an exception before the exclusion that overrides it', async () => {
    const r = await lint('!keep.txt\n*.txt\n', [{ file: 'keep.txt' }, { file: 'other.txt' }]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('.dockerignore:1: warning: never decides anything: line 2 (*.txt) comes later and excludes the paths again (last match wins) [shadowed-rule]');
    expect(r.stdout).toContain('fix: Move this line below line 2 (*.txt).');
  });

  it('dead and redundant rules are info findings: exit 0, or 1 with --strict', async () => {
    const r = await lint('node_modules\nnode_modules/x\n*.tmp\n', [{ file: 'node_modules/x/i.js' }]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('.dockerignore:2: info: changes nothing: line 1 (node_modules) already decides every path it matches [redundant-rule]');
    expect(r.stdout).toContain('.dockerignore:3: info: matches nothing in this context [dead-rule]');
    expect(r.stdout).toContain('.dockerignore: 2 infos');
    expect((await runCli(['lint', '--strict'], { cwd: dirs.at(-1)!.path })).code).toBe(1);
  });

  it('comments only in column 1; no end-of-line comments', async () => {
    const r = await lint('  # deps\ndist # build output\n', [{ file: 'dist/a.js' }]);
    expect(r.stdout).toContain('.dockerignore:1: warning: this is a pattern, not a comment');
    expect(r.stdout).toContain('.dockerignore:2: warning: Docker has no end-of-line comments');
    expect(r.stdout).toContain('fix: Put the comment on its own line and write "dist".');
  });

  it('a pattern Docker rejects once a path reaches it is an error', async () => {
    const r = await lint('*\n\\k\n', [{ file: 'a.txt' }]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('.dockerignore:2: error: Docker fails with "syntax error in pattern" as soon as a path reaches this rule [invalid-rule]');
  });

  it('a clean file: exit 0', async () => {
    const r = await lint('**/node_modules\n.git\n', [{ file: 'node_modules/a.js' }, { file: '.git/HEAD' }, { file: 'src/a.js' }]);
    expect(r).toMatchObject({ code: 0, stdout: '.dockerignore: no problems found\n' });
  });

  it('--json lists findings with file, line, code, severity and fix', async () => {
    const r = await lint('node_modules\n', [{ file: 'a/node_modules/x.js' }], ['--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 2, errors: 0, warnings: 1, infos: 1 });
    expect(doc.findings[1]).toMatchObject({ file: '.dockerignore', line: 1, text: 'node_modules', code: 'anchored-name', severity: 'warning', replacement: ['**/node_modules'] });
  });

  it('no ignore file: the Dockerfile checklist says so (a warning: exit 1)', async () => {
    const dir = await fixture([{ file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' }]);
    dirs.push(dir);
    const r = await runCli(['lint'], { cwd: dir.path });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Dockerfile:1: warning: There is no .dockerignore: everything the Dockerfile reads is sent, .git, secrets and dependencies included. [no-dockerignore]\n');
  });

  it('an ARG or ENV named like a secret: Dockerfile:line, the secret-mount fix, in text and JSON', async () => {
    const dir = await fixture([{ file: 'Dockerfile', content: 'FROM scratch\nARG NPM_TOKEN\nENV PUBLIC_KEY=x\nCOPY . /\n' }, { file: '.dockerignore', content: '.git\n' }, { file: '.git/HEAD' }]);
    dirs.push(dir);
    const r = await runCli(['lint'], { cwd: dir.path });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Dockerfile:2: warning: ARG NPM_TOKEN looks like a secret: its value stays in the image history of stage stage-0. [secret-in-arg-env]\n');
    expect(r.stdout).toContain('RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN');
    expect(r.stdout).not.toContain('PUBLIC_KEY');
    const doc = JSON.parse((await runCli(['lint', '--json'], { cwd: dir.path })).stdout);
    expect(doc.findings.filter((f: { code: string }) => f.code === 'secret-in-arg-env')).toMatchObject([{ file: 'Dockerfile', line: 2, text: 'ARG NPM_TOKEN', severity: 'warning' }]);
  });
});

describe('ctxlens lint: errors', () => {
  it('a pattern Docker refuses to load: file:line, pattern, hint, exit 2', async () => {
    const r = await lint('ok\n!\n', []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.dockerignore:2: illegal exclusion pattern: "!"\n  pattern: !\n  hint: ');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('a missing context directory', async () => {
    const r = await runCli(['lint', '/nonexistent/ctx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('path "/nonexistent/ctx" not found');
  });
});

// `check` and `lint` in CI: GitHub Actions annotations (GITHUB_ACTIONS=true), check's WARN level
// and per-path allowlist, and a job summary that cannot be written.
import type { TempDir } from '@ctxlens/test-fixtures';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';

let dir: TempDir;
const GHA = (workspace: string) => ({ GITHUB_ACTIONS: 'true', CI: 'true', GITHUB_WORKSPACE: workspace });

beforeAll(async () => {
  ensureBuilt();
  dir = await fixture([
    { file: 'app/Dockerfile', content: 'FROM node:20\nCOPY . .\n' },
    { file: 'app/src/index.js', content: 'console.log(1)\n' },
    { file: 'app/.env', content: 'API_KEY=x\n' },
    { file: 'app/test/fixtures/.env.test', content: 'API_KEY=fake\n' },
    { file: 'app/.git/HEAD', content: 'ref: refs/heads/main\n' },
    { file: 'app/.dockerignore', content: 'data\n*.md\n' },
    { file: 'app/src/data/x.bin', content: 'x' },
    { file: 'app/docs/a.md', content: '# a\n' },
  ]);
});
afterAll(() => dir?.cleanup());

describe('check under GitHub Actions', () => {
  it('annotates each denied path as an error on the file, relative to GITHUB_WORKSPACE', async () => {
    const r = await runCli(['check', 'app'], { cwd: dir.path, env: GHA(dir.path) });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error file=app/.env,title=ctxlens check%3A deny%3Asecrets::.env is sent in the Docker build context (environment file (.env*)). Add ".env" to app/.dockerignore.\n');
    expect(r.stdout).toContain('::error file=app/test/fixtures/.env.test,title=ctxlens check%3A deny%3Asecrets::');
  });

  it('a size limit annotates its biggest paths, hedged: the image may need them', async () => {
    const r = await runCli(['check', 'app', '--deny', 'none', '--max-size', '1kB'], { cwd: dir.path, env: GHA(dir.path) });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=app\/[^,]+,title=ctxlens check%3A maxSize::\S+ is sent in the Docker build context\. Add "[^"]+" to app\/\.dockerignore if the image does not need it\.$/m);
  });

  it('prints no annotation outside GitHub Actions', async () => {
    const r = await runCli(['check', 'app'], { cwd: dir.path });
    expect(r.stdout).not.toContain('::error');
  });

  it('--json keeps stdout JSON; the annotations go to stderr', async () => {
    const r = await runCli(['check', 'app', '--json'], { cwd: dir.path, env: GHA(dir.path) });
    expect(JSON.parse(r.stdout).passed).toBe(false);
    expect(r.stderr).toContain('::error file=app/.env,');
  });
});

describe('check: WARN level and allowlist', () => {
  it('--warn reports WARN, annotates a warning, and passes', async () => {
    const r = await runCli(['check', 'app', '--deny', 'none', '--warn', 'secrets,vcs'], { cwd: dir.path, env: GHA(dir.path) });
    expect(r.stdout).toContain('WARN warn:secrets (2 paths sent)');
    expect(r.stdout).toContain('WARN warn:vcs (1 path sent)');
    expect(r.stdout).toContain('::warning file=app/.env,title=ctxlens check%3A warn%3Asecrets::');
    expect(r.stdout).not.toContain('::error');
    expect(r.code).toBe(0);
  });

  it('a category both denied and warned fails', async () => {
    const r = await runCli(['check', 'app', '--deny', 'secrets', '--warn', 'secrets'], { cwd: dir.path });
    expect(r.stdout).toContain('FAIL deny:secrets (2 paths sent)');
    expect(r.code).toBe(1);
  });

  it('--allow lets one path through; the other still fails', async () => {
    const r = await runCli(['check', 'app', '--allow', 'secrets=test/fixtures/.env.test'], { cwd: dir.path });
    expect(r.stdout).toContain('FAIL deny:secrets (1 path sent, 1 allowed path not counted)');
    expect(r.stdout).not.toContain('test/fixtures/.env.test');
    expect(r.code).toBe(1);
  });

  it('the config file: warn, and allow by category and for any category ("*"); a flag adds to it', async () => {
    writeFileSync(join(dir.path, 'app/.ctxlens.json'), JSON.stringify({ deny: ['secrets'], warn: ['vcs'], allow: { secrets: ['test/fixtures'], '*': ['./.env'] } }));
    try {
      const r = await runCli(['check', 'app', '--json'], { cwd: dir.path });
      const json = JSON.parse(r.stdout);
      expect(json.config.allow).toEqual({ secrets: ['test/fixtures'], '*': ['.env'] });
      expect(json.rules.find((x: { rule: string }) => x.rule === 'deny:secrets')).toMatchObject({ status: 'pass', allowed: 2, offenderCount: 0 });
      expect(json.rules.find((x: { rule: string }) => x.rule === 'warn:vcs')).toMatchObject({ status: 'warn', offenderCount: 1 });
      expect(r.code).toBe(0);
      const flagged = await runCli(['check', 'app', '--allow', '.git'], { cwd: dir.path });
      expect(flagged.stdout).toContain('PASS warn:vcs (none sent, 1 allowed path not counted)');
    } finally {
      writeFileSync(join(dir.path, 'app/.ctxlens.json'), '{}');
    }
  });

  it.each([
    [['--allow', 'secret=x'], '--allow: unknown category "secret"'],
    [['--allow', '../etc/passwd'], '--allow: "../etc/passwd" is not a path inside the context'],
    [['--warn', 'nope'], '--warn: unknown warn category "nope"'],
  ])('%j is a usage error', async (args, message) => {
    const r = await runCli(['check', 'app', ...args], { cwd: dir.path });
    expect(r.stderr).toContain(message);
    expect(r.code).toBe(2);
  });
});

describe('check: the job summary', () => {
  it('an unwritable GITHUB_STEP_SUMMARY is a warning; the verdict stands', async () => {
    const summary = join(dir.path, 'no-such-dir', 'summary.md');
    const pass = await runCli(['check', 'app', '--deny', 'none'], { cwd: dir.path, env: { ...GHA(dir.path), GITHUB_STEP_SUMMARY: summary } });
    expect(pass.stderr).toContain(`::warning title=ctxlens check::cannot write the job summary to GITHUB_STEP_SUMMARY=${summary} (ENOENT); the check itself ran`);
    expect(pass.code).toBe(0);
    const fail = await runCli(['check', 'app'], { cwd: dir.path, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(fail.stderr).toContain('ctxlens: warning: cannot write the job summary');
    expect(fail.code).toBe(1);
  });

  it('a WARN rule shows in the summary', async () => {
    const summary = join(dir.path, 'summary.md');
    writeFileSync(summary, '');
    await runCli(['check', 'app', '--deny', 'none', '--warn', 'vcs'], { cwd: dir.path, env: { GITHUB_STEP_SUMMARY: summary } });
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('## ctxlens check: ⚠️ passed with warnings');
    expect(md).toContain('| warn:vcs | ⚠️ WARN |');
  });
});

describe('lint under GitHub Actions', () => {
  it('annotates each finding on its ignore-file line', async () => {
    const r = await runCli(['lint', 'app'], { cwd: dir.path, env: GHA(dir.path) });
    expect(r.stdout).toMatch(/^::warning file=app\/\.dockerignore,line=1,title=ctxlens lint%3A anchored-name::"data" only matches at the context root/m);
    expect(r.stdout).toMatch(/^::warning file=app\/\.dockerignore,line=2,title=ctxlens lint%3A anchored-name::.*%0Afix: Write "\*\*\/\*\.md" to match it at any depth\.$/m);
    expect(r.code).toBe(1);
    const plain = await runCli(['lint', 'app'], { cwd: dir.path });
    expect(plain.stdout).not.toContain('::warning');
  });
});

// `ctxlens check`, end to end: one purpose-built fixture per deny category that fails, then passes
// once .dockerignore excludes the offender; limits; builder divergence; configuration sources;
// the GitHub step summary; every error path.
import type { TempDir, TreeSpec } from '@ctxlens/test-fixtures';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, hasStackTrace, runCli } from './helpers/built-cli.js';
import { fixture, WEB_PROJECT } from './helpers/fixtures.js';

beforeAll(() => ensureBuilt());

const BASE: TreeSpec = [
  { file: 'Dockerfile', content: 'FROM node:20\nCOPY . .\n' },
  { file: 'src/index.js', content: 'console.log(1)\n' },
];

/** One row per deny category: what to add to the tree, the offender reported, the line that fixes it. */
const CATEGORY_CASES: { category: string; spec: TreeSpec; offender: string; fix: string }[] = [
  { category: 'secrets', spec: [{ file: '.env', content: 'API_KEY=x\n' }, { file: '.env.example', content: 'API_KEY=\n' }], offender: '.env', fix: '.env' },
  { category: 'secrets', spec: [{ file: 'certs/tls.pem', content: '-----BEGIN PRIVATE KEY-----\nMII\n' }, { file: 'certs/ca.pem', content: '-----BEGIN CERTIFICATE-----\n' }], offender: 'certs/tls.pem', fix: 'certs/tls.pem' },
  { category: 'secrets', spec: [{ file: '.npmrc', content: '//registry.npmjs.org/:_authToken=npm_abc\n' }], offender: '.npmrc', fix: '.npmrc' },
  { category: 'secrets', spec: [{ file: 'deploy/.aws/credentials', content: '[default]\naws_secret_access_key=x\n' }], offender: 'deploy/.aws/credentials', fix: 'deploy/.aws/credentials' },
  { category: 'vcs', spec: [{ file: '.git/HEAD', content: 'ref: refs/heads/main\n' }, { file: '.git/objects/ab/cdef', size: 5000 }], offender: '.git/', fix: '.git' },
  { category: 'dependencies', spec: [{ file: 'node_modules/lodash/index.js', size: 70_000 }, { file: 'packages/ui/node_modules/react/index.js', size: 7000 }], offender: 'node_modules/', fix: 'node_modules' },
  { category: 'dependencies', spec: [{ file: 'vendor/github.com/x/y.go', content: 'package y\n' }], offender: 'vendor/', fix: 'vendor' },
  { category: 'test-output', spec: [{ file: 'coverage/lcov.info', size: 900 }, { file: '.nyc_output/out.json', content: '{}' }], offender: 'coverage/', fix: 'coverage' },
  { category: 'logs', spec: [{ file: 'server/debug.log', size: 4000 }, { file: 'npm-debug.log.1', content: 'x' }], offender: 'server/debug.log', fix: '**/*.log' },
  { category: 'caches', spec: [{ file: 'app/__pycache__/m.cpython-312.pyc', size: 100 }, { file: '.DS_Store', content: 'x' }], offender: 'app/__pycache__/', fix: '**/__pycache__' },
];

describe('check --deny: fails on a purpose-built fixture, passes once .dockerignore excludes it', () => {
  let dirs: TempDir[] = [];
  afterAll(async () => {
    for (const d of dirs) await d.cleanup();
    dirs = [];
  });

  it.each(CATEGORY_CASES)('$category: $offender', async ({ category, spec, offender, fix }) => {
    const dir = await fixture([...BASE, ...spec]);
    dirs.push(dir);
    const fail = await runCli(['check', '--deny', category], { cwd: dir.path });
    expect(fail.code, fail.stdout + fail.stderr).toBe(1);
    expect(fail.stdout).toContain(`FAIL deny:${category} (`);
    const line = fail.stdout.split('\n').find((l) => l.includes(` ${offender} `) || l.includes(` ${offender}\t`));
    expect(line, fail.stdout).toBeDefined();
    expect(line).toContain(`→ ${fix}`);
    expect(fail.stdout).toMatch(/check failed: 1 of 1 rule\./);

    // Apply every suggested line: the check passes.
    const doc = JSON.parse((await runCli(['check', '--deny', category, '--json'], { cwd: dir.path })).stdout);
    const lines = doc.rules.flatMap((r: { offenders: { suggestedLine: string }[] }) => r.offenders.map((o) => o.suggestedLine));
    expect(lines).toContain(fix);
    writeFileSync(join(dir.path, '.dockerignore'), [...new Set(lines)].join('\n') + '\n');
    const pass = await runCli(['check', '--deny', category], { cwd: dir.path });
    expect(pass.code, pass.stdout).toBe(0);
    expect(pass.stdout).toContain(`PASS deny:${category} (none sent)`);
  });

  it('templates and public certificates are not secrets', async () => {
    const dir = await fixture([...BASE, { file: '.env.example', content: 'A=\n' }, { file: 'ca.pem', content: '-----BEGIN CERTIFICATE-----\n' }, { file: '.npmrc', content: 'save-exact=true\n' }]);
    dirs.push(dir);
    expect(await runCli(['check', '--deny', 'secrets'], { cwd: dir.path })).toMatchObject({ code: 0 });
  });

  it('a key a dependency ships is "dependencies", not "secrets"', async () => {
    const dir = await fixture([...BASE, { file: 'node_modules/tls-test/fixtures/key.pem', content: '-----BEGIN RSA PRIVATE KEY-----\n' }]);
    dirs.push(dir);
    expect((await runCli(['check', '--deny', 'secrets'], { cwd: dir.path })).code).toBe(0);
    expect((await runCli(['check', '--deny', 'dependencies'], { cwd: dir.path })).code).toBe(1);
  });
});

describe('check: limits, builder divergence, output', () => {
  let dir: TempDir;
  beforeAll(async () => {
    dir = await fixture([...WEB_PROJECT, { file: '.dockerignore', content: 'node_modules\n.git\ncoverage\n**/*.log\n.env\nbuild\n!**/*.map\n' }, { file: 'build/app.js.map', content: '{}' }, { file: 'build/app.js', content: 'x' }]);
  });
  afterAll(() => dir.cleanup());

  it('maxSize and maxFiles pass and fail, with the biggest offenders', async () => {
    const fail = await runCli(['check', '--max-size', '1MB', '--max-files', '3'], { cwd: dir.path });
    expect(fail.code).toBe(1);
    expect(fail.stdout).toMatch(/^FAIL maxSize \(upload bytes 2\.0\d+MB, over the 1MB limit\)$/m);
    expect(fail.stdout).toMatch(/^\s+2MB\s+assets\/video\.mp4\s+→ assets\/video\.mp4 \(if the image does not need it\)$/m);
    expect(fail.stdout).toMatch(/^FAIL maxFiles \(\d+ files, over the 3 limit\)$/m);
    expect(fail.stdout).toContain('PASS deny:secrets (none sent)');
    expect(fail.stdout).toContain('SKIP builderDivergence (not configured)');
    const pass = await runCli(['check', '--max-size', '50MB', '--max-files', '5000'], { cwd: dir.path });
    expect(pass.code).toBe(0);
    expect(pass.stdout).toMatch(/^PASS maxSize \(upload bytes 2\.0\d+MB, limit 50MB\)$/m);
    expect(pass.stdout).toMatch(/^PASS maxFiles \(\d+ files, limit 5,000\)$/m);
    expect(pass.stdout).toContain('check passed: 3 rules, 2 skipped.');
  });

  it('builderDivergence fails when only BuildKit re-includes build/app.js.map', async () => {
    const r = await runCli(['check', '--builder-divergence', '--deny', 'none'], { cwd: dir.path });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL builderDivergence (1 path sent by one builder only)');
    expect(r.stdout).toMatch(/build\/app\.js\.map\s+only BuildKit sends it\s+→ !build\/app\.js\.map/);
    writeFileSync(join(dir.path, '.dockerignore'), readFileSync(join(dir.path, '.dockerignore'), 'utf8') + '!build/app.js.map\n');
    const ok = await runCli(['check', '--builder-divergence', '--deny', 'none'], { cwd: dir.path });
    expect(ok.stdout).toContain('PASS builderDivergence (BuildKit and the legacy builder send the same entries)');
    expect(ok.code).toBe(0);
    // A Dockerfile that copies one file: BuildKit sends far less, but both builders read the rules alike.
    writeFileSync(join(dir.path, 'Dockerfile.subset'), 'FROM scratch\nCOPY package.json /\n');
    const subset = await runCli(['check', '--builder-divergence', '--deny', 'none', '-f', 'Dockerfile.subset'], { cwd: dir.path });
    expect(subset.stdout).toContain('PASS builderDivergence');
    expect(subset.code).toBe(0);
  });

  it('--json: schemaVersion, passed, config and rules with offenders', async () => {
    const r = await runCli(['check', '--json', '--max-size', '1MB'], { cwd: dir.path });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 2, builder: 'buildkit', passed: false, config: { source: null, maxSize: 1_000_000, maxFiles: null, deny: ['secrets'], builderDivergence: false } });
    expect(doc.rules.map((x: { rule: string; status: string }) => `${x.status} ${x.rule}`)).toEqual(['fail maxSize', 'skip maxFiles', 'skip maxUnused', 'pass deny:secrets', 'skip builderDivergence']);
    expect(doc.rules[0].offenders[0]).toEqual({ path: 'assets/video.mp4', type: 'file', files: 1, bytes: 2_000_000, reason: null, suggestedLine: 'assets/video.mp4' });
  });

  it('writes a Markdown summary with the offenders table when GITHUB_STEP_SUMMARY is set', async () => {
    const summary = join(dir.path, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    try {
      const r = await runCli(['check', '--max-size', '1MB', '-q'], { cwd: dir.path, env: { GITHUB_STEP_SUMMARY: summary } });
      expect(r).toMatchObject({ code: 1, stdout: '' });
      const md = readFileSync(summary, 'utf8');
      expect(md.startsWith('# earlier step\n## ctxlens check: ❌ failed\n')).toBe(true);
      expect(md).toContain('| maxSize | ❌ FAIL | upload ');
      expect(md).toContain('| Rule | Path | Size | Files | Suggested `.dockerignore` line |');
      expect(md).toContain('| maxSize | <code>assets/video.mp4</code> | 2MB | 1 | <code>assets/video.mp4</code> if the image does not need it |');
    } finally {
      rmSync(summary);
    }
  });
});

describe('check: configuration', () => {
  let dir: TempDir;
  beforeAll(async () => {
    dir = await fixture([...BASE, { file: '.git/HEAD', content: 'ref\n' }, { file: 'big.bin', size: 3_000_000 }]);
  });
  afterAll(() => dir.cleanup());
  const write = (name: string, content: unknown) => writeFileSync(join(dir.path, name), typeof content === 'string' ? content : JSON.stringify(content));
  const remove = (name: string) => rmSync(join(dir.path, name), { force: true });

  it('reads .ctxlens.json', async () => {
    write('.ctxlens.json', { maxSize: '1MB', deny: ['vcs'] });
    try {
      const r = await runCli(['check'], { cwd: dir.path });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('FAIL maxSize');
      expect(r.stdout).toContain('FAIL deny:vcs');
      expect(r.stdout).not.toContain('deny:secrets');
      // Flags win over the file, key by key.
      const flags = await runCli(['check', '--max-size', '10MB', '--deny', 'secrets'], { cwd: dir.path });
      expect(flags.code).toBe(0);
    } finally {
      remove('.ctxlens.json');
    }
  });

  it('reads package.json#ctxlens, and the context directory when given', async () => {
    write('package.json', { name: 'x', ctxlens: { maxFiles: 1 } });
    try {
      const r = await runCli(['check', dir.path]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('FAIL maxFiles');
      const json = JSON.parse((await runCli(['check', dir.path, '--json'])).stdout);
      expect(json.config.source).toBe(`${join(dir.path, 'package.json')}#ctxlens`);
    } finally {
      remove('package.json');
    }
  });

  it('--config names another file', async () => {
    write('ci.json', { builderDivergence: true, deny: [] });
    try {
      const r = await runCli(['check', '--config', 'ci.json'], { cwd: dir.path });
      expect(r.stdout).toContain('PASS builderDivergence');
      expect(r.stdout).toContain('SKIP deny (no category denied)');
    } finally {
      remove('ci.json');
    }
  });

  it.each([
    { file: '.ctxlens.json', content: '{ nope', message: 'invalid JSON' },
    { file: '.ctxlens.json', content: { maxSzie: '1MB' }, message: 'unknown key "maxSzie"' },
    { file: '.ctxlens.json', content: { maxSize: 'huge' }, message: 'maxSize "huge" is not a size' },
    { file: '.ctxlens.json', content: { maxFiles: -1 }, message: 'maxFiles must be a whole number' },
    { file: '.ctxlens.json', content: { deny: ['passwords'] }, message: 'unknown deny category "passwords"' },
    { file: '.ctxlens.json', content: [], message: 'must be a JSON object' },
    { file: 'package.json', content: { ctxlens: { builderDivergence: 'yes' } }, message: 'package.json#ctxlens: builderDivergence must be true or false' },
  ])('bad config in $file: $message (exit 2)', async ({ file, content, message }) => {
    write(file, content);
    try {
      const r = await runCli(['check'], { cwd: dir.path });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain(file);
      expect(hasStackTrace(r.stderr)).toBe(false);
    } finally {
      remove(file);
    }
  });

  it.each([
    { args: ['--max-size', 'lots'], message: '--max-size: "lots" is not a size' },
    { args: ['--max-files', '1.5'], message: '--max-files: "1.5" is not a whole number' },
    { args: ['--deny', 'secrets,passwords'], message: 'unknown deny category "passwords"' },
    { args: ['--config', 'missing.json'], message: 'config file not found' },
    { args: ['-f', 'nope'], message: 'Cannot locate Dockerfile' },
    { args: ['--wat'], message: 'Unknown argument: wat' },
  ])('bad usage $args (exit 2)', async ({ args, message }) => {
    const r = await runCli(['check', ...args], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

// `ctxlens suggest`, end to end: lines from categories and from .gitignore files translated to
// Docker patterns, savings that match the engine, and --write keeping every existing byte.
import { computeContextWithBaseline } from '@ctxlens/core';
import type { TempDir, TreeSpec } from '@ctxlens/test-fixtures';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, hasStackTrace, runCli } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';
import { linkIgnoreFile, linkState, SHARED_MODE } from './helpers/linked-ignore.js';

beforeAll(() => ensureBuilt());
const dirs: TempDir[] = [];
afterAll(async () => {
  for (const d of dirs) await d.cleanup();
});
async function tree(spec: TreeSpec): Promise<string> {
  // Reads the whole context: suggestions are about the ignore file.
  const d = await fixture([{ file: 'Dockerfile', content: 'FROM node:20\nCOPY . .\n' }, ...spec]);
  dirs.push(d);
  return d.path;
}
const suggestJson = async (cwd: string, args: string[] = []) => JSON.parse((await runCli(['suggest', '--json', ...args], { cwd })).stdout);

describe('ctxlens suggest', () => {
  it('translates gitignore rules into Docker patterns: node_modules/ at any depth becomes **/node_modules', async () => {
    const dir = await tree([
      { file: '.gitignore', content: 'node_modules/\n*.log\n/dist\n' },
      { file: 'node_modules/a/index.js', size: 50_000 },
      { file: 'packages/ui/node_modules/b/index.js', size: 20_000 },
      { file: 'packages/ui/debug.log', size: 700 },
      { file: 'dist/app.js', size: 9000 },
      { file: 'src/dist/keep.js', content: 'not ignored: /dist is anchored' },
    ]);
    const r = await runCli(['suggest'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^  \*\*\/node_modules\s+70kB\s+2 files\s+dependencies; \.gitignore:1 \(node_modules\/\)$/m);
    expect(r.stdout).toMatch(/^  dist\s+9kB\s+1 file\s+\.gitignore:3 \(\/dist\)$/m);
    expect(r.stdout).toMatch(/^  \*\*\/\*\.log\s+700B\s+1 file\s+(logs; )?\.gitignore:2 \(\*\.log\)(; logs)?$/m);
    expect(r.stdout).toContain('Together: 4 fewer files');
    const doc = await suggestJson(dir);
    expect(doc.suggestions.map((s: { line: string }) => s.line)).toEqual(['**/node_modules', 'dist', '**/*.log']);
  });

  it('each line\'s saving is exact: applying them gives the engine\'s new size', async () => {
    const dir = await tree([
      { file: '.gitignore', content: 'coverage\n.cache/\n' },
      { file: '.git/HEAD', content: 'ref\n' },
      { file: '.git/objects/x', size: 30_000 },
      { file: 'coverage/lcov.info', size: 4000 },
      { file: '.cache/x/y', size: 1000 },
      { file: 'src/a.js', content: 'a' },
      { file: '.dockerignore', content: '' },
    ]);
    const before = (await computeContextWithBaseline(dir, { wholeContext: true })).context.sizes;
    const doc = await suggestJson(dir, ['--write']);
    expect(doc.written).toBe(true);
    const after = (await computeContextWithBaseline(dir, { wholeContext: true })).context.sizes;
    const sum = (k: 'bytes' | 'files') => doc.suggestions.reduce((n: number, s: Record<string, number>) => n + s[k]!, 0);
    // The ignore file itself is sent, and it grew by the lines written.
    const grown = readFileSync(join(dir, '.dockerignore')).length;
    expect(sum('bytes')).toBe(before.bytes - after.bytes + grown);
    expect(sum('files')).toBe(before.files - after.files);
    expect(doc.after).toMatchObject({ bytes: after.bytes - grown, files: after.files });
  });

  it('--write keeps the BOM, CRLF endings, comments, and a last line without newline', async () => {
    const original = Buffer.from('\uFEFF# build output\r\nbuild\r\n!build/keep.txt', 'utf8');
    const dir = await tree([{ file: '.dockerignore', content: original }, { file: 'node_modules/x.js', size: 100 }, { file: 'build/keep.txt' }]);
    const r = await runCli(['suggest', '--write'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Added to .dockerignore:');
    const bytes = readFileSync(join(dir, '.dockerignore'));
    expect(bytes.subarray(0, original.length).equals(original)).toBe(true);
    expect(bytes.subarray(original.length).toString('utf8')).toBe('\r\nnode_modules\r\n');
    // Nothing left to suggest, and a second --write changes nothing.
    expect((await runCli(['suggest', '--write'], { cwd: dir })).stdout).toContain('Nothing to suggest');
    expect(readFileSync(join(dir, '.dockerignore')).equals(bytes)).toBe(true);
  });

  it('--write creates .dockerignore when there is none', async () => {
    const dir = await tree([{ file: '.env', content: 'TOKEN=1\n' }, { file: '.env.example', content: 'TOKEN=\n' }]);
    await runCli(['suggest', '--write', '-q'], { cwd: dir });
    expect(readFileSync(join(dir, '.dockerignore'), 'utf8')).toBe('.env\n');
  });

  it.each(['inside', 'outside'] as const)('--write through a .dockerignore linked to a shared file %s the context writes the shared file and keeps the link', async (place) => {
    const dir = await tree([{ file: 'node_modules/x.js', size: 100 }]);
    const linked = await linkIgnoreFile(dir, place, '# shared\nbuild\n');
    try {
      const before = linkState(linked);
      // BuildKit reads no ignore file through a link out of the context (next test); the legacy client follows it.
      const r = await runCli(['suggest', '--write', ...(place === 'outside' ? ['--builder', 'legacy'] : [])], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.stdout.split('\n')[0]).toBe('Added to .dockerignore:');
      expect(linkState(linked)).toEqual({ ...before, content: '# shared\nbuild\nnode_modules\n', mode: SHARED_MODE });
      expect((await runCli(['suggest', ...(place === 'outside' ? ['--builder', 'legacy'] : [])], { cwd: dir })).stdout).toContain('Nothing to suggest');
    } finally {
      await linked.cleanup();
    }
  });

  it('--write under BuildKit refuses a .dockerignore linked out of the context, which BuildKit does not read, and warns about it without --write', async () => {
    const dir = await tree([{ file: 'node_modules/x.js', size: 100 }]);
    const linked = await linkIgnoreFile(dir, 'outside', 'build\n');
    try {
      const before = linkState(linked);
      const r = await runCli(['suggest', '--write'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`ctxlens: ${linked.link} is a symbolic link that BuildKit does not follow out of the context`);
      expect(r.stderr).toContain('hint: Replace the link with a regular file');
      expect(linkState(linked)).toEqual(before);
      const json = JSON.parse((await runCli(['size', '--json'], { cwd: dir })).stdout);
      expect(json.diagnostics.map((d: { code: string }) => d.code)).toContain('ignore-file-link-outside-context');
    } finally {
      await linked.cleanup();
    }
  });

  const root = process.getuid?.() === 0;
  it.skipIf(!root)(`--write refuses, saying why and how to fix it, when the link's target is writable but its directory is not${root ? '' : ' (skipped: needs root to run as another user)'}`, async () => {
    const dir = await tree([{ file: 'node_modules/x.js', size: 100 }]);
    const linked = await linkIgnoreFile(dir, 'outside', 'build\n');
    try {
      // nobody may read both directories and write the shared file, but not create files beside it.
      chmodSync(dir, 0o755);
      chmodSync(dirname(linked.target), 0o755);
      chmodSync(linked.target, 0o666);
      const before = linkState(linked);
      const r = await runCli(['suggest', '--write', '--builder', 'legacy', dir], { uid: 65534 });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `ctxlens: cannot save ${linked.link}: a save writes a new file in ${dirname(linked.target)} and renames it over ${linked.target}, and ${dirname(linked.target)} is not writable (EACCES); nothing was written\n` +
          `  hint: Make ${dirname(linked.target)} writable for you (the file's own permissions are not enough), or save a copy elsewhere.\n`,
      );
      expect(linkState(linked)).toEqual(before);
    } finally {
      await linked.cleanup();
    }
  });

  it('a gitignore exception keeps its path: .env* with !.env.example becomes the ignored paths only', async () => {
    const dir = await tree([{ file: '.gitignore', content: '.env*\n!.env.example\n' }, { file: '.env.local', content: 'A=1' }, { file: '.env.example', content: 'A=' }]);
    const doc = await suggestJson(dir, ['--no-gitignore']);
    expect(doc.suggestions.map((s: { line: string }) => s.line)).toEqual(['.env.local']);
    const full = await suggestJson(dir);
    expect(full.suggestions).toHaveLength(1);
    expect(full.suggestions[0].sources).toEqual([
      { kind: 'category', category: 'secrets', reason: 'environment file (.env*)' },
      { kind: 'gitignore', file: join(dir, '.gitignore'), line: 1, text: '.env*' },
    ]);
  });

  it('a directory-only rule: where a file shares the name, only the directory contents are suggested', async () => {
    const dir = await tree([{ file: '.gitignore', content: 'out/\n' }, { file: 'a/out/big.bin', size: 5000 }, { file: 'docs/out', content: 'a file named out, not ignored by git' }]);
    const doc = await suggestJson(dir);
    expect(doc.suggestions.map((s: { line: string }) => s.line)).toEqual(['**/out/**']);
  });

  it('nested .gitignore files apply below their directory; a parent .gitignore of the git work tree applies too', async () => {
    const repo = await fixture([{ file: '.gitignore', content: 'tmp/\n/app/generated\n' }, { file: 'app/Dockerfile', content: 'FROM node:20\nCOPY . .\n' }, { file: 'app/web/.gitignore', content: 'build\n' }, { file: 'app/web/build/x.js', size: 300 }, { file: 'app/tmp/t', size: 200 }, { file: 'app/generated/g.ts', size: 100 }]);
    dirs.push(repo);
    mkdirSync(join(repo.path, '.git'));
    const doc = await suggestJson(join(repo.path, 'app'));
    expect(doc.suggestions.map((s: { line: string }) => s.line).sort()).toEqual(['**/tmp', 'generated', 'web/**/build']);
  });

  it('never suggests excluding the Dockerfile or the ignore file', async () => {
    const dir = await tree([{ file: '.gitignore', content: 'Dockerfile\n.dockerignore\n' }, { file: '.dockerignore', content: '# empty\n' }]);
    expect((await suggestJson(dir)).suggestions).toEqual([]);
  });

  it('really excludes with docker\'s own semantics: odd names are escaped', async () => {
    const dir = await tree([{ file: '.gitignore', content: '\\[draft\\]*\n' }, { file: '[draft] notes.md', size: 10 }, { file: '#tmp', content: 'x' }, { file: '.gitignore2', content: '' }]);
    writeFileSync(join(dir, '.gitignore'), '\\[draft\\]*\n\\#tmp\n');
    const doc = await suggestJson(dir, ['--write']);
    expect(doc.suggestions.map((s: { line: string }) => s.line)).toEqual(['**/\\[draft\\]*', '**/\\#tmp']);
    const ls = await runCli(['ls'], { cwd: dir });
    expect(ls.stdout).not.toContain('draft');
    expect(ls.stdout).not.toContain('#tmp');
  });

  it('errors: an ignore file Docker cannot read is named, exit 2', async () => {
    const dir = await tree([]);
    mkdirSync(join(dir, '.dockerignore'));
    const r = await runCli(['suggest'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot read ${join(dir, '.dockerignore')}`);
    expect(r.stderr).toContain('Docker fails the build when it cannot read the ignore file');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('works in a real git checkout too', async () => {
    const dir = await tree([{ file: '.gitignore', content: '*.tmp\n' }, { file: 'x.tmp', size: 10 }]);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const doc = await suggestJson(dir);
    expect(doc.suggestions.map((s: { line: string }) => s.line)).toEqual(['.git', '**/*.tmp']);
  });
});

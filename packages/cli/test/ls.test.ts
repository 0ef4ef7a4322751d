// `ctxlens ls`, end to end: the built CLI on fixture trees.
import { computeContext } from '@ctxlens/core';
import type { TempDir } from '@ctxlens/test-fixtures';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, hasStackTrace, runCli } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';

let dir: TempDir;
beforeAll(async () => {
  ensureBuilt();
  dir = await fixture([
    // Reads the whole context: most tests here are about the ignore file and the listing.
    { file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' },
    { file: '.dockerignore', content: '# comment\nbuild\n!**/*.map\nsecret.txt\nDockerfile\n' },
    { file: 'b.txt', content: 'b' },
    { file: 'a b/[x].txt', content: 'x' },
    { file: 'build/out.js', content: 'js' },
    { file: 'build/out.js.map', content: '{}' },
    { file: 'secret.txt', content: 'shh' },
    { file: 'Z.txt', content: 'upper' },
    { file: 'é.txt', content: 'accent' },
    { symlink: 'link', target: 'b.txt' },
    { dir: 'empty' },
  ]);
});
afterAll(() => dir.cleanup());

describe('ctxlens ls', () => {
  it('prints files and symlinks, not directories, in byte order (BuildKit by default)', async () => {
    const r = await runCli(['ls', dir.path]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    // BuildKit walks into build/ because the exception holds a glob, and does not force the Dockerfile in.
    expect(r.stdout).toBe(['.dockerignore', 'Z.txt', 'a b/[x].txt', 'b.txt', 'build/out.js.map', 'link', 'é.txt', ''].join('\n'));
  });

  it('matches the engine (computeContext().filePaths())', async () => {
    for (const builder of ['buildkit', 'legacy'] as const) {
      const r = await runCli(['ls', dir.path, '--builder', builder]);
      const ctx = await computeContext(dir.path, { builder, wholeContext: true });
      expect(r.stdout).toBe(ctx.filePaths().map((p) => p + '\n').join(''));
    }
  });

  it('--builder legacy: never enters build/, and forces the Dockerfile back in', async () => {
    const r = await runCli(['ls', dir.path, '--builder', 'legacy']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual(['.dockerignore', 'Dockerfile', 'Z.txt', 'a b/[x].txt', 'b.txt', 'link', 'é.txt', '']);
  });

  it('-z ends every path with NUL', async () => {
    const r = await runCli(['ls', '-z', dir.path]);
    expect(r.stdout.split('\0')).toEqual(['.dockerignore', 'Z.txt', 'a b/[x].txt', 'b.txt', 'build/out.js.map', 'link', 'é.txt', '']);
  });

  it('--json: schemaVersion, inputs, and one object per path', async () => {
    const r = await runCli(['ls', dir.path, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 2, builder: 'buildkit', contextDir: dir.path, dockerfile: join(dir.path, 'Dockerfile'), ignoreFile: join(dir.path, '.dockerignore'), count: 7 });
    expect(doc.files[0]).toEqual({ path: '.dockerignore', type: 'file', size: 48 });
    expect(doc.files.find((f: { path: string }) => f.path === 'link')).toEqual({ path: 'link', type: 'symlink', size: 0, target: 'b.txt' });
  });

  it('runs from the context directory by default, and -q prints nothing', async () => {
    expect((await runCli(['ls'], { cwd: dir.path })).stdout).toContain('b.txt\n');
    const quiet = await runCli(['ls', '-q'], { cwd: dir.path });
    expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('-f picks another Dockerfile, relative to the current directory; BuildKit then reads <Dockerfile>.dockerignore', async () => {
    writeFileSync(join(dir.path, 'prod.Dockerfile'), 'FROM scratch\nCOPY . /\n');
    writeFileSync(join(dir.path, 'prod.Dockerfile.dockerignore'), '*\n!b.txt\n');
    try {
      const r = await runCli(['ls', '.', '-f', 'prod.Dockerfile'], { cwd: dir.path });
      expect(r).toMatchObject({ code: 0, stdout: 'b.txt\n' });
      const legacy = await runCli(['ls', '.', '-f', 'prod.Dockerfile', '--builder', 'legacy'], { cwd: dir.path });
      expect(legacy.stdout).toContain('prod.Dockerfile.dockerignore\n');
    } finally {
      (await import('node:fs')).rmSync(join(dir.path, 'prod.Dockerfile'));
      (await import('node:fs')).rmSync(join(dir.path, 'prod.Dockerfile.dockerignore'));
    }
  });

  it('--ignore-file replaces the ignore file Docker would pick', async () => {
    const other = join(dir.path, 'other.ignore');
    writeFileSync(other, '*\n!Z.txt\n');
    try {
      const r = await runCli(['ls', dir.path, '--ignore-file', other]);
      expect(r.stdout).toBe('Z.txt\n');
    } finally {
      (await import('node:fs')).rmSync(other);
    }
  });
});

describe('ctxlens ls: errors', () => {
  it('a missing directory is named, exit 2, no stack', async () => {
    const r = await runCli(['ls', join(dir.path, 'nope')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`path "${join(dir.path, 'nope')}" not found`);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('a missing Dockerfile is named, with a hint', async () => {
    const r = await runCli(['ls', dir.path, '-f', 'missing.Dockerfile'], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Cannot locate Dockerfile: "${join(dir.path, 'missing.Dockerfile')}"`);
    expect(r.stderr).toContain('hint: Check the -f path');
  });

  it('a context that is a file', async () => {
    const r = await runCli(['ls', join(dir.path, 'b.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('context must be a directory');
  });

  it('a missing --ignore-file is named', async () => {
    const r = await runCli(['ls', dir.path, '--ignore-file', 'nope.ignore'], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`ignore file not found: ${join(dir.path, 'nope.ignore')}`);
  });

  it('an invalid pattern gets file:line, the pattern and a hint', async () => {
    const bad = await fixture([{ file: 'Dockerfile' }, { file: '.dockerignore', content: 'ok\n\n  a[b  \n' }]);
    try {
      const r = await runCli(['ls'], { cwd: bad.path });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('ctxlens: .dockerignore:3: syntax error in pattern\n  pattern:   a[b  \n  hint: ');
      expect(hasStackTrace(r.stderr)).toBe(false);
    } finally {
      await bad.cleanup();
    }
  });

  it('an unknown option or a bad --builder is a usage error', async () => {
    const r = await runCli(['ls', '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown argument: frobnicate');
    const b = await runCli(['ls', '--builder', 'kaniko']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('Invalid values');
    const extra = await runCli(['ls', 'a', 'b']);
    expect(extra.code).toBe(2);
  });

  it('--help shows examples and exits 0', async () => {
    const r = await runCli(['ls', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--builder');
  });
});

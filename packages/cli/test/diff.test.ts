// `ctxlens diff`, end to end: BuildKit against the legacy builder on the same tree.
import type { TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, hasStackTrace, runCli } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';

let dir: TempDir;
let same: TempDir;
let specific: TempDir;
beforeAll(async () => {
  ensureBuilt();
  dir = await fixture([
    // Reads the whole context: the builders then differ by the ignore file alone.
    { file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' },
    { file: '.dockerignore', content: 'build\n!**/*.map\nDockerfile\n' },
    { file: 'build/a.map' },
    { file: 'build/sub/b.map' },
    { file: 'build/app.js' },
    { file: 'src/app.ts' },
  ]);
  same = await fixture([{ file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' }, { file: '.dockerignore', content: 'node_modules\n' }, { file: 'node_modules/a.js' }, { file: 'src/a.js' }]);
  // BuildKit reads Dockerfile.dockerignore; the legacy builder reads .dockerignore.
  specific = await fixture([{ file: 'Dockerfile', content: 'FROM scratch\nCOPY . /\n' }, { file: 'Dockerfile.dockerignore', content: 'secret.txt\n' }, { file: '.dockerignore', content: 'other.txt\n' }, { file: 'secret.txt' }, { file: 'other.txt' }]);
});
afterAll(async () => {
  for (const d of [dir, same, specific]) await d.cleanup();
});

describe('ctxlens diff', () => {
  it('lists what only one builder sends, explained under both; exit 1', async () => {
    const r = await runCli(['diff'], { cwd: dir.path });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'BuildKit alone sends 2 paths:',
        '  build/a.map',
        '      BuildKit: sent (.dockerignore:2:!**/*.map)',
        '      legacy: not sent (parent directory "build" is excluded by .dockerignore:1:build and never entered)',
        '  build/sub/b.map',
        '      BuildKit: sent (.dockerignore:2:!**/*.map)',
        '      legacy: not sent (parent directory "build" is excluded by .dockerignore:1:build and never entered)',
        'The legacy builder alone sends 1 path:',
        '  Dockerfile',
        '      BuildKit: not sent (.dockerignore:3:Dockerfile)',
        '      legacy: sent ((legacy builder):0:!Dockerfile: the legacy client always sends the Dockerfile and .dockerignore)',
        '',
      ].join('\n'),
    );
  });

  it('--builder legacy puts the legacy builder first', async () => {
    const r = await runCli(['diff', '--builder', 'legacy'], { cwd: dir.path });
    expect(r.stdout.split('\n')[0]).toBe('The legacy builder alone sends 1 path:');
    expect(r.stdout).toContain('      legacy: not sent (parent directory "build"');
  });

  it('exit 0 when both send the same files', async () => {
    expect(await runCli(['diff', same.path])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^BuildKit and the legacy builder send the same 3 files \(\d+ entries in all\)\.\n$/) });
  });

  it('each builder uses its own ignore file', async () => {
    const r = await runCli(['diff'], { cwd: specific.path });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('BuildKit reads Dockerfile.dockerignore; the legacy builder reads .dockerignore.');
    expect(r.stdout).toContain('  other.txt\n      BuildKit: sent (no rule matches it)\n      legacy: not sent (.dockerignore:1:other.txt)');
    expect(r.stdout).toContain('  secret.txt\n      BuildKit: not sent (Dockerfile.dockerignore:1:secret.txt)\n      legacy: sent (no rule matches it)');
  });

  it('--json', async () => {
    const r = await runCli(['diff', '--json'], { cwd: dir.path });
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 2, same: false, builders: [{ builder: 'buildkit' }, { builder: 'legacy' }] });
    expect(doc.differences[0]).toMatchObject({ path: 'Dockerfile', type: 'file', sentBy: 'legacy', buildkit: { included: false }, legacy: { included: true, rule: { source: '(legacy builder)', line: 0 } } });
    expect(doc.differences.map((d: { path: string }) => d.path)).toEqual(['Dockerfile', 'build/a.map', 'build/sub/b.map']);
  });

  it('errors: missing directory, exit 2', async () => {
    const r = await runCli(['diff', '/nonexistent']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"/nonexistent" not found');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

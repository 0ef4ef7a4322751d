// `ctxlens size`, end to end.
import { computeContextWithBaseline } from '@ctxlens/core';
import type { TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, hasStackTrace, runCli } from './helpers/built-cli.js';
import { fixture, WEB_PROJECT } from './helpers/fixtures.js';

let dir: TempDir;
let bare: TempDir;
beforeAll(async () => {
  ensureBuilt();
  dir = await fixture([...WEB_PROJECT, { file: '.dockerignore', content: 'node_modules\n.git\n' }]);
  bare = await fixture(WEB_PROJECT);
});
afterAll(async () => {
  await dir.cleanup();
  await bare.cleanup();
});

describe('ctxlens size', () => {
  it('--json holds the figures of the engine, with and without the ignore file', async () => {
    for (const builder of ['buildkit', 'legacy'] as const) {
      const r = await runCli(['size', dir.path, '--json', '--builder', builder]);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      const { context, unfiltered } = await computeContextWithBaseline(dir.path, { builder });
      expect(doc).toMatchObject({
        schemaVersion: 2,
        builder,
        files: context.sizes.files,
        bytes: context.sizes.bytes,
        tarBytes: context.sizes.tarBytes,
        dockerSize: context.sizes.dockerSize,
        withoutIgnoreFile: { files: unfiltered.sizes.files, bytes: unfiltered.sizes.bytes, tarBytes: unfiltered.sizes.tarBytes, dockerSize: unfiltered.sizes.dockerSize },
      });
      expect(doc.files).toBe(10);
      expect(doc.withoutIgnoreFile.files).toBe(14);
    }
  });

  it('prints a table of files, bytes and upload size, and what the ignore file saves', async () => {
    const r = await runCli(['size', dir.path, '--builder', 'legacy']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^\s+files\s+file bytes\s+upload bytes$/);
    expect(lines[1]).toMatch(/^context \(legacy\)\s+10\s+2\.0\d+MB\s+\S+$/);
    expect(lines[2]).toMatch(/^without \.dockerignore\s+14\s+2\.1\d*MB\s+\S+$/);
    expect(lines[3]).toMatch(/^saved\s+4\s+160\.?\d*kB\s+166.4kB$/);
    expect(r.stdout).toContain('.dockerignore saves ');
    // Not a terminal: no colour codes.
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('FORCE_COLOR colours even in a pipe; NO_COLOR does not override it', async () => {
    const r = await runCli(['size', dir.path], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(r.stdout).toContain('\u001b[');
    const off = await runCli(['size', dir.path], { env: { FORCE_COLOR: '0' } });
    expect(off.stdout).not.toContain('\u001b[');
  });

  it('without an ignore file, says so', async () => {
    const r = await runCli(['size', bare.path, '--builder', 'legacy']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No ignore file: Docker sends the whole directory.');
    expect((await runCli(['size', bare.path])).stdout).toContain('No ignore file: everything the Dockerfile reads is sent.');
    const doc = JSON.parse((await runCli(['size', bare.path, '--json'])).stdout);
    expect(doc.ignoreFile).toBeNull();
    expect(doc.withoutIgnoreFile.tarBytes).toBe(doc.tarBytes);
  });

  it('errors: missing Dockerfile, exit 2, no stack', async () => {
    const r = await runCli(['size', dir.path, '-f', '/nonexistent/Dockerfile']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Cannot locate Dockerfile: "/nonexistent/Dockerfile"');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

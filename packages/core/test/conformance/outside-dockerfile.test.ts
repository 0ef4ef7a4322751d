// `-f` naming a Dockerfile outside the context: the legacy client smuggles it into the upload under
// a random name and truncates the stream. Compared with the real Docker CLI.
import { buildTree, dockerCliStatus, type FakeDaemon, makeTempDir, runLegacyBuild, startFakeDaemon } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeContext, formatDockerSize } from '@ctxlens/core';

const docker = dockerCliStatus();

describe.skipIf(!docker.available)(`Dockerfile outside the context${docker.available ? '' : ` (skipped: ${docker.reason})`}`, () => {
  let daemon: FakeDaemon;
  beforeAll(async () => {
    daemon = await startFakeDaemon();
  });
  afterAll(() => daemon.close());

  it.each([
    ['with a .dockerignore in the context', [{ file: 'ctx/.dockerignore', content: 'b\n' }]],
    ['without a .dockerignore (Docker creates one; its order varies)', []],
    ['with a .dockerignore that excludes itself', [{ file: 'ctx/.dockerignore', content: '.dockerignore\n' }]],
  ] as const)('%s', async (_, extra) => {
    const tmp = await makeTempDir('ctxlens-outside-');
    try {
      await buildTree(tmp.path, [
        { file: 'ctx/a.txt', content: 'hello' },
        { file: 'ctx/b/c.txt', size: 700 },
        { file: 'Dockerfile.outside', content: 'FROM scratch\nCOPY . .\n' },
        ...extra,
      ]);
      const ctx = await computeContext(`${tmp.path}/ctx`, { builder: 'legacy', dockerfile: `${tmp.path}/Dockerfile.outside` });
      const real = await runLegacyBuild(daemon, `${tmp.path}/ctx`, { dockerfile: `${tmp.path}/Dockerfile.outside` });
      expect(real.error).toBeNull();
      // Without a .dockerignore, Docker appends two entries in Go's random map order: either size is right.
      const possible = [ctx.sizes.tarBytes, ...(ctx.sizes.otherTarBytes === undefined ? [] : [ctx.sizes.otherTarBytes])];
      expect(possible).toContain(real.tarBytes);
      expect(possible.map(formatDockerSize)).toContain(real.printedSize);
      expect(ctx.diagnostics.map((d) => d.code)).toContain('dockerfile-outside-context');
    } finally {
      await tmp.cleanup();
    }
  });
});

// `-f -`: the same smuggling with the stdin's bytes, and no exception for a Dockerfile in the
// context (docker/cli TrimBuildFilesFromExcludes skips it for stdin), so an ignored one stays out.
describe.skipIf(!docker.available)(`Dockerfile from stdin (-f -)${docker.available ? '' : ` (skipped: ${docker.reason})`}`, () => {
  let daemon: FakeDaemon;
  beforeAll(async () => {
    daemon = await startFakeDaemon();
  });
  afterAll(() => daemon.close());

  const stdinDockerfile = 'FROM scratch\n# from stdin: ünïcode bytes count\nCOPY . .\n';
  it.each([
    ['with a .dockerignore', [{ file: '.dockerignore', content: 'b\n' }]],
    ['without a .dockerignore (Docker creates one; its order varies)', []],
    ['with a Dockerfile on disk that the .dockerignore excludes', [{ file: '.dockerignore', content: 'Dockerfile\n' }, { file: 'Dockerfile', content: 'FROM scratch\n' }]],
    ['with a Dockerfile on disk, not excluded', [{ file: 'Dockerfile', content: 'FROM scratch\nCOPY a.txt /\n' }]],
  ] as const)('%s', async (_, extra) => {
    const tmp = await makeTempDir('ctxlens-stdin-');
    try {
      await buildTree(tmp.path, [{ file: 'a.txt', content: 'hello' }, { file: 'b/c.txt', size: 700 }, ...extra]);
      const ctx = await computeContext(tmp.path, { builder: 'legacy', dockerfileText: stdinDockerfile });
      const real = await runLegacyBuild(daemon, tmp.path, { dockerfile: '-', stdin: stdinDockerfile });
      expect(real.error).toBeNull();
      const possible = [ctx.sizes.tarBytes, ...(ctx.sizes.otherTarBytes === undefined ? [] : [ctx.sizes.otherTarBytes])];
      expect(possible).toContain(real.tarBytes);
      expect(possible.map(formatDockerSize)).toContain(real.printedSize);
      // The context's own files: the real tar less the entry Docker adds under a generated name.
      const realFiles = real.entries.map((e) => e.name).filter((n) => !n.startsWith('.dockerfile.') && n !== '.dockerignore' && !n.endsWith('/'));
      expect(ctx.filePaths().filter((p) => p !== '.dockerignore').sort()).toEqual(realFiles.sort());
    } finally {
      await tmp.cleanup();
    }
  });
});

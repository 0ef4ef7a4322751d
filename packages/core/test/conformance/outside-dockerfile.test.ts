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

import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeContext } from '../context/compute-context.js';
import { copySourceErrors } from './copy-errors.js';
import { COPY_ERROR_TREE, COPY_ERROR_VECTORS } from './copy-errors.vectors.js';

describe('copySourceErrors: a COPY of an excluded path fails before the build', () => {
  describe.each(COPY_ERROR_VECTORS)('$name', (row) => {
    let tmp: TempDir;
    beforeAll(async () => {
      tmp = await makeTempDir('ctxlens-copyerr-');
      await buildTree(tmp.path, [...COPY_ERROR_TREE, { file: 'Dockerfile', content: row.dockerfile }, { file: '.dockerignore', content: row.ignore }]);
    });
    afterAll(() => tmp.cleanup());

    it('names the failing line, the path and the ignore line', async () => {
      const ctx = await computeContext(tmp.path, { builder: 'buildkit', ...(row.buildArgs === undefined ? {} : { buildArgs: row.buildArgs }) });
      const errors = copySourceErrors(ctx);
      expect(errors.map((e) => ({ line: e.instruction.line, path: e.path, ignoreLine: e.rule?.line }))).toEqual(row.fails);
      for (const e of errors) {
        expect(e.message).toContain(`Dockerfile:${e.instruction.line} `);
        if (e.rule !== undefined) expect(e.message).toContain(`.dockerignore:${e.rule.line} (${e.rule.text})`);
      }
      // The diagnostics say the same, one per failing source.
      expect(ctx.diagnostics.filter((d) => d.code === 'buildkit-source-missing').map((d) => d.path)).toEqual(row.fails.map((f) => f.path));
    });
  });

  it('says nothing under the legacy builder', async () => {
    const tmp = await makeTempDir('ctxlens-copyerr-');
    try {
      await buildTree(tmp.path, [...COPY_ERROR_TREE, { file: 'Dockerfile', content: 'FROM scratch\nCOPY src /s/\n' }, { file: '.dockerignore', content: 'src\n' }]);
      expect(copySourceErrors(await computeContext(tmp.path, { builder: 'legacy' }))).toEqual([]);
      expect(copySourceErrors(await computeContext(tmp.path, { builder: 'buildkit' }))).toHaveLength(1);
    } finally {
      await tmp.cleanup();
    }
  });
});

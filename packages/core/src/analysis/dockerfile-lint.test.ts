import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterEach, describe, expect, it } from 'vitest';
import { computeContext } from '../context/compute-context.js';
import { lintDockerfile } from './dockerfile-lint.js';
import { DOCKERFILE_LINT_VECTORS } from './dockerfile-lint.vectors.js';

let tmp: TempDir | undefined;
afterEach(async () => {
  await tmp?.cleanup();
  tmp = undefined;
});

describe('lintDockerfile: the checklist and COPY errors', () => {
  it.each(DOCKERFILE_LINT_VECTORS)('$name', async (row) => {
    tmp = await makeTempDir('ctxlens-dflint-');
    await buildTree(tmp.path, [{ file: 'Dockerfile', content: row.dockerfile }, { file: 'app', content: 'x' }, { file: 'package.json', content: '{}' }, { file: 'debug.log', content: 'x' }, ...(row.ignore === false ? [] : [{ file: '.dockerignore', content: '*.log\n' }])]);
    const ctx = await computeContext(tmp.path, { builder: 'buildkit', ...(row.target === undefined ? {} : { target: row.target }) });
    const findings = lintDockerfile(ctx);
    expect(findings.map((f) => [f.code, f.line])).toEqual(row.findings);
    for (const f of findings) {
      expect(f.file).toBe(ctx.inputs.dockerfile);
      expect(f.fix).not.toBe('');
    }
  });

  it('the COPY error names both lines and the fix', async () => {
    tmp = await makeTempDir('ctxlens-dflint-');
    await buildTree(tmp.path, [{ file: 'Dockerfile', content: 'FROM scratch\nCOPY debug.log /x\n' }, { file: 'debug.log', content: 'x' }, { file: '.dockerignore', content: '# logs\n*.log\n' }]);
    const [f] = lintDockerfile(await computeContext(tmp.path, { builder: 'buildkit' }));
    expect(f).toMatchObject({ code: 'copy-excluded', severity: 'error', line: 2, text: 'COPY debug.log /x', fix: 'Add "!debug.log" after .dockerignore:2, or remove that line.' });
    expect(f!.message).toMatch(/^COPY debug\.log \/x: /);
    expect(f!.message).toContain('.dockerignore:2 (*.log)');
  });

  it('nothing when the Dockerfile was not read (legacy builder)', async () => {
    tmp = await makeTempDir('ctxlens-dflint-');
    await buildTree(tmp.path, [{ file: 'Dockerfile', content: 'FROM node\n' }]);
    expect(lintDockerfile(await computeContext(tmp.path, { builder: 'legacy' }))).toEqual([]);
  });
});

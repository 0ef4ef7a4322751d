import { buildTree, makeTempDir, type TempDir, type TreeSpec } from '@ctxlens/test-fixtures';
import { afterEach, describe, expect, it } from 'vitest';
import { computeContextWithBaseline } from '../context/compute-context.js';
import { lintIgnoreFile } from './lint.js';

let dir: TempDir | undefined;
afterEach(async () => {
  await dir?.cleanup();
  dir = undefined;
});

async function lint(dockerignore: string, spec: TreeSpec, builder: 'buildkit' | 'legacy' = 'buildkit') {
  dir = await makeTempDir('ctxlens-lint-');
  await buildTree(dir.path, [{ file: 'Dockerfile' }, { file: '.dockerignore', content: dockerignore }, ...spec]);
  const { context } = await computeContextWithBaseline(dir.path, { builder, wholeContext: true });
  return lintIgnoreFile(context).map((f) => `${f.line} ${f.severity} ${f.code}`);
}

describe('lintIgnoreFile', () => {
  it('an exception is not asked to re-include files inside excluded directories', async () => {
    expect(await lint('node_modules\n*.md\n!README.md\n', [{ file: 'README.md' }, { file: 'CHANGELOG.md' }, { file: 'node_modules/x/README.md' }])).toEqual([]);
  });

  it('but it is when a deeper match is excluded on its own', async () => {
    expect(await lint('**/*.md\n!README.md\n', [{ file: 'README.md' }, { file: 'docs/README.md' }])).toEqual(['2 warning anchored-name']);
  });

  it('judges rule effects under the chosen builder', async () => {
    const rules = 'build\n!build/keep/**\n';
    const spec: TreeSpec = [{ file: 'build/keep/a' }, { file: 'build/b' }];
    expect(await lint(rules, spec, 'buildkit')).toEqual([]);
    expect(await lint(rules, spec, 'legacy')).toEqual([]);
  });

  it('no findings without an ignore file', async () => {
    dir = await makeTempDir('ctxlens-lint-');
    await buildTree(dir.path, [{ file: 'Dockerfile' }]);
    expect(lintIgnoreFile((await computeContextWithBaseline(dir.path, { wholeContext: true })).context)).toEqual([]);
  });
});

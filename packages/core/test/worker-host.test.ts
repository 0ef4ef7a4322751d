// The scan's worker threads run CommonJS source text (scan-workers.ts). A host process whose own
// eval code is an ES module (`node --input-type=module -e ...`, how a script may call the library)
// must still get working threads: the workers do not inherit its execArgv.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { buildTree, makeTempDir, type TempDir } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO_ROOT } from '../../cli/test/helpers/built-cli.js';

let tmp: TempDir;
beforeAll(async () => {
  ensureBuilt();
  tmp = await makeTempDir('ctxlens-host-');
  const spec = [];
  for (let d = 0; d < 20; d++) for (let f = 0; f < 10; f++) spec.push({ file: `node_modules/p${d}/f${f}.js`, size: f });
  spec.push({ file: 'src/index.js', size: 5 }, { file: '.dockerignore', content: 'node_modules\n' }, { file: 'Dockerfile', content: 'FROM scratch\n' });
  await buildTree(tmp.path, spec);
});
afterAll(() => tmp.cleanup());

describe('scan threads in a host whose eval code is an ES module', () => {
  it('measure the tree as the threadless scan does', () => {
    const core = path.join(REPO_ROOT, 'packages/core/dist/index.js');
    const code = `import { measureContext } from ${JSON.stringify(core)};
const dir = ${JSON.stringify(tmp.path)};
const threaded = await measureContext(dir, { builder: 'legacy' }, { threads: 2, minEntries: 1, taskBudget: 5 });
const single = await measureContext(dir, { builder: 'legacy' }, { threads: 1 });
console.log(JSON.stringify([threaded.unfilteredSizes.tarBytes, single.unfilteredSizes.tarBytes, threaded.unfilteredSizes.files]));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [threaded, single, files] = JSON.parse(r.stdout) as [number, number, number];
    expect(files).toBe(203);
    expect(threaded).toBe(single);
  });
});

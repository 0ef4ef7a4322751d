// The library runs inside whatever Node process imports it, started with whatever flags. Each
// case here starts such a host and checks that a threaded scan still measures the tree exactly,
// and prints nothing of its own.
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

const dist = (file: string): string => JSON.stringify(path.join(REPO_ROOT, 'packages/core/dist', file));

/** Runs a threaded and a threadless measure in a host started with `flags`; prints both tar sizes, the file count and whether the fs binding is used. */
function host(flags: string[], env: NodeJS.ProcessEnv = {}): { stdout: string; stderr: string; status: number | null } {
  const code = `import * as fs from 'node:fs';
import { measureContext } from ${dist('index.js')};
import { scanFsBinding } from ${dist('inventory/lstat-facts.js')};
const dir = ${JSON.stringify(tmp.path)};
const threaded = await measureContext(dir, { builder: 'legacy' }, { threads: 2, minEntries: 1, taskBudget: 5 });
const single = await measureContext(dir, { builder: 'legacy' }, { threads: 1 });
console.log(JSON.stringify([threaded.unfilteredSizes.tarBytes, single.unfilteredSizes.tarBytes, threaded.unfilteredSizes.files, scanFsBinding(fs) !== undefined]));`;
  return spawnSync(process.execPath, [...flags, '--input-type=module', '-e', code], { encoding: 'utf8', env: { ...process.env, ...env } });
}

let plainHost: ReturnType<typeof host> | undefined;
/** A host started with no flags, run once: what every other host is compared with. */
function plain(): ReturnType<typeof host> {
  plainHost ??= host([]);
  return plainHost;
}

/** Checks the threaded scan against the threadless one. @returns the tar size, and whether the fs binding was used */
function expectExact(r: { stdout: string; status: number | null }): [tarBytes: number, binding: boolean] {
  expect(r.status).toBe(0);
  const [threaded, single, files, binding] = JSON.parse(r.stdout) as [number, number, number, boolean];
  expect(files).toBe(203);
  expect(threaded).toBe(single);
  return [threaded, binding];
}

describe('a host whose eval code is an ES module', () => {
  // The scan threads run CommonJS source text (scan-workers.ts): they must not inherit the
  // host's --input-type=module.
  it('gets scan threads that measure the tree as the threadless scan does', () => {
    const r = plain();
    expect(r.stderr).toBe('');
    expectExact(r);
  });
});

describe("a host in which Node's fs binding would print a warning or bypass a guard", () => {
  // Pending deprecations make process.binding() print DEP0111: the scan must not use it then.
  it.each([
    ['the --pending-deprecation flag', ['--pending-deprecation'], {}],
    ['NODE_OPTIONS=--pending-deprecation', [], { NODE_OPTIONS: '--pending-deprecation' }],
    ['NODE_PENDING_DEPRECATION=1', [], { NODE_PENDING_DEPRECATION: '1' }],
  ])('%s: no warning, fs.lstatSync instead, same sizes', (_, flags, env) => {
    const r = host(flags, env);
    expect(r.stderr).toBe('');
    expect(expectExact(r)).toEqual([expectExact(plain())[0], false]);
  });

  // The permission model checks fs.lstatSync's paths; the binding would skip that check.
  it('the permission model: fs.lstatSync instead, same sizes', () => {
    const flag = Number(process.versions.node.split('.')[0]) >= 22 ? '--permission' : '--experimental-permission';
    const r = host([flag, '--allow-fs-read=*', '--allow-worker']);
    // Node's own warnings about the flags themselves are all it may print.
    expect(r.stderr.replace(/^\(node:\d+\) (ExperimentalWarning|SecurityWarning): .*\n|^\(Use `node --trace-warnings.*\n/gm, '')).toBe('');
    expect(expectExact(r)).toEqual([expectExact(plain())[0], false]);
  });
});

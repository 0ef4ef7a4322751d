// The bin keeps V8's compiled code of its commands between runs (src/compile-cache.ts), one cache
// per command, in the user's cache directory: the same output with and without it, no rewrite
// once it serves, and none at all when Node's switch turns it off.
import type { TempDir } from '@ctxlens/test-fixtures';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers/built-cli.js';
import { fixture, WEB_PROJECT } from './helpers/fixtures.js';

let web: TempDir;
let home: string;
beforeAll(async () => {
  ensureBuilt();
  web = await fixture([...WEB_PROJECT, { file: '.dockerignore', content: '.git\n' }]);
  home = mkdtempSync(join(tmpdir(), 'ctxlens-cache-home-'));
});
afterAll(() => {
  web.cleanup();
  rmSync(home, { recursive: true, force: true });
});

describe('the compile cache of the bin', () => {
  it('is written by the first run of a command, serves the next ones unchanged, and changes no output', async () => {
    const env = { XDG_CACHE_HOME: join(home, 'xdg') };
    const dir = join(home, 'xdg', 'ctxlens');
    const first = await runCli(['size', web.path, '--json'], { env });
    expect(first.code).toBe(0);
    const [sizeCache] = readdirSync(dir);
    expect(sizeCache).toMatch(/^commands\.cjs-[0-9a-f]{8}-[0-9a-f]{16}-size\.v8$/);
    const written = statSync(join(dir, sizeCache!)).mtimeMs;
    const second = await runCli(['size', web.path, '--json'], { env });
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe(first.stderr);
    // Served, so not written again.
    expect(statSync(join(dir, sizeCache!)).mtimeMs).toBe(written);
    const ls = await runCli(['ls', web.path], { env });
    expect(ls.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([sizeCache, sizeCache!.replace(/-size\.v8$/, '-ls.v8')].sort());
    const uncached = await runCli(['ls', web.path], { env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(uncached.stdout).toBe(ls.stdout);
  });

  it('is not made when NODE_DISABLE_COMPILE_CACHE is set', async () => {
    const xdg = join(home, 'off');
    const r = await runCli(['ls', web.path], { env: { XDG_CACHE_HOME: xdg, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(r.code).toBe(0);
    expect(existsSync(xdg)).toBe(false);
  });
});

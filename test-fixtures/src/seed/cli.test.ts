import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../trees/make-temp-dir.js';
import type { TempDir } from '../trees/make-temp-dir.js';
import { runSeedCli } from './cli.js';

let temp: TempDir;
beforeEach(async () => {
  temp = await makeTempDir('ctxlens-seed-cli-');
});
afterEach(async () => {
  await temp.cleanup();
});

describe('runSeedCli', () => {
  it('writes the course project with --course and lists the files', async () => {
    const lines: string[] = [];
    const out = join(temp.path, 'course');
    expect(await runSeedCli([out, '--course'], (line) => lines.push(line))).toBe(0);
    expect(lines[0]).toBe(`wrote the course exercise project to ${out}:`);
    expect(lines.slice(1).map((line) => line.trim())).toEqual(['server.js', 'package.json', 'Dockerfile', '.dockerignore']);
    expect((await readdir(out)).sort()).toEqual(['.dockerignore', 'Dockerfile', 'package.json', 'server.js']);
  });

  it('writes the seed scenario and reports the figures docker prints', async () => {
    const lines: string[] = [];
    expect(await runSeedCli([join(temp.path, 'seed')], (line) => lines.push(line))).toBe(0);
    expect(lines.some((line) => /ignored +node_modules +\d+ entries/.test(line))).toBe(true);
    expect(lines.at(-2)).toMatch(/^upload without \.dockerignore: \d+ bytes \(docker prints 1\.24GB\)$/);
    expect(lines.at(-1)).toMatch(/^upload with \.dockerignore: +2\d{6} bytes \(docker prints 2\.1MB\)$/);
    expect(await readdir(join(temp.path, 'seed'))).toContain('node_modules');
  });

  it.each([[[]], [['a', 'b']], [['out', '--bogus']]])('rejects %j with the usage line', async (argv) => {
    const lines: string[] = [];
    expect(await runSeedCli(argv, (line) => lines.push(line))).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/^usage: /)]);
  });
});

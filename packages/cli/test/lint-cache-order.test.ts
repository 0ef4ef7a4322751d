// `ctxlens lint` reports the cache-order finding on the Dockerfile: a broad COPY before a dependency
// install, at Dockerfile:line, in text, JSON and GitHub annotations.
import type { TempDir, TreeSpec } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';

beforeAll(() => ensureBuilt());

const FILES: TreeSpec = [
  { file: 'package.json', content: '{"name":"x"}\n' },
  { file: 'package-lock.json', content: '{}\n' },
  { file: 'src/index.js', content: 'console.log(1)\n' },
];
const BROAD_FIRST = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "src/index.js"]\n';
const MANIFEST_FIRST = 'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n';

describe('lint: cache-order', () => {
  const dirs: TempDir[] = [];
  afterAll(async () => {
    for (const d of dirs) await d.cleanup();
  });
  const project = async (dockerfile: string, extra: TreeSpec = []): Promise<string> => {
    const dir = await fixture([...FILES, ...extra, { file: 'Dockerfile', content: dockerfile }]);
    dirs.push(dir);
    return dir.path;
  };

  it('flags COPY . . before npm ci, even without an ignore file, with the manifest-first lines', async () => {
    const cwd = await project(BROAD_FIRST);
    const r = await runCli(['lint'], { cwd });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain('Dockerfile:3: warning: `COPY . .` comes before `npm ci` (line 4)');
    expect(r.stdout).toContain('[cache-order]');
    expect(r.stdout).toContain('4 files (');
    expect(r.stdout).toContain('manifest first: 2 files (');
    expect(r.stdout).toContain('fix: Replace lines 3 and 4 with `COPY package*.json ./`, `RUN npm ci`, `COPY . .`.');
  });

  it('JSON and annotations carry Dockerfile:line and the replacement', async () => {
    const cwd = await project(BROAD_FIRST, [{ file: '.dockerignore', content: 'node_modules\n' }]);
    const doc = JSON.parse((await runCli(['lint', '--json'], { cwd })).stdout);
    const finding = doc.findings.find((f: { code: string }) => f.code === 'cache-order');
    expect(finding).toMatchObject({ file: 'Dockerfile', line: 3, text: 'COPY . .', severity: 'warning', replacement: ['COPY package*.json ./', 'RUN npm ci', 'COPY . .'] });
    const gha = await runCli(['lint'], { cwd, env: { GITHUB_ACTIONS: 'true' } });
    expect(gha.stdout).toMatch(/^::warning file=Dockerfile,line=3,title=ctxlens lint%3A cache-order::/m);
  });

  it('manifest first: no cache-order finding (the checklist still speaks)', async () => {
    const cwd = await project(MANIFEST_FIRST);
    const doc = JSON.parse((await runCli(['lint', '--json'], { cwd })).stdout);
    expect(doc.findings.map((f: { code: string }) => f.code)).not.toContain('cache-order');
    expect(doc.findings.map((f: { code: string }) => f.code)).toContain('no-dockerignore');
  });

  it('the legacy builder caches layers too: the same finding, from the Dockerfile read the way BuildKit reads it', async () => {
    const cwd = await project(BROAD_FIRST);
    const doc = JSON.parse((await runCli(['lint', '--json', '--builder', 'legacy'], { cwd })).stdout);
    expect(doc.findings.find((f: { code: string }) => f.code === 'cache-order')).toMatchObject({ file: 'Dockerfile', line: 3 });
  });
});

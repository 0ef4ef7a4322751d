// `ctxlens check --deny secrets-sent | secrets-shipped`: secrets by how far they get, from the
// Dockerfile's reads (BuildKit). `secrets` keeps meaning "a secret file is sent".
import type { TempDir, TreeSpec } from '@ctxlens/test-fixtures';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';

beforeAll(() => ensureBuilt());

const FILES: TreeSpec = [
  { file: 'package.json', content: '{"name":"x"}\n' },
  { file: 'src/index.js', content: 'console.log(1)\n' },
  { file: '.env', content: 'API_KEY=x\n' },
  { file: '.npmrc', content: '//registry.npmjs.org/:_authToken=npm_abc\n' },
];
const BUILD_STAGE_ONLY = 'FROM node:20 AS build\nCOPY .npmrc package.json /app/\nRUN npm ci\nFROM node:20\nCOPY --from=build /app/package.json /app/\n';
const SHIPS_ALL = 'FROM node:20\nCOPY . /app/\n';

interface Row {
  readonly name: string;
  readonly dockerfile: string;
  readonly args: readonly string[];
  readonly code: number;
  /** Lines stdout must hold. */
  readonly lines: readonly string[];
  readonly absent?: readonly string[];
}

const ROWS: readonly Row[] = [
  { name: 'a build stage reads .npmrc: sent, not shipped', dockerfile: BUILD_STAGE_ONLY, args: ['--deny', 'secrets-sent,secrets-shipped'], code: 1, lines: ['FAIL deny:secrets-sent (1 path sent)', '.npmrc', 'copied into build stage build by line 2', 'PASS deny:secrets-shipped (none shipped)'], absent: [' .env '] },
  { name: 'secrets keeps its meaning: what BuildKit sends', dockerfile: BUILD_STAGE_ONLY, args: ['--deny', 'secrets'], code: 1, lines: ['FAIL deny:secrets (1 path sent)'] },
  { name: 'COPY . ships both', dockerfile: SHIPS_ALL, args: ['--deny', 'secrets-shipped'], code: 1, lines: ['FAIL deny:secrets-shipped (2 paths shipped)', 'shipped in the image by line 2 (COPY . /app/); use RUN --mount=type=secret'] },
  { name: 'an allowed secret is let through however far it gets', dockerfile: SHIPS_ALL, args: ['--deny', 'secrets-shipped', '--allow', 'secrets=.env', '--allow', 'secrets-shipped=.npmrc'], code: 0, lines: ['PASS deny:secrets-shipped (none shipped, 2 allowed paths not counted)'] },
  { name: 'the legacy builder does not read the Dockerfile: shipped is skipped', dockerfile: SHIPS_ALL, args: ['--builder', 'legacy', '--deny', 'secrets-sent,secrets-shipped'], code: 1, lines: ['FAIL deny:secrets-sent (2 paths sent)', 'SKIP deny:secrets-shipped (what reaches the image is known only from the Dockerfile under BuildKit)'] },
];

describe('check --deny secrets-sent / secrets-shipped', () => {
  const dirs: TempDir[] = [];
  afterAll(async () => {
    for (const d of dirs) await d.cleanup();
  });

  it.each(ROWS)('$name', async (row) => {
    const dir = await fixture([...FILES, { file: 'Dockerfile', content: row.dockerfile }]);
    dirs.push(dir);
    const r = await runCli(['check', ...row.args], { cwd: dir.path });
    expect(r.code, r.stdout + r.stderr).toBe(row.code);
    for (const line of row.lines) expect(r.stdout).toContain(line);
    for (const line of row.absent ?? []) expect(r.stdout).not.toContain(line);
  });

  it('the suggested lines fix a whole-context copy; a named copy gets no ignore line (it would break the build)', async () => {
    const dir = await fixture([...FILES, { file: 'Dockerfile', content: 'FROM node:20\nCOPY .npmrc /root/\nCOPY . /app/\n' }]);
    dirs.push(dir);
    const doc = JSON.parse((await runCli(['check', '--deny', 'secrets-shipped', '--json'], { cwd: dir.path })).stdout);
    const offenders = doc.rules.find((r: { rule: string }) => r.rule === 'deny:secrets-shipped').offenders as { path: string; suggestedLine: string | null }[];
    expect(Object.fromEntries(offenders.map((o) => [o.path, o.suggestedLine]))).toEqual({ '.env': '.env', '.npmrc': null });
    writeFileSync(join(dir.path, '.dockerignore'), '.env\n');
    const after = await runCli(['check', '--deny', 'secrets-shipped'], { cwd: dir.path });
    expect(after.stdout).toContain('FAIL deny:secrets-shipped (1 path shipped)');
    expect(after.stdout).toContain('line 2 (COPY .npmrc /root/)');
  });

  it('rejects an unknown name and lists the new ones', async () => {
    const dir = await fixture([...FILES, { file: 'Dockerfile', content: SHIPS_ALL }]);
    dirs.push(dir);
    const r = await runCli(['check', '--deny', 'secrets-leaked'], { cwd: dir.path });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('secrets-sent, secrets-shipped');
  });
});

// `lint` on the Dockerfile: a COPY of an excluded path is an error naming the COPY line and the
// ignore line (and the real BuildKit fails exactly then), the checklist rules, in text, JSON and
// GitHub Actions annotations.
import { buildkitOracleOrSkip, makeBuildkitContext, runBuildkitBuild, type TempDir, type TreeSpec } from '@ctxlens/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLint } from '../src/commands/lint.js';
import { fakeIo } from './helpers/fake-io.js';
import { fixture } from './helpers/fixtures.js';

const base = { dir: '.', buildArgs: {}, wholeContext: false, quiet: false, strict: false };

async function lint(cwd: string, extra: { json?: boolean; builder?: 'buildkit' | 'legacy'; env?: Record<string, string> } = {}) {
  const io = fakeIo({ cwd, env: extra.env ?? {} });
  const code = await runLint({ ...base, builder: extra.builder ?? 'buildkit', json: extra.json ?? false }, io);
  return { code, out: io.out(), err: io.err() };
}

let dir: TempDir;
beforeAll(async () => {
  dir = await fixture([
    { file: 'Dockerfile', content: 'FROM node:latest\nCOPY package.json ./\nCOPY dist /app/dist\nRUN npm run build\nCMD ["node", "/app/dist/index.js"]\n' },
    { file: '.dockerignore', content: '# build output\ndist\n' },
    { file: 'package.json', content: '{}\n' },
    { file: 'dist/index.js', content: 'x\n' },
  ]);
});
afterAll(() => dir.cleanup());

describe('lint: the Dockerfile', () => {
  it.each(['buildkit', 'legacy'] as const)('text under %s: each finding at Dockerfile:line with its code and fix; exit 1', async (builder) => {
    const r = await lint(dir.path, { builder });
    expect(r.code).toBe(1);
    expect(r.out).toContain('Dockerfile:3: error: COPY dist /app/dist: ');
    expect(r.out).toContain('dist is excluded by .dockerignore:2 (dist)');
    expect(r.out).toContain('[copy-excluded]\n');
    expect(r.out).toContain('    fix: Add "!dist" after .dockerignore:2, or remove that line.\n');
    expect(r.out).toContain('Dockerfile:1: warning: node:latest follows latest, which changes under you. [unpinned-base-image]\n');
    expect(r.out).toContain('[root-user]');
    expect(r.out).toContain('Dockerfile:1: info: The final stage (stage-0) has no HEALTHCHECK');
    expect(r.out).toContain('Dockerfile:4: warning: The final stage (stage-0) builds the application');
    expect(r.out).toContain('\nDockerfile: 1 error, 3 warnings, 1 info\n');
  });

  it('JSON: file, line, code, severity, fix', async () => {
    const doc = JSON.parse((await lint(dir.path, { json: true })).out) as { errors: number; findings: { code: string; line: number; severity: string; file: string }[] };
    expect(doc.errors).toBe(1);
    expect(doc.findings.map((f) => [f.code, f.line, f.severity, f.file])).toEqual([
      ['unpinned-base-image', 1, 'warning', 'Dockerfile'],
      ['root-user', 1, 'warning', 'Dockerfile'],
      ['no-healthcheck', 1, 'info', 'Dockerfile'],
      ['copy-excluded', 3, 'error', 'Dockerfile'],
      ['build-tools-in-final-image', 4, 'warning', 'Dockerfile'],
    ]);
  });

  it('GitHub Actions: ::error file=Dockerfile,line=N for the COPY, warnings and notices for the checklist', async () => {
    const r = await lint(dir.path, { env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir.path } });
    expect(r.out).toMatch(/^::error file=Dockerfile,line=3,title=ctxlens lint%3A copy-excluded::COPY dist \/app\/dist: .*dist is excluded by .dockerignore:2 \(dist\)/m);
    expect(r.out).toContain('::warning file=Dockerfile,line=1,title=ctxlens lint%3A unpinned-base-image::');
    expect(r.out).toContain('::notice file=Dockerfile,line=1,title=ctxlens lint%3A no-healthcheck::');
  });
});

interface RealCase {
  readonly name: string;
  readonly tree: TreeSpec;
  /** What the real build does (so the rows cover both outcomes). */
  readonly fails: boolean;
}

const REAL: readonly RealCase[] = [
  { name: 'a directory excluded', fails: true, tree: [{ file: 'Dockerfile', content: 'FROM scratch\nCOPY dist /dist\n' }, { file: '.dockerignore', content: 'dist\n' }, { file: 'dist/a.js' }] },
  { name: 'an exception brings the file back', fails: false, tree: [{ file: 'Dockerfile', content: 'FROM scratch\nCOPY dist/a.js /a.js\n' }, { file: '.dockerignore', content: 'dist\n!dist/a.js\n' }, { file: 'dist/a.js' }] },
  { name: 'a glob whose matches are all excluded', fails: true, tree: [{ file: 'Dockerfile', content: 'FROM scratch\nCOPY src/*.ts /src/\n' }, { file: '.dockerignore', content: '**/*.ts\n' }, { file: 'src/a.ts' }, { file: 'src/b.js' }] },
  { name: 'an ARG-expanded source', fails: true, tree: [{ file: 'Dockerfile', content: 'ARG D=conf\nFROM scratch\nARG D\nCOPY ${D}/app.yml /app.yml\n' }, { file: '.dockerignore', content: 'conf/*.yml\n' }, { file: 'conf/app.yml' }] },
  { name: 'nothing excluded', fails: false, tree: [{ file: 'Dockerfile', content: 'FROM scratch\nCOPY conf /conf\n' }, { file: '.dockerignore', content: '*.log\n' }, { file: 'conf/app.yml' }] },
];

const { oracle, skipped } = await buildkitOracleOrSkip();

describe.skipIf(oracle === null)(`lint's COPY errors against the real BuildKit${skipped}`, () => {
  it.each(REAL)('$name: lint errs exactly when the build fails', async (c) => {
    const made = await makeBuildkitContext(oracle!, c.tree);
    try {
      const build = await runBuildkitBuild(oracle!, { dir: made.dir });
      expect(build.ok).toBe(!c.fails);
      const doc = JSON.parse((await lint(made.dir, { json: true })).out) as { findings: { code: string }[] };
      const copyErrors = doc.findings.filter((f) => f.code === 'copy-excluded' || f.code === 'copy-missing');
      expect(copyErrors.length > 0, build.error).toBe(!build.ok);
    } finally {
      await made.cleanup();
    }
  }, 120_000);
});

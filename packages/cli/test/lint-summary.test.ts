// `lint`'s closing summary names each file that has findings with its own counts, in the order the
// findings were printed; and a project without a .dockerignore fails lint, as packages/cli/README.md says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TempDir, TreeSpec } from '@ctxlens/test-fixtures';
import { afterAll, describe, expect, it } from 'vitest';
import { runLint } from '../src/commands/lint.js';
import { fakeIo } from './helpers/fake-io.js';
import { fixture } from './helpers/fixtures.js';

const dirs: TempDir[] = [];
afterAll(async () => {
  for (const d of dirs) await d.cleanup();
});

async function lint(tree: TreeSpec, extra: { dockerfile?: string; json?: boolean } = {}) {
  const dir = await fixture(tree);
  dirs.push(dir);
  const io = fakeIo({ cwd: dir.path, env: {} });
  const code = await runLint({ dir: '.', builder: 'buildkit', buildArgs: {}, wholeContext: false, quiet: false, strict: false, json: extra.json ?? false, ...(extra.dockerfile === undefined ? {} : { dockerfile: extra.dockerfile }) }, io);
  expect(io.err()).toBe('');
  return { code, out: io.out() };
}

// `alpine` alone: unpinned-base-image and root-user (warnings), no-healthcheck (info).
const ALPINE = 'FROM alpine\nCOPY . /\n';
// `scratch`: none of the checklist rules fire.
const SCRATCH = 'FROM scratch\nCOPY . /\n';

interface SummaryRow {
  readonly name: string;
  readonly tree: TreeSpec;
  readonly dockerfile?: string;
  /** The last line lint prints. */
  readonly summary: string;
}

const SUMMARY_ROWS: readonly SummaryRow[] = [
  {
    name: 'only the Dockerfile has findings: the summary names the Dockerfile, not the ignore file',
    tree: [{ file: 'Dockerfile', content: ALPINE }, { file: '.dockerignore', content: '.git\n' }, { file: '.git/HEAD' }],
    summary: 'Dockerfile: 2 warnings, 1 info',
  },
  {
    name: 'both files have findings: each with its own counts, in printed order',
    tree: [{ file: 'Dockerfile', content: ALPINE }, { file: '.dockerignore', content: '.git\n*.tmp\n' }, { file: '.git/HEAD' }],
    summary: '.dockerignore: 1 info; Dockerfile: 2 warnings, 1 info',
  },
  {
    name: 'only the ignore file has findings',
    tree: [{ file: 'Dockerfile', content: SCRATCH }, { file: '.dockerignore', content: '.git\n*.tmp\n' }, { file: '.git/HEAD' }],
    summary: '.dockerignore: 1 info',
  },
  {
    name: 'a Dockerfile given with -f is named as given',
    tree: [{ file: 'docker/app.Dockerfile', content: ALPINE }, { file: '.dockerignore', content: '.git\n' }, { file: '.git/HEAD' }],
    dockerfile: 'docker/app.Dockerfile',
    summary: 'docker/app.Dockerfile: 2 warnings, 1 info',
  },
  {
    name: 'no ignore file: the Dockerfile carries no-dockerignore',
    tree: [{ file: 'Dockerfile', content: SCRATCH }],
    summary: 'Dockerfile: 1 warning',
  },
  {
    name: 'no findings: the ignore file has no problems',
    tree: [{ file: 'Dockerfile', content: SCRATCH }, { file: '.dockerignore', content: '.git\n' }, { file: '.git/HEAD' }],
    summary: '.dockerignore: no problems found',
  },
];

describe('lint: the summary line', () => {
  it.each(SUMMARY_ROWS)('$name', async (row) => {
    const { out } = await lint(row.tree, row.dockerfile === undefined ? {} : { dockerfile: row.dockerfile });
    expect(out.trimEnd().split('\n').at(-1)).toBe(row.summary);
  });
});

describe('lint without a .dockerignore', () => {
  // packages/cli/README.md: the lint table gives no-dockerignore's severity, and "Exit 1 on errors or warnings".
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

  it('the README documents no-dockerignore as a warning that fails lint', () => {
    expect(readme).toMatch(/^\| `no-dockerignore` \| warning \|/m);
    expect(readme).toContain('Exit 1 on errors or warnings');
    expect(readme).toMatch(/without a `\.dockerignore` exits 1/);
  });

  it('exits 1 with a single warning, no-dockerignore, as documented', async () => {
    const r = await lint([{ file: 'Dockerfile', content: SCRATCH }, { file: 'src/a.js' }], { json: true });
    const doc = JSON.parse(r.out) as { errors: number; warnings: number; infos: number; findings: { code: string; severity: string }[] };
    expect(doc.findings.map((f) => [f.code, f.severity])).toEqual([['no-dockerignore', 'warning']]);
    expect(r.code).toBe(1);
  });
});

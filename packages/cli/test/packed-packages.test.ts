// `npm pack` of @ctxlens/core and of ctxlens (packages/cli), installed into a scratch project as a
// user installs them: the tarballs must stand on their own (no workspace: ranges, the CLI's bundle
// and the core's JavaScript and .d.ts inside). They are packed in a clone of the repository with no
// dist/ (only the workspace's node_modules linked in), so each package's prepack must build it. The
// README's library examples (the main entry's and @ctxlens/core/live's) run as written, from plain
// ESM JavaScript, and type-check with tsc --noEmit.
import type { TempDir } from '@ctxlens/test-fixtures';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/built-cli.js';
import { fixture } from './helpers/fixtures.js';
import { snapshotRepo } from './helpers/repo-snapshot.js';

let project: TempDir;
let clone: string;
const tarballs: Record<'core' | 'cli', string> = { core: '', cli: '' };

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
}

/** The README's library examples, each the first ```ts block under its heading, and what each prints first. */
const README_EXAMPLES = [
  { name: 'library example', heading: '## Library', file: 'example', prints: /^\d+ files, \S+ \(without \.dockerignore: \S+\)\n/ },
  { name: 'live example', heading: '### Live re-evaluation (`@ctxlens/core/live`)', file: 'live-example', prints: /^rule: \*\.log\n\d+ of \d+ upload bytes sent\n\[ (?:'\*\*\/package\.json', )?'package\.json' \]\nfalse\n/ },
] as const;

function readmeExample(heading: string): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(`\n${heading}\n`);
  if (at < 0) throw new Error(`README.md: no "${heading}" heading`);
  const m = /```ts\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!m) throw new Error(`README.md: no \`\`\`ts block under "${heading}"`);
  return m[1]!;
}

function packedManifest(tarball: string): Record<string, unknown> {
  return JSON.parse(run('tar', ['-xOzf', tarball, 'package/package.json'], REPO_ROOT).stdout) as Record<string, unknown>;
}

beforeAll(async () => {
  project = await fixture([
    { file: 'package.json', content: '{"name":"scratch","private":true,"type":"module"}\n' },
    { file: 'Dockerfile', content: 'FROM node:20\nCOPY . .\n' },
    { file: '.dockerignore', content: 'node_modules\n' },
  ]);
  clone = `${project.path}-repo`;
  snapshotRepo(clone);
  for (const dir of ['', 'packages/core', 'packages/cli']) symlinkSync(join(REPO_ROOT, dir, 'node_modules'), join(clone, dir, 'node_modules'));
  for (const [key, dir] of [['core', 'packages/core'], ['cli', 'packages/cli']] as const) {
    const dest = join(project.path, `pack-${key}`);
    mkdirSync(dest);
    const pack = run('npm', ['pack', '--pack-destination', dest], join(clone, dir));
    expect(pack.status, pack.stderr).toBe(0);
    const name = readdirSync(dest).find((f) => f.endsWith('.tgz'));
    expect(name).toBeDefined();
    tarballs[key] = join(dest, name!);
  }
  const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarballs.core, tarballs.cli], project.path);
  expect(install.status, install.stderr).toBe(0);
}, 300_000);
afterAll(() => {
  project?.cleanup();
  if (clone) rmSync(clone, { recursive: true, force: true });
});

describe('packed tarballs', () => {
  it('carry no workspace: ranges, and the CLI has no dependencies (its bundle holds them)', () => {
    for (const tarball of Object.values(tarballs)) expect(JSON.stringify(packedManifest(tarball))).not.toContain('workspace:');
    expect(packedManifest(tarballs.cli).dependencies).toBeUndefined();
  });

  it('hold the bundle (CLI) and the built JavaScript with its .d.ts (core), nothing else', () => {
    const list = (t: string) => run('tar', ['-tzf', t], REPO_ROOT).stdout.split('\n').filter(Boolean);
    const cli = list(tarballs.cli);
    expect(cli).toEqual(expect.arrayContaining(['package/dist/ctxlens.mjs', 'package/dist/chunks/commands.cjs']));
    expect(cli.filter((f) => !/^package\/(package\.json|README\.md|dist\/ctxlens\.mjs|dist\/chunks\/([^/]+\.mjs|commands\.cjs))$/.test(f))).toEqual([]);
    const core = list(tarballs.core);
    expect(core).toEqual(expect.arrayContaining(['package/dist/index.js', 'package/dist/index.d.ts']));
    expect(core.filter((f) => !/^package\/(package\.json|README\.md|dist\/.*\.(js|d\.ts))$/.test(f))).toEqual([]);
  });

  it('the installed bin runs', () => {
    const version = run(join(project.path, 'node_modules/.bin/ctxlens'), ['--version'], project.path);
    expect(version.stdout.trim()).toBe(String(packedManifest(tarballs.cli).version));
    const size = run(join(project.path, 'node_modules/.bin/ctxlens'), ['size', '--builder', 'legacy'], project.path);
    expect(size.stderr).toBe('');
    expect(size.status).toBe(0);
    expect(size.stdout).toMatch(/files/);
  });

  it.each(README_EXAMPLES)("the README's $name runs from plain ESM JavaScript", ({ heading, file, prints }) => {
    writeFileSync(join(project.path, `${file}.mjs`), readmeExample(heading));
    const r = run(process.execPath, [`${file}.mjs`], project.path);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(prints);
  });

  it("the README's examples type-check with tsc --noEmit against the installed .d.ts", () => {
    for (const { heading, file } of README_EXAMPLES) writeFileSync(join(project.path, `${file}.ts`), readmeExample(heading));
    writeFileSync(
      join(project.path, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'], typeRoots: [join(REPO_ROOT, 'node_modules/@types')] },
        files: README_EXAMPLES.map((e) => `${e.file}.ts`),
      }),
    );
    const r = run(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], project.path);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

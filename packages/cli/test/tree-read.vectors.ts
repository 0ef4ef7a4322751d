// Trees on which reading only what the builders walk must give the same output as reading the
// whole tree (tree-read.test.ts). Each row names what it exercises; `paths` are asked of explain.
import type { TreeSpec } from '@ctxlens/test-fixtures';

/** A fixture tree and the paths to explain on it. */
export interface TreeReadCase {
  readonly name: string;
  /** The tree; undefined for the seed scenario (generated once, cached). */
  readonly tree: TreeSpec | undefined;
  readonly paths: readonly string[];
}

const SECRET_KEY = '-----BEGIN PRIVATE KEY-----\nMII\n';

/** The rows. */
export const TREE_READ_CASES: readonly TreeReadCase[] = [
  {
    name: 'seed scenario (COPY . ., node_modules, .git, dist, data excluded; a secret sent)',
    tree: undefined,
    paths: ['node_modules', 'src', '.env', '.env.example', 'test/fixtures/.env.test', 'README.md', 'CHANGELOG.md', 'dist/x.js', 'nowhere'],
  },
  {
    name: 'exceptions below excluded directories (legacy and BuildKit enter them), logs and secrets inside',
    tree: [
      { file: 'Dockerfile', content: 'FROM node:20\nCOPY . .\n' },
      { file: '.dockerignore', content: 'node_modules\n!node_modules/keep/package.json\n.git\nbuild/**\n!build/out/app.js\n*.log\nsecrets\n!secrets/public.pem\n' },
      { file: 'package.json', content: '{}\n' },
      { file: 'src/index.js', size: 1200 },
      { file: 'src/.env', content: 'TOKEN=x\n' },
      { file: 'node_modules/keep/package.json', content: '{}\n' },
      { file: 'node_modules/keep/index.js', size: 30_000 },
      { file: 'node_modules/other/.env', content: 'A=1\n' },
      { file: 'node_modules/other/debug.log', size: 500 },
      { file: 'build/out/app.js', size: 7000 },
      { file: 'build/out/app.js.map', size: 9000 },
      { file: 'build/.gitignore', content: '*.map\n' },
      { file: '.git/HEAD', content: 'ref: refs/heads/main\n' },
      { file: '.git/objects/ab/cdef', size: 4000 },
      { file: 'secrets/public.pem', content: SECRET_KEY },
      { file: 'secrets/id_rsa', content: SECRET_KEY },
      { file: '.gitignore', content: 'node_modules/\n*.log\ncoverage/\n.env\n' },
      { file: 'coverage/lcov.info', size: 2000 },
      { file: 'server.log', size: 300 },
    ],
    paths: ['node_modules/keep/package.json', 'node_modules/keep/index.js', 'build/out/app.js', 'build/out/app.js.map', 'secrets/public.pem', 'secrets/id_rsa', 'src/.env', 'coverage'],
  },
  {
    name: 'BuildKit asks for some paths only (COPY src, a glob, a bind mount); secrets and bulk outside them',
    tree: [
      { file: 'Dockerfile', content: 'FROM scratch AS build\nCOPY src /src\nCOPY config/*.yml /etc/\nRUN --mount=type=bind,source=tools,target=/tools true\nFROM scratch\nCOPY --from=build /src /app\n' },
      { file: '.dockerignore', content: 'node_modules\n.git\n*.md\n!README.md\n' },
      { file: 'src/main.go', size: 3000 },
      { file: 'src/.env.local', content: 'X=1\n' },
      { file: 'src/vendor/lib/lib.go', size: 800 },
      { file: 'config/app.yml', size: 50 },
      { file: 'config/db.yml', size: 70 },
      { file: 'config/.npmrc', content: '//registry.npmjs.org/:_authToken=npm_abc\n' },
      { file: 'tools/gen.sh', size: 400 },
      { file: 'assets/video.mp4', size: 2_000_000 },
      { file: 'assets/.aws/credentials', content: '[default]\naws_secret_access_key=x\n' },
      { file: 'docs/guide.md', size: 9000 },
      { file: 'README.md', size: 100 },
      { file: 'node_modules/x/index.js', size: 20_000 },
      { file: '.git/HEAD', content: 'ref: refs/heads/main\n' },
      { file: '.gitignore', content: 'assets/\n' },
    ],
    paths: ['src/main.go', 'src/.env.local', 'config/app.yml', 'config/.npmrc', 'tools/gen.sh', 'assets/video.mp4', 'docs/guide.md', 'README.md', 'node_modules/x/index.js'],
  },
  {
    name: 'symlinks: into an excluded directory, out of the context, a requested link to a directory',
    tree: [
      { file: 'Dockerfile', content: 'FROM scratch\nCOPY app /app\nCOPY shared /shared\n' },
      { file: '.dockerignore', content: 'node_modules\nlibs\n!libs/keep\n' },
      { file: 'app/index.js', size: 500 },
      { symlink: 'app/lodash', target: '../node_modules/lodash' },
      { symlink: 'app/outside', target: '/etc' },
      { symlink: 'shared', target: 'libs/keep' },
      { file: 'libs/keep/k.js', size: 100 },
      { file: 'libs/drop/d.js', size: 100 },
      { file: 'libs/keep/.env', content: 'K=1\n' },
      { file: 'node_modules/lodash/index.js', size: 70_000 },
      { file: 'node_modules/lodash/.env', content: 'L=1\n' },
      { file: 'big.bin', size: 300_000 },
    ],
    paths: ['app/lodash', 'app/outside', 'shared', 'libs/keep/k.js', 'libs/drop/d.js', 'node_modules/lodash/index.js', 'big.bin'],
  },
  {
    name: 'a glob exception: BuildKit walks every excluded directory, the legacy builder does not',
    tree: [
      { file: 'Dockerfile', content: 'FROM scratch\nCOPY . /app\n' },
      { file: '.dockerignore', content: 'docs\nnode_modules\n!**/*.md\n' },
      { file: 'docs/a.md', size: 100 },
      { file: 'docs/b.txt', size: 100 },
      { file: 'node_modules/p/README.md', size: 2000 },
      { file: 'node_modules/p/index.js', size: 5000 },
      { file: 'src/x.js', size: 100 },
      { file: 'id_ed25519', content: SECRET_KEY },
    ],
    paths: ['docs/a.md', 'docs/b.txt', 'node_modules/p/README.md', 'node_modules/p/index.js', 'id_ed25519'],
  },
  {
    name: 'rules that match only inside pruned directories (lint: redundant, not dead; a trailing slash)',
    tree: [
      { file: 'Dockerfile', content: 'FROM node:20\nCOPY . .\n' },
      { file: '.dockerignore', content: 'node_modules\nnode_modules/.cache\n**/*.tmp\nvendor/lib/\n.git\n' },
      { file: 'index.js', size: 100 },
      { file: 'node_modules/.cache/x.bin', size: 5000 },
      { file: 'node_modules/a/y.tmp', size: 10 },
      { file: 'node_modules/vendor/lib', size: 10 },
      { file: 'vendor/lib', content: 'a file, not a directory\n' },
      { file: '.git/HEAD', content: 'ref: refs/heads/main\n' },
    ],
    paths: ['node_modules/.cache/x.bin', 'node_modules/a/y.tmp', 'vendor/lib'],
  },
  {
    name: 'no ignore file (lint lints only the Dockerfile)',
    tree: [
      { file: 'Dockerfile', content: 'FROM node:20\nCOPY package.json .\nCOPY . .\nRUN npm install\n' },
      { file: 'package.json', content: '{}\n' },
      { file: 'node_modules/x/index.js', size: 20_000 },
      { file: '.env', content: 'TOKEN=1\n' },
    ],
    paths: ['node_modules/x/index.js', '.env'],
  },
];

const ALL_DENIED = ['secrets', 'vcs', 'dependencies', 'test-output', 'logs', 'caches', 'secrets-sent', 'secrets-shipped'];

/** One command run: its name and the options that differ from the defaults (the context ones aside). */
export type TreeReadRun =
  | { readonly command: 'check'; readonly label: string; readonly options: { readonly json: boolean; readonly maxSize?: string; readonly maxFiles?: number; readonly maxUnused?: string; readonly deny?: readonly string[] } }
  | { readonly command: 'lint'; readonly label: string; readonly options: { readonly json: boolean } }
  | { readonly command: 'suggest'; readonly label: string; readonly options: { readonly json: boolean; readonly allowlist: boolean } }
  | { readonly command: 'explain'; readonly label: string; readonly options: { readonly json: boolean; readonly verbosity: number; readonly nonMatching: boolean } };

/** The runs made on every case, under each builder. */
export const TREE_READ_RUNS: readonly TreeReadRun[] = [
  { command: 'check', label: 'check', options: { json: false } },
  { command: 'check', label: 'check --json', options: { json: true } },
  { command: 'check', label: 'check, every limit and category failing', options: { json: false, maxSize: '1', maxFiles: 1, maxUnused: '1', deny: ALL_DENIED } },
  { command: 'check', label: 'check --json, every limit and category failing', options: { json: true, maxSize: '1', maxFiles: 1, maxUnused: '1%', deny: ALL_DENIED } },
  { command: 'lint', label: 'lint', options: { json: false } },
  { command: 'lint', label: 'lint --json', options: { json: true } },
  { command: 'suggest', label: 'suggest', options: { json: false, allowlist: false } },
  { command: 'suggest', label: 'suggest --json', options: { json: true, allowlist: false } },
  { command: 'suggest', label: 'suggest --allowlist --json', options: { json: true, allowlist: true } },
  { command: 'explain', label: 'explain -vv -n', options: { json: false, verbosity: 2, nonMatching: true } },
  { command: 'explain', label: 'explain --json', options: { json: true, verbosity: 0, nonMatching: false } },
];

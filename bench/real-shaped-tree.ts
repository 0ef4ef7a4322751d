// A generated tree shaped like a real install (issue 14): mostly small directories, deep nesting,
// scoped packages, `.bin` symlinks, the files packages ship (package.json, README, LICENSE, *.js,
// *.d.ts, *.map) and a `.git` with packs and loose objects in its fan-out directories. The dense
// bench tree (bench-tree.ts) holds tens of files per directory; real installs hold a few, so a scan
// pays far more per entry in readdir calls and path depth. Deterministic (seeded), files sparse.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { prng } from './bench-tree.js';
import { measureShape, type TreeShape } from './tree-shape.js';

const VERSION = 1;

/** A generated real-shaped tree. */
export interface RealShapedTree {
  readonly dir: string;
  readonly shape: TreeShape;
}

const WORDS = ['index', 'utils', 'types', 'helpers', 'parser', 'client', 'server', 'config', 'errors', 'constants', 'core', 'plugin', 'runtime', 'compile', 'transform', 'stream', 'buffer', 'format', 'validate', 'schema', 'request', 'response', 'cache', 'logger', 'events'];
const DIRS = ['utils', 'internal', 'helpers', 'types', 'esm', 'cjs', 'plugins', 'core', 'common', 'server', 'client', 'compat', 'shared', 'node', 'browser', 'operators', 'commands', 'models'];
const SCOPES = ['@babel', '@types', '@aws-sdk', '@smithy', '@jest', '@nestjs', '@eslint', '@typescript-eslint', '@webassemblyjs', '@sinclair', '@opentelemetry', '@radix-ui'];

/**
 * Generates (once, then reuses) a real-shaped tree of about `entries` entries under
 * `root/real-shaped-<entries>-v1`, with a `.json` marker beside it holding its measured shape.
 * @returns where it is and its shape
 */
export function realShapedTree(root: string, entries: number): RealShapedTree {
  const dir = path.join(root, `real-shaped-${entries}-v${VERSION}`);
  const marker = `${dir}.json`;
  if (fs.existsSync(marker)) {
    writeRootManifest(dir);
    return JSON.parse(fs.readFileSync(marker, 'utf8')) as RealShapedTree;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const rand = prng(entries * 7 + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const chance = (p: number) => rand() < p;
  let made = 0;
  const mkdir = (p: string) => {
    fs.mkdirSync(p);
    made++;
  };
  const file = (p: string, size: number) => {
    const fd = fs.openSync(p, 'w');
    if (size > 0) fs.ftruncateSync(fd, Math.floor(size));
    fs.closeSync(fd);
    made++;
  };
  // Distinct names within one directory: a word, then the same word numbered.
  const namer = (words: readonly string[]) => {
    const used = new Set<string>();
    return () => {
      let name = pick(words);
      for (let k = 2; used.has(name); k++) name = `${pick(words)}${k}`;
      used.add(name);
      return name;
    };
  };

  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY . /app\n');
  fs.writeFileSync(path.join(dir, '.dockerignore'), 'node_modules\n.git\n');
  for (const [name, size] of [['package.json', 1800], ['package-lock.json', 400_000], ['README.md', 6000], ['tsconfig.json', 600]] as const) file(path.join(dir, name), size);
  writeRootManifest(dir);

  // Code as packages ship it: a few modules per directory, each a .js with maybe its .d.ts and
  // .map, and now and then a subdirectory (fewer the deeper it goes).
  const codeDir = (d: string, level: number, ext: string): void => {
    mkdir(d);
    const name = namer(WORDS);
    for (let n = pick([1, 1, 1, 1, 2, 2, 2, 3, 4, 6]); n > 0; n--) {
      const base = name();
      file(path.join(d, `${base}.${ext}`), 200 + rand() * rand() * 40_000);
      if (ext === 'js' && chance(0.3)) file(path.join(d, `${base}.d.ts`), 100 + rand() * 4000);
      if (ext === 'js' && chance(0.3)) file(path.join(d, `${base}.js.map`), 300 + rand() * 60_000);
    }
    const subdir = namer(DIRS);
    if (level < 7 && chance(0.5 - 0.06 * level)) for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) codeDir(path.join(d, subdir()), level + 1, ext);
  };

  // The project's own source: 3%.
  const src = path.join(dir, 'src');
  mkdir(src);
  const srcName = namer(DIRS);
  while (made < entries * 0.03) codeDir(path.join(src, srcName()), 1, 'ts');

  // .git: the usual files, packs, and loose objects in objects/xx/ fan-out directories (6%).
  const git = path.join(dir, '.git');
  for (const d of ['', 'hooks', 'info', 'logs', 'logs/refs', 'logs/refs/heads', 'refs', 'refs/heads', 'refs/tags', 'refs/remotes', 'refs/remotes/origin', 'objects', 'objects/pack', 'objects/info']) mkdir(path.join(git, d));
  for (const f of ['HEAD', 'config', 'description', 'index', 'packed-refs', 'info/exclude', 'logs/HEAD', 'logs/refs/heads/main', 'refs/heads/main', 'refs/remotes/origin/HEAD']) file(path.join(git, f), 40 + rand() * 2000);
  for (const hook of ['applypatch-msg', 'commit-msg', 'post-update', 'pre-applypatch', 'pre-commit', 'pre-push', 'pre-rebase', 'prepare-commit-msg', 'update']) file(path.join(git, 'hooks', `${hook}.sample`), 400 + rand() * 4000);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  for (let p = 0; p < 3; p++) {
    const pack = `pack-${hex(40)}`;
    for (const [ext, size] of [['pack', 80e6 * rand()], ['idx', 2e6 * rand()], ['rev', 2e5 * rand()]] as const) file(path.join(git, 'objects/pack', `${pack}.${ext}`), size);
  }
  const fanouts = new Set<string>();
  for (const target = made + entries * 0.06; made < target; ) {
    const fan = hex(2);
    if (!fanouts.has(fan)) {
      fanouts.add(fan);
      mkdir(path.join(git, 'objects', fan));
    }
    file(path.join(git, 'objects', fan, hex(38)), 30 + rand() * 3000);
  }

  // node_modules: the rest. A quarter of the packages are scoped, some carry nested node_modules
  // (deep nesting) and a fifth of the top-level ones put a command in .bin.
  const nm = path.join(dir, 'node_modules');
  mkdir(nm);
  mkdir(path.join(nm, '.bin'));
  let pkgs = 0;
  const pkg = (parent: string, depth: number, scopes: Set<string>): void => {
    let name = `${pick(WORDS)}-${(pkgs++).toString(36)}`;
    if (chance(0.25)) {
      const scope = pick(SCOPES);
      if (!scopes.has(scope)) {
        scopes.add(scope);
        mkdir(path.join(parent, scope));
      }
      name = `${scope}/${name}`;
    }
    const p = path.join(parent, name);
    mkdir(p);
    file(path.join(p, 'package.json'), 500 + rand() * 2500);
    if (chance(0.9)) file(path.join(p, 'README.md'), 1000 + rand() * 20_000);
    if (chance(0.8)) file(path.join(p, 'LICENSE'), 1070);
    if (chance(0.2)) file(path.join(p, 'CHANGELOG.md'), 2000 + rand() * 50_000);
    if (chance(0.4)) file(path.join(p, 'index.js'), 100 + rand() * 3000);
    if (chance(0.3)) file(path.join(p, 'index.d.ts'), 100 + rand() * 3000);
    const out = namer(['dist', 'lib', 'build', 'cjs', 'esm']);
    for (let n = chance(0.3) ? 2 : 1; n > 0; n--) codeDir(path.join(p, out()), 1, 'js');
    if (depth === 0 && chance(0.2)) {
      mkdir(path.join(p, 'bin'));
      file(path.join(p, 'bin', 'cli.js'), 200 + rand() * 3000);
      fs.symlinkSync(`../${name}/bin/cli.js`, path.join(nm, '.bin', name.replace(/^@[^/]+\//, '')));
      made++;
    }
    if (depth < 4 && chance(0.12)) {
      const inner = path.join(p, 'node_modules');
      mkdir(inner);
      const innerScopes = new Set<string>();
      for (let n = 1 + Math.floor(rand() * 4); n > 0; n--) pkg(inner, depth + 1, innerScopes);
    }
  };
  const topScopes = new Set<string>();
  while (made < entries) pkg(nm, 0, topScopes);

  const tree: RealShapedTree = { dir, shape: measureShape(dir) };
  fs.writeFileSync(marker, JSON.stringify(tree));
  return tree;
}

/**
 * The root package.json as valid JSON of the same 1,800 bytes: Node reads the package scope of the
 * directory it runs in (the walker children run inside the tree), and a sparse file of NUL bytes
 * is not JSON. Also applied to trees generated before, so their figures stay what they were.
 */
function writeRootManifest(dir: string): void {
  const head = '{ "name": "real-shaped", "private": true }\n';
  fs.writeFileSync(path.join(dir, 'package.json'), head + ' '.repeat(1800 - head.length - 1) + '\n');
}

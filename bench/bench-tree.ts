// Deterministic benchmark trees shaped like a Node project: most entries under node_modules/ and
// .git/, a little source at the top. Files are sparse so a million of them cost inodes, not data.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Shape of a generated benchmark tree. */
export interface BenchTreeInfo {
  readonly dir: string;
  readonly files: number;
  readonly dirs: number;
}

const VERSION = 2;

// A Dockerfile BuildKit's parser accepts (200 zero bytes, as trees of this version were first made,
// fail the build), kept at 200 bytes so every size figure of these trees stays what it was.
const DOCKERFILE_HEAD = 'FROM scratch\nCOPY . /app\n';
const DOCKERFILE = `${DOCKERFILE_HEAD}#${' '.repeat(200 - DOCKERFILE_HEAD.length - 2)}\n`;

/**
 * xorshift32: the same tree on every machine.
 * @returns a generator of numbers in [0, 1)
 */
export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

/**
 * Generates (once, then reuses) a tree of about `files` files under `root/<files>`.
 * @returns where it is and what it holds
 */
export function benchTree(root: string, files: number): BenchTreeInfo {
  const dir = path.join(root, `tree-${files}-v${VERSION}`);
  // The marker sits beside the tree so it is not part of what gets measured.
  const marker = `${dir}.json`;
  if (fs.existsSync(marker)) {
    const dockerfile = path.join(dir, 'Dockerfile');
    if (fs.readFileSync(dockerfile, 'utf8') !== DOCKERFILE) fs.writeFileSync(dockerfile, DOCKERFILE);
    return JSON.parse(fs.readFileSync(marker, 'utf8')) as BenchTreeInfo;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const rand = prng(files);
  let made = 0;
  let dirs = 0;
  const mkdir = (p: string) => {
    fs.mkdirSync(p, { recursive: true });
    dirs++;
  };
  const file = (p: string, size: number) => {
    const fd = fs.openSync(p, 'w');
    if (size > 0) fs.ftruncateSync(fd, size);
    fs.closeSync(fd);
    made++;
  };
  mkdir(dir);
  fs.writeFileSync(path.join(dir, 'Dockerfile'), DOCKERFILE);
  made++;
  fs.writeFileSync(path.join(dir, '.dockerignore'), 'node_modules\n.git\n');
  // 5% source, 10% .git objects, the rest in node_modules packages.
  const src = Math.floor(files * 0.05);
  const git = Math.floor(files * 0.1);
  for (let i = 0; i < src; i++) {
    const d = path.join(dir, 'src', `m${i % 50}`);
    if (i < 50) mkdir(d);
    file(path.join(d, `f${i}.ts`), Math.floor(rand() * 8000));
  }
  for (let i = 0; i < git; i++) {
    const d = path.join(dir, '.git', 'objects', (i % 256).toString(16).padStart(2, '0'));
    if (i < 256) mkdir(d);
    file(path.join(d, `o${i.toString(16).padStart(38, '0')}`), Math.floor(rand() * 4000));
  }
  let pkg = 0;
  while (made < files) {
    const p = path.join(dir, 'node_modules', `pkg-${pkg++}`);
    const perPkg = 5 + Math.floor(rand() * 60);
    mkdir(path.join(p, 'lib', 'util'));
    for (let i = 0; i < perPkg && made < files; i++) {
      const sub = i % 3 === 0 ? 'lib/util' : i % 3 === 1 ? 'lib' : '';
      file(path.join(p, sub, `file${i}.js`), Math.floor(rand() * 20000));
    }
  }
  const info: BenchTreeInfo = { dir, files: made, dirs };
  fs.writeFileSync(marker, JSON.stringify(info));
  return info;
}

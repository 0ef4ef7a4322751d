// Random context trees: nested and empty directories, files of telling sizes, symlinks, hardlinks,
// FIFOs, long names and paths around the tar header limits, with realistic or hostile names.
import type { TreeEntry } from '../trees/tree-spec.js';
import { longName, pickName } from './names.js';
import type { Rng } from './rng.js';

/** One generated path, for the rule generator to aim at. */
export interface GeneratedPath {
  readonly path: string;
  readonly kind: 'file' | 'dir' | 'symlink' | 'hardlink' | 'fifo' | 'socket';
}

/** A generated tree and what the rule generator needs to know about it. */
export interface GeneratedTree {
  readonly entries: TreeEntry[];
  readonly paths: GeneratedPath[];
  /** Pairs of names of one inode: [link target, link]. */
  readonly hardlinks: [string, string][];
  /** Features reached, for the case description and coverage checks. */
  readonly features: Set<string>;
}

/** What a tree should look like. */
export interface TreeOptions {
  /** 0..1: share of hostile names. */
  readonly hostility: number;
  /** Upper bound on entries (directories included). */
  readonly budget: number;
  /** Add one unix socket (kept out of most cases: the CLI logs an error for each). */
  readonly socket: boolean;
  /** Make one file large (10 kB to 3 MB, sparse), so sizes print in kB and MB. */
  readonly largeFile: boolean;
}

const SPECIAL_SIZES = [0, 1, 511, 512, 513, 1024];
// COPY . / makes BuildKit ask for the whole context, so random cases test the ignore file's walk.
const DOCKERFILE = 'FROM scratch\nCOPY . /\n';
/** Year 1960 and year 2255: both need a PAX mtime record (negative, or beyond 11 octal digits). */
const ODD_MTIMES = [new Date(-315_619_200_000), new Date(9_000_000_000_000)];

class TreePlan {
  readonly entries: TreeEntry[] = [];
  readonly paths: GeneratedPath[] = [];
  readonly hardlinks: [string, string][] = [];
  readonly features = new Set<string>();
  readonly dirs: { path: string; depth: number }[] = [{ path: '', depth: 0 }];
  private largeLeft: boolean;
  private readonly children = new Map<string, Set<string>>([['', new Set(['.dockerignore', 'Dockerfile'])]]);

  constructor(readonly rng: Rng, readonly options: TreeOptions) {
    this.largeLeft = options.largeFile;
  }

  get size(): number {
    return this.paths.length;
  }

  taken(dir: string): Set<string> {
    let set = this.children.get(dir);
    if (!set) this.children.set(dir, (set = new Set()));
    return set;
  }

  join(dir: string, name: string): string {
    this.taken(dir).add(name);
    const path = dir === '' ? name : `${dir}/${name}`;
    if (/[\r\n]/.test(name)) this.features.add('name-cr-lf');
    if (/[^\x00-\x7f]/.test(name)) this.features.add('name-unicode');
    if (/[\u{10000}-\u{10ffff}]/u.test(name)) this.features.add('name-astral');
    if (/[\\*?[\]]/.test(name)) this.features.add('name-glob-chars');
    if (Buffer.byteLength(name) > 100) this.features.add('name-over-100-bytes');
    if (Buffer.byteLength(path) > 256) this.features.add('path-over-256-bytes');
    return path;
  }

  addDir(parent: { path: string; depth: number }, name: string): { path: string; depth: number } {
    const path = this.join(parent.path, name);
    this.entries.push({ dir: path });
    this.paths.push({ path, kind: 'dir' });
    const dir = { path, depth: parent.depth + 1 };
    this.dirs.push(dir);
    return dir;
  }

  addFile(dir: string, name: string): string {
    const path = this.join(dir, name);
    const rng = this.rng;
    let size = rng.chance(0.25) ? rng.pick(SPECIAL_SIZES) : rng.int(0, 2000);
    if (this.largeLeft && rng.chance(0.3)) {
      this.largeLeft = false;
      size = rng.int(10_000, 3_000_000);
      this.features.add('large-file');
    }
    const content = rng.chance(0.5) ? rng.bytes(Math.min(size, 64)) : Buffer.from(`${path}\n`.repeat(4)).subarray(0, Math.min(size, 256));
    const mtime = rng.chance(0.004) ? rng.pick(ODD_MTIMES) : undefined;
    if (mtime) this.features.add('odd-mtime');
    this.entries.push(mtime ? { file: path, content, size, mtime } : { file: path, content, size });
    this.paths.push({ path, kind: 'file' });
    return path;
  }

  /** A directory to put something in, shallow ones more likely. */
  pickDir(maxDepth = 5): { path: string; depth: number } {
    const usable = this.dirs.filter((d) => d.depth < maxDepth);
    return this.rng.chance(0.3) ? usable[0]! : this.rng.pick(usable);
  }
}

/** Relative path from directory `fromDir` to `to`, both context-relative. */
function relativeTarget(fromDir: string, to: string): string {
  const up = fromDir === '' ? 0 : fromDir.split('/').length;
  return '../'.repeat(up) + to;
}

function addSymlink(plan: TreePlan): void {
  const { rng } = plan;
  const dir = plan.pickDir();
  const name = pickName(rng, 'file', plan.options.hostility, plan.taken(dir.path));
  const path = plan.join(dir.path, name);
  const existing = plan.paths.filter((p) => p.kind === 'file' || p.kind === 'dir');
  let target: string;
  switch (rng.weighted({ file: 4, dir: 2, dangling: 2, absolute: 1, long: 2, unicode: 1 })) {
    case 'file':
    case 'dir': {
      const to = rng.pick(existing);
      target = relativeTarget(dir.path, to.path);
      plan.features.add(`symlink-to-${to.kind}`);
      break;
    }
    case 'dangling':
      target = rng.pick(['nowhere', 'missing/file.txt', '../outside', './self-ref']);
      plan.features.add('symlink-dangling');
      break;
    case 'absolute':
      target = rng.pick(['/etc/passwd', '/', '/nonexistent/x']);
      plan.features.add('symlink-absolute');
      break;
    case 'long':
      target = `${'../'.repeat(rng.int(0, 3))}${longName(rng, rng.int(101, 250))}`;
      plan.features.add('symlink-long-target');
      break;
    default:
      target = rng.pick(['é/日本/\u{1F433}', 'ünï cödé', '日本語.md', 'tab\there']);
      plan.features.add('symlink-unicode-target');
  }
  plan.entries.push({ symlink: path, target });
  plan.paths.push({ path, kind: 'symlink' });
}

function addHardlink(plan: TreePlan): void {
  const candidates = plan.paths.filter((p) => p.kind === 'file' || p.kind === 'fifo' || p.kind === 'symlink');
  const to = plan.rng.chance(0.1) ? { path: 'Dockerfile', kind: 'file' } : plan.rng.pick(candidates);
  const dir = plan.pickDir();
  const path = plan.join(dir.path, pickName(plan.rng, 'file', plan.options.hostility, plan.taken(dir.path)));
  plan.entries.push({ hardlink: path, target: to.path });
  plan.paths.push({ path, kind: 'hardlink' });
  plan.hardlinks.push([to.path, path]);
  plan.features.add(to.kind === 'file' ? 'hardlink' : `hardlink-to-${to.kind}`);
}

/** Directories and a file whose path length sits on a USTAR limit (100-byte name, 155-byte prefix, 256 total). */
function addLongPath(plan: TreePlan): void {
  const { rng } = plan;
  const prefixLength = rng.pick([99, 100, 154, 155, 156, 157, 200]);
  const first = Math.floor((prefixLength - 1) / 2);
  const a = plan.addDir(plan.dirs[0]!, 'P'.repeat(first));
  const b = plan.addDir(a, 'Q'.repeat(prefixLength - 1 - first));
  plan.addFile(b.path, 'n'.repeat(rng.pick([1, 99, 100, 101])));
  if (rng.chance(0.5)) plan.addFile(b.path, longName(rng, rng.int(60, 255)));
  plan.features.add('long-path');
}

/**
 * Generates a random tree with a root `Dockerfile`.
 * @returns the spec and the paths in it
 */
export function generateTree(rng: Rng, options: TreeOptions): GeneratedTree {
  const plan = new TreePlan(rng, options);
  plan.entries.push({ file: 'Dockerfile', content: DOCKERFILE + (rng.chance(0.3) ? '# padding\n'.repeat(rng.int(1, 80)) : '') });
  plan.paths.push({ path: 'Dockerfile', kind: 'file' });
  if (rng.chance(0.25)) addLongPath(plan);
  if (options.socket) {
    const path = plan.join('', 'sock');
    plan.entries.push({ socket: path });
    plan.paths.push({ path, kind: 'socket' });
    plan.features.add('socket');
  }
  const target = rng.int(Math.ceil(options.budget / 2), options.budget);
  while (plan.size < target) {
    const action = rng.weighted({ file: 50, dir: 22, symlink: 8, hardlink: 4, fifo: 3 });
    const parent = plan.pickDir(action === 'dir' ? 4 : 5);
    if (action === 'dir') {
      plan.addDir(parent, pickName(rng, 'dir', options.hostility, plan.taken(parent.path)));
    } else if (action === 'file') {
      plan.addFile(parent.path, pickName(rng, 'file', options.hostility, plan.taken(parent.path)));
    } else if (action === 'symlink') {
      addSymlink(plan);
    } else if (action === 'hardlink' && plan.paths.length > 1) {
      addHardlink(plan);
    } else if (action === 'fifo') {
      const path = plan.join(parent.path, pickName(rng, 'file', options.hostility, plan.taken(parent.path)));
      plan.entries.push({ fifo: path });
      plan.paths.push({ path, kind: 'fifo' });
      plan.features.add('fifo');
    }
  }
  const depth = Math.max(...plan.dirs.map((d) => d.depth));
  if (depth >= 4) plan.features.add('deep');
  return { entries: plan.entries, paths: plan.paths, hardlinks: plan.hardlinks, features: plan.features };
}

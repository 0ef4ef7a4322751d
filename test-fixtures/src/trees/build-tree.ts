// Materialises a TreeSpec on disk: the one way every test in the project creates its fixture trees.
import { execFile } from 'node:child_process';
import { chmod, link, lstat, lutimes, mkdir, open, symlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeSocketFile } from './make-socket.js';
import { runLimited } from './run-limited.js';
import { entryKind, entryPath, splitSpecPath } from './tree-spec.js';
import type { DirEntry, FileEntry, TreeEntry, TreeEntryKind, TreeSpec } from './tree-spec.js';

/** Options for buildTree(). */
export interface BuildTreeOptions {
  /**
   * mtime given to entries that carry none and to implied parent directories, for trees identical on every run.
   * @default the creation time
   */
  readonly mtime?: Date;
  /**
   * How many fs operations run at once.
   * @default 64
   */
  readonly concurrency?: number;
}

interface Placed {
  readonly entry: TreeEntry;
  readonly kind: TreeEntryKind;
  readonly rel: string;
  readonly abs: string;
  readonly depth: number;
}

interface PlacedDir {
  readonly abs: string;
  readonly depth: number;
  entry?: DirEntry;
}

const execFileAsync = promisify(execFile);

/**
 * Creates every entry of `spec` under `root` (created if missing), parents first.
 * Links are made after the files they may point to; modes and mtimes are applied last,
 * directories after their contents, so that creating children does not bump a fixed mtime
 * and a read-only directory does not block its own children.
 * @returns once the whole tree exists
 * @throws on an invalid or duplicate path, or when the filesystem refuses an entry
 * @example
 * await buildTree(dir, [{ file: 'a b/[x].txt', content: 'hi' }, { file: 'big.bin', size: 1e9 }, { symlink: 'l', target: 'nowhere' }]);
 */
export async function buildTree(root: string, spec: TreeSpec, options: BuildTreeOptions = {}): Promise<void> {
  const limit = options.concurrency ?? 64;
  await mkdir(root, { recursive: true });
  const { leaves, dirs } = place(root, spec);

  for (const level of groupByDepth(dirs)) {
    await runLimited(level, limit, (dir) => makeDirectory(dir.abs));
  }
  const byKind = (kind: TreeEntryKind): Placed[] => leaves.filter((leaf) => leaf.kind === kind);
  await runLimited(byKind('file'), limit, (leaf) => writeFileEntry(leaf.abs, leaf.entry as FileEntry, options.mtime));
  await makeFifos(byKind('fifo').map((leaf) => leaf.abs));
  for (const leaf of byKind('socket')) await makeSocketFile(leaf.abs);
  await runLimited(byKind('symlink'), limit, (leaf) => symlink((leaf.entry as { target: string }).target, leaf.abs));
  // Sequential: a hard link may point at another hard link of the same spec.
  for (const leaf of byKind('hardlink')) {
    await link(join(root, ...splitSpecPath((leaf.entry as { target: string }).target)), leaf.abs);
  }

  const special = leaves.filter((leaf) => leaf.kind !== 'file' && leaf.kind !== 'hardlink');
  await runLimited(special, limit, (leaf) => applyMetadata(leaf, options.mtime));
  await runLimited(dirs, limit, async (dir) => {
    const mtime = dir.entry?.mtime ?? options.mtime;
    if (mtime) await utimes(dir.abs, mtime, mtime);
  });
  // Deepest first, so a parent losing its x bit cannot hide a child still waiting for chmod.
  for (const level of groupByDepth(dirs).reverse()) {
    await runLimited(level, limit, async (dir) => {
      if (dir.entry?.mode !== undefined) await chmod(dir.abs, dir.entry.mode);
    });
  }
}

function place(root: string, spec: TreeSpec): { leaves: Placed[]; dirs: PlacedDir[] } {
  const leaves: Placed[] = [];
  const dirs = new Map<string, PlacedDir>();
  const seen = new Set<string>();
  for (const entry of spec) {
    const segments = splitSpecPath(entryPath(entry));
    const rel = segments.join('/');
    if (seen.has(rel)) throw new Error(`tree spec: duplicate path ${JSON.stringify(rel)}`);
    seen.add(rel);
    for (let depth = 1; depth < segments.length; depth++) {
      const parent = segments.slice(0, depth).join('/');
      if (!dirs.has(parent)) dirs.set(parent, { abs: join(root, ...segments.slice(0, depth)), depth });
    }
    const kind = entryKind(entry);
    const abs = join(root, ...segments);
    if (kind === 'dir') {
      const dir = dirs.get(rel) ?? { abs, depth: segments.length };
      dir.entry = entry as DirEntry;
      dirs.set(rel, dir);
    } else {
      leaves.push({ entry, kind, rel, abs, depth: segments.length });
    }
  }
  for (const leaf of leaves) {
    if (dirs.has(leaf.rel)) throw new Error(`tree spec: ${JSON.stringify(leaf.rel)} is both a directory and a ${leaf.kind}`);
  }
  return { leaves, dirs: [...dirs.values()] };
}

function groupByDepth(dirs: readonly PlacedDir[]): PlacedDir[][] {
  const levels: PlacedDir[][] = [];
  for (const dir of dirs) (levels[dir.depth - 1] ??= []).push(dir);
  return levels.filter((level) => level.length > 0);
}

async function makeDirectory(abs: string): Promise<void> {
  try {
    await mkdir(abs);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await lstat(abs)).isDirectory()) throw error;
  }
}

async function writeFileEntry(abs: string, entry: FileEntry, defaultMtime: Date | undefined): Promise<void> {
  const content = typeof entry.content === 'string' ? Buffer.from(entry.content) : (entry.content ?? Buffer.alloc(0));
  if (entry.size !== undefined && entry.size < content.length) {
    throw new Error(`tree spec: ${entry.file} has ${content.length} bytes of content but size ${entry.size}`);
  }
  const handle = await open(abs, 'wx');
  try {
    if (content.length > 0) await handle.write(content, 0, content.length, 0);
    // ftruncate only moves the end of file: the tail is a hole, so a 1 GB file costs no blocks.
    if (entry.size !== undefined && entry.size > content.length) await handle.truncate(entry.size);
    if (entry.mode !== undefined) await handle.chmod(entry.mode);
    const mtime = entry.mtime ?? defaultMtime;
    if (mtime) await handle.utimes(mtime, mtime);
  } finally {
    await handle.close();
  }
}

async function makeFifos(paths: readonly string[]): Promise<void> {
  // Node has no mkfifo(); one process creates them all, and execFile passes hostile names untouched.
  const batchSize = 200;
  for (let start = 0; start < paths.length; start += batchSize) {
    await execFileAsync('mkfifo', [...paths.slice(start, start + batchSize)]);
  }
}

async function applyMetadata(leaf: Placed, defaultMtime: Date | undefined): Promise<void> {
  const entry = leaf.entry as { mode?: number; mtime?: Date };
  const mtime = entry.mtime ?? defaultMtime;
  if (leaf.kind === 'symlink') {
    if (mtime) await lutimes(leaf.abs, mtime, mtime);
    return;
  }
  if (entry.mode !== undefined) await chmod(leaf.abs, entry.mode);
  if (mtime) await utimes(leaf.abs, mtime, mtime);
}

// A compact record of a directory tree: every entry Docker could see, included or excluded, with
// what sizes and tar headers need. Entries of one directory sit next to each other in byte order,
// so walks replay Docker's order; struct-of-arrays keeps a million entries in tens of megabytes.
import * as nodePath from 'node:path';
import { directoryReader, type FsAdapter, nodeFs } from '../fs-adapter.js';
import { type DirectoryReader, type DirectoryRecord, readDirectory, RECORD_FIELDS } from './read-directory.js';
import { sortByteOrder } from './sort-names.js';

/** The type of a directory entry, as lstat sees it (symlinks are never followed). */
export type EntryKind = 'file' | 'dir' | 'symlink' | 'fifo' | 'socket' | 'char' | 'block';

const KINDS: readonly EntryKind[] = ['file', 'dir', 'symlink', 'fifo', 'socket', 'char', 'block'];
const KIND_DIR = 1;

/** An I/O problem met while scanning, kept on the entry because whether it matters depends on the rules. */
export interface ScanProblem {
  readonly code: string;
  readonly message: string;
}

/** Called every so often during a scan. */
export type ScanProgress = (entries: number, bytes: number) => void;

const NOT_SCANNED = -1;
// Set per name as readdir returns it: testing whole paths would flatten a million concatenated
// strings and double their memory.
const FLAG_NON_ASCII = 1;

/**
 * The recorded tree. Index 0 is the context root. Directories are scanned lazily, so a walk that
 * prunes a directory never reads it from disk.
 */
export class Inventory {
  /** Absolute, symlink-resolved path of the context root. */
  readonly root: string;
  /** The file-system calls this inventory reads with. */
  readonly fs: FsAdapter;
  /** What its directories are read through, on this thread (fs-adapter.ts directoryReader). */
  readonly reader: DirectoryReader;
  private capacity = 0;
  count = 0;
  // Names as readdir returned them, and full paths for directories only: storing a million file
  // paths would cost a concatenated string each; path(i) builds them when asked.
  private readonly names: string[] = [];
  private readonly dirPaths = new Map<number, string>([[0, '']]);
  parent = new Int32Array(0);
  kinds = new Uint8Array(0);
  sizes = new Float64Array(0);
  // Seconds fit 32 bits until 2038; other times (and inode numbers, needed only for hardlinks) go to
  // maps, which keeps a million entries small.
  private mtimes32 = new Int32Array(0);
  private readonly wideMtimes = new Map<number, number>();
  private readonly linkInodes = new Map<number, number>();
  /** Link counts, saturating at 255: only "more than one" matters (hardlinks). */
  nlinks = new Uint8Array(0);
  /** Permission bits (st_mode & 0o7777): BuildKit's transfer sends them in each stat packet. */
  perms = new Uint16Array(0);
  /** Bit 0: the path holds a character outside archive/tar's ASCII (so its tar header needs PAX). */
  flags = new Uint8Array(0);
  childStart = new Int32Array(0);
  childCount = new Int32Array(0);
  /** Symlink targets by entry index. */
  readonly linkTargets = new Map<number, string>();
  /** lstat or readdir failures by entry index. */
  readonly problems = new Map<number, ScanProblem>();
  /** Bytes of regular files seen so far (for progress). */
  scannedBytes = 0;
  onProgress: ScanProgress | undefined;
  signal: AbortSignal | undefined;
  private nextProgressAt = 4096;

  /** The working directory when the inventory was made, and the root relative to it (see fsPath). */
  private readonly cwd: string | undefined;
  private readonly relativeRoot: string | undefined;

  constructor(root: string, fsa: FsAdapter) {
    this.root = root;
    this.fs = fsa;
    this.reader = directoryReader(fsa);
    this.grow(1024);
    this.add('', -1, KIND_DIR, 0, 0, 0, 1);
    // Only the real file system: a fake one knows the tree by absolute paths.
    this.cwd = fsa === nodeFs ? currentDirectory() : undefined;
    this.relativeRoot = this.cwd === undefined ? undefined : relativeBelow(this.cwd, root);
  }

  /** Modification time of entry `i`, in whole seconds since the epoch. */
  mtime(i: number): number {
    return this.wideMtimes.get(i) ?? this.mtimes32[i]!;
  }

  /** Inode number of entry `i` when it has more than one link (hardlinks), else undefined. */
  inode(i: number): number | undefined {
    return this.linkInodes.get(i);
  }

  /** The last path segment of entry `i` ('' for the root). */
  name(i: number): string {
    return this.names[i]!;
  }

  /** Context-relative POSIX path of entry `i` ('' for the root). */
  path(i: number): string {
    const dir = this.dirPaths.get(i);
    if (dir !== undefined) return dir;
    const parent = this.parent[i]!;
    return parent === 0 ? this.names[i]! : this.dirPaths.get(parent)! + '/' + this.names[i]!;
  }

  /** Length of path(i) in UTF-16 units, without building the string. */
  pathLength(i: number): number {
    const dir = this.dirPaths.get(i);
    if (dir !== undefined) return dir.length;
    const parent = this.parent[i]!;
    return (parent === 0 ? 0 : this.dirPaths.get(parent)!.length + 1) + this.names[i]!.length;
  }

  /**
   * The length of the longest directory path read so far, in UTF-16 units (no entry's path is
   * longer than that plus a slash and a name). Cached until more entries arrive.
   * @returns 0 when only the root is known
   */
  longestDirPath(): number {
    if (this.longestDirPathAt.count !== this.count) {
      let longest = 0;
      for (const path of this.dirPaths.values()) if (path.length > longest) longest = path.length;
      this.longestDirPathAt = { count: this.count, longest };
    }
    return this.longestDirPathAt.longest;
  }

  private longestDirPathAt = { count: -1, longest: 0 };

  /**
   * The index of the entry at a context-relative path, reading directories on the way if needed.
   * @param read false to look only at what was read already (-1 past a directory not read)
   * @returns the index, or -1 when there is no such entry
   */
  indexOf(path: string, read = true): number {
    let at = 0;
    if (path === '') return at;
    for (const name of path.split('/')) {
      if (!this.isDir(at) || (!read && !this.isScanned(at))) return -1;
      const [start, n] = this.children(at);
      let lo = start;
      let hi = start + n - 1;
      at = -1;
      // Children are in byte order; UTF-16 comparison agrees except beyond U+FFFF, so fall back to a scan there.
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const m = this.names[mid]!;
        if (m === name) {
          at = mid;
          break;
        }
        if (m < name) lo = mid + 1;
        else hi = mid - 1;
      }
      if (at < 0) at = this.names.indexOf(name, start);
      if (at < 0 || at >= start + n) return -1;
    }
    return at;
  }

  /** Every entry's path, in index order (for tests and small trees: a million paths cost memory). */
  allPaths(): string[] {
    return Array.from({ length: this.count }, (_, i) => this.path(i));
  }

  /** True when entry `i`'s path is plain ASCII (no NUL, nothing above U+007F). */
  isAsciiPath(i: number): boolean {
    return (this.flags[i]! & FLAG_NON_ASCII) === 0;
  }

  /** The kind of entry `i`. */
  kind(i: number): EntryKind {
    return KINDS[this.kinds[i]!]!;
  }

  /** True when entry `i` is a directory. */
  isDir(i: number): boolean {
    return this.kinds[i] === KIND_DIR;
  }

  /** Absolute path of entry `i` on disk: the one to show. */
  absolutePath(i: number): string {
    return i === 0 ? this.root : nodePath.join(this.root, this.path(i));
  }

  /**
   * The path of entry `i` to hand the file system: relative to the working directory when the
   * root is in it, else absolute. The kernel resolves a path one component at a time, so an
   * absolute path makes every lstat of a scan pay again for the depth of the context itself
   * (about 5% of `ctxlens size`, docs/benchmarks.md). Absolute once the working directory has
   * changed. Messages show absolutePath.
   */
  fsPath(i: number): string {
    if (this.relativeRoot === undefined || !this.fsPathsHold()) return this.absolutePath(i);
    if (i === 0) return this.relativeRoot;
    return this.relativeRoot === '.' ? this.path(i) : `${this.relativeRoot}/${this.path(i)}`;
  }

  /**
   * Whether paths from fsPath still mean what they meant: false once the working directory has
   * changed, after which paths handed out earlier (to scan threads) may have missed.
   */
  fsPathsHold(): boolean {
    return this.relativeRoot === undefined || currentDirectory() === this.cwd;
  }

  /** Whether directory `i` has been read from disk. */
  isScanned(i: number): boolean {
    return this.childStart[i] !== NOT_SCANNED;
  }

  /**
   * Indices of the entries of directory `i`, in byte order of their names; reads the directory on first use.
   * @returns [start, count] into the entry arrays
   */
  children(i: number): [number, number] {
    if (this.childStart[i] === NOT_SCANNED) this.scanDir(i);
    return [this.childStart[i]!, this.childCount[i]!];
  }

  /** Reads every directory not read yet, so the inventory holds the whole tree. */
  scanAll(): this {
    this.scanSubtree(0);
    return this.trim();
  }

  /**
   * Reads every directory not read yet below directory `dir`, and `dir` itself, depth first.
   * @param budget entries to read before stopping: directories not read by then are returned
   * @returns the directories left unread (none without a budget)
   */
  scanSubtree(dir: number, budget = Infinity): number[] {
    const stack = [dir];
    const deferred: number[] = [];
    let left = budget;
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (left <= 0) {
        deferred.push(next);
        continue;
      }
      const [start, n] = this.children(next);
      left -= n;
      for (let c = start + n - 1; c >= start; c--) if (this.kinds[c] === KIND_DIR) stack.push(c);
    }
    return deferred;
  }

  /** Gives back the arrays' spare capacity once nothing more will be added (a complete scan). */
  trim(): this {
    if (this.capacity > this.count) this.grow(this.count);
    return this;
  }

  private scanDir(dir: number): void {
    if (this.signal?.aborted) throw this.signal.reason ?? new Error('aborted');
    this.attach(dir, readDirectory(this.reader, this.fsPath(dir), sortByteOrder));
  }

  /**
   * Records what a directory holds (from this thread or a worker). Its entries are appended
   * together, which keeps every directory's entries contiguous and in byte order.
   */
  attach(dir: number, record: DirectoryRecord): void {
    this.childStart[dir] = this.count;
    this.childCount[dir] = 0;
    if (record.error) {
      this.problems.set(dir, record.error);
      return;
    }
    const prefix = dir === 0 ? '' : this.dirPaths.get(dir)! + '/';
    const parentFlags = this.flags[dir]! & FLAG_NON_ASCII;
    const { names, facts } = record;
    const first = this.count;
    const inodes = new Map(record.inodes);
    for (let n = 0; n < names.length; n++) {
      const at = n * RECORD_FIELDS;
      const packed = facts[at]!;
      const kind = packed & 7;
      const size = facts[at + 1]!;
      const i = this.add(names[n]!, dir, kind, size, facts[at + 2]!, inodes.get(n) ?? 0, (packed >>> 4) & 255);
      this.perms[i] = packed >>> 12;
      if (kind === KIND_DIR) this.dirPaths.set(i, prefix + names[n]!);
      this.flags[i] = parentFlags | ((packed >>> 3) & 1);
      this.scannedBytes += size;
    }
    for (const [n, target] of record.links) this.linkTargets.set(first + n, target);
    for (const [n, code, message] of record.problems) this.problems.set(first + n, { code, message });
    this.childCount[dir] = this.count - first;
    if (this.onProgress && this.count >= this.nextProgressAt) {
      this.nextProgressAt = this.count + 4096;
      this.onProgress(this.count, this.scannedBytes);
    }
  }

  private add(name: string, parent: number, kind: number, size: number, mtime: number, ino: number, nlink: number): number {
    // 1.5x growth: a smaller peak than doubling when the last resize copies the arrays.
    if (this.count === this.capacity) this.grow(Math.ceil(this.capacity * 1.5));
    const i = this.count++;
    this.names.push(name);
    this.parent[i] = parent;
    this.kinds[i] = kind;
    this.sizes[i] = size;
    if (mtime >= -0x80000000 && mtime <= 0x7fffffff) this.mtimes32[i] = mtime;
    else {
      this.mtimes32[i] = 0;
      this.wideMtimes.set(i, mtime);
    }
    if (nlink > 1 && kind !== KIND_DIR) this.linkInodes.set(i, ino);
    this.nlinks[i] = nlink > 255 ? 255 : nlink;
    this.childStart[i] = kind === KIND_DIR ? NOT_SCANNED : 0;
    this.childCount[i] = 0;
    return i;
  }

  private grow(capacity: number): void {
    const resize = <T extends Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a.subarray(0, Math.min(a.length, capacity)) as T);
      return b;
    };
    this.parent = resize(this.parent, (n) => new Int32Array(n));
    this.kinds = resize(this.kinds, (n) => new Uint8Array(n));
    this.sizes = resize(this.sizes, (n) => new Float64Array(n));
    this.mtimes32 = resize(this.mtimes32, (n) => new Int32Array(n));
    this.nlinks = resize(this.nlinks, (n) => new Uint8Array(n));
    this.flags = resize(this.flags, (n) => new Uint8Array(n));
    this.perms = resize(this.perms, (n) => new Uint16Array(n));
    this.childStart = resize(this.childStart, (n) => new Int32Array(n));
    this.childCount = resize(this.childCount, (n) => new Int32Array(n));
    this.capacity = capacity;
  }
}

/** process.cwd(), or undefined when the working directory is gone. */
function currentDirectory(): string | undefined {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}

/** `path` relative to `dir` ('.' for `dir` itself), or undefined when it is not inside `dir`. */
function relativeBelow(dir: string, path: string): string | undefined {
  const rel = nodePath.relative(dir, path);
  if (rel === '') return '.';
  return rel === '..' || rel.startsWith('../') || nodePath.isAbsolute(rel) ? undefined : rel;
}

// A compact record of a directory tree: every entry Docker could see, included or excluded, with
// what sizes and tar headers need. Entries of one directory sit next to each other in byte order,
// so walks replay Docker's order; struct-of-arrays keeps a million entries in tens of megabytes.
import * as nodePath from 'node:path';
import type { FsAdapter } from '../fs-adapter.js';
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
const FLAG_NON_ASCII = 1;
// Tested on each name as readdir returns it: testing whole paths would flatten a million
// concatenated strings and double their memory.
const NOT_TAR_ASCII = /[^\x01-\x7f]/;

/**
 * The recorded tree. Index 0 is the context root. Directories are scanned lazily, so a walk that
 * prunes a directory never reads it from disk.
 */
export class Inventory {
  /** Absolute, symlink-resolved path of the context root. */
  readonly root: string;
  private readonly fsa: FsAdapter;
  private capacity = 0;
  count = 0;
  /** Context-relative POSIX path of each entry ('' for the root). */
  paths: string[] = [];
  parent = new Int32Array(0);
  kinds = new Uint8Array(0);
  sizes = new Float64Array(0);
  mtimes = new Float64Array(0);
  inodes = new Float64Array(0);
  /** Link counts, saturating at 255: only "more than one" matters (hardlinks). */
  nlinks = new Uint8Array(0);
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

  constructor(root: string, fsa: FsAdapter) {
    this.root = root;
    this.fsa = fsa;
    this.grow(1024);
    this.add('', -1, KIND_DIR, 0, 0, 0, 1);
  }

  /** The last path segment of entry `i`. */
  name(i: number): string {
    const path = this.paths[i]!;
    return path.slice(path.lastIndexOf('/') + 1);
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

  /** Absolute path of entry `i` on disk. */
  absolutePath(i: number): string {
    return i === 0 ? this.root : nodePath.join(this.root, this.paths[i]!);
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
    const stack = [0];
    while (stack.length > 0) {
      const dir = stack.pop()!;
      const [start, n] = this.children(dir);
      for (let c = start + n - 1; c >= start; c--) if (this.kinds[c] === KIND_DIR) stack.push(c);
    }
    return this;
  }

  private scanDir(dir: number): void {
    if (this.signal?.aborted) throw this.signal.reason ?? new Error('aborted');
    this.childStart[dir] = this.count;
    this.childCount[dir] = 0;
    let names: string[];
    const abs = this.absolutePath(dir);
    try {
      names = sortByteOrder(this.fsa.readdir(abs));
    } catch (error) {
      this.problems.set(dir, toProblem(error));
      return;
    }
    const prefix = dir === 0 ? '' : this.paths[dir]! + '/';
    const parentFlags = this.flags[dir]! & FLAG_NON_ASCII;
    for (const name of names) {
      const path = prefix + name;
      const full = abs + '/' + name;
      let stat;
      try {
        stat = this.fsa.lstat(full);
      } catch (error) {
        // Vanished between readdir and lstat, or unreadable: record it, Docker would stumble too.
        const i = this.add(path, dir, 0, 0, 0, 0, 1);
        this.flags[i] = parentFlags | (NOT_TAR_ASCII.test(name) ? FLAG_NON_ASCII : 0);
        this.problems.set(i, toProblem(error));
        continue;
      }
      const kind = kindOf(stat);
      const size = kind === 0 ? stat.size : 0;
      const i = this.add(path, dir, kind, size, Math.floor(stat.mtimeMs / 1000), stat.ino, stat.nlink);
      this.flags[i] = parentFlags | (NOT_TAR_ASCII.test(name) ? FLAG_NON_ASCII : 0);
      if (kind === 2) {
        try {
          this.linkTargets.set(i, this.fsa.readlink(full));
        } catch (error) {
          this.problems.set(i, toProblem(error));
        }
      }
      this.scannedBytes += size;
    }
    this.childCount[dir] = this.count - this.childStart[dir]!;
    if (this.onProgress && this.count >= this.nextProgressAt) {
      this.nextProgressAt = this.count + 4096;
      this.onProgress(this.count, this.scannedBytes);
    }
  }

  private add(path: string, parent: number, kind: number, size: number, mtime: number, ino: number, nlink: number): number {
    // 1.5x growth: a smaller peak than doubling when the last resize copies the arrays.
    if (this.count === this.capacity) this.grow(Math.ceil(this.capacity * 1.5));
    const i = this.count++;
    this.paths.push(path);
    this.parent[i] = parent;
    this.kinds[i] = kind;
    this.sizes[i] = size;
    this.mtimes[i] = mtime;
    this.inodes[i] = ino;
    this.nlinks[i] = nlink > 255 ? 255 : nlink;
    this.childStart[i] = kind === KIND_DIR ? NOT_SCANNED : 0;
    this.childCount[i] = 0;
    return i;
  }

  private grow(capacity: number): void {
    const resize = <T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.parent = resize(this.parent, (n) => new Int32Array(n));
    this.kinds = resize(this.kinds, (n) => new Uint8Array(n));
    this.sizes = resize(this.sizes, (n) => new Float64Array(n));
    this.mtimes = resize(this.mtimes, (n) => new Float64Array(n));
    this.inodes = resize(this.inodes, (n) => new Float64Array(n));
    this.nlinks = resize(this.nlinks, (n) => new Uint8Array(n));
    this.flags = resize(this.flags, (n) => new Uint8Array(n));
    this.childStart = resize(this.childStart, (n) => new Int32Array(n));
    this.childCount = resize(this.childCount, (n) => new Int32Array(n));
    this.capacity = capacity;
  }
}

// st_mode file-type bits (S_IFMT), mapped to our kind codes; reading the mode once is cheaper
// than calling the Stats predicates one after another on a million entries.
const KIND_BY_TYPE = new Map<number, number>([
  [0o100000, 0],
  [0o040000, 1],
  [0o120000, 2],
  [0o010000, 3],
  [0o140000, 4],
  [0o020000, 5],
  [0o060000, 6],
]);

function kindOf(stat: { mode: number }): number {
  return KIND_BY_TYPE.get(stat.mode & 0o170000) ?? 0;
}

function toProblem(error: unknown): ScanProblem {
  const e = error as NodeJS.ErrnoException;
  return { code: e.code ?? 'EIO', message: e.message };
}

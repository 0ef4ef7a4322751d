// Declarative description of a directory tree, consumed by buildTree().

/** A regular file; `size` beyond the content is added sparsely (ftruncate), so big files cost no disk. */
export interface FileEntry {
  /** Path relative to the tree root, `/`-separated. */
  readonly file: string;
  /** Bytes written first; defaults to none. */
  readonly content?: string | Buffer;
  /** Final size in bytes; when larger than `content`, the rest is a hole (reads as zeros). */
  readonly size?: number;
  /** Permission bits, applied with chmod after creation so the umask does not interfere. */
  readonly mode?: number;
  readonly mtime?: Date;
}

/** A directory, created even when nothing lives in it. */
export interface DirEntry {
  /** Path relative to the tree root; a trailing `/` is allowed. */
  readonly dir: string;
  readonly mode?: number;
  readonly mtime?: Date;
}

/** A symbolic link; the target is stored verbatim and may dangle. */
export interface SymlinkEntry {
  readonly symlink: string;
  readonly target: string;
  readonly mtime?: Date;
}

/** A hard link to another entry of the same spec; `target` is relative to the tree root, not to the link. */
export interface HardlinkEntry {
  readonly hardlink: string;
  readonly target: string;
}

/** A named pipe (never opened, so nothing blocks on it). */
export interface FifoEntry {
  readonly fifo: string;
  readonly mode?: number;
  readonly mtime?: Date;
}

/** A unix domain socket file left behind with no listener. */
export interface SocketEntry {
  readonly socket: string;
  readonly mode?: number;
  readonly mtime?: Date;
}

/** One entry of a tree spec. */
export type TreeEntry = FileEntry | DirEntry | SymlinkEntry | HardlinkEntry | FifoEntry | SocketEntry;

/** A whole tree: entries in any order; parent directories are implied. */
export type TreeSpec = readonly TreeEntry[];

/** Kinds of tree entries, named after the key that carries their path. */
export type TreeEntryKind = 'file' | 'dir' | 'symlink' | 'hardlink' | 'fifo' | 'socket';

/**
 * Tells which kind of entry this is.
 * @returns the key that carries the entry's path
 */
export function entryKind(entry: TreeEntry): TreeEntryKind {
  if ('file' in entry) return 'file';
  if ('dir' in entry) return 'dir';
  if ('symlink' in entry) return 'symlink';
  if ('hardlink' in entry) return 'hardlink';
  if ('fifo' in entry) return 'fifo';
  return 'socket';
}

/**
 * Reads the entry's path as written in the spec.
 * @returns the raw relative path
 */
export function entryPath(entry: TreeEntry): string {
  if ('file' in entry) return entry.file;
  if ('dir' in entry) return entry.dir;
  if ('symlink' in entry) return entry.symlink;
  if ('hardlink' in entry) return entry.hardlink;
  if ('fifo' in entry) return entry.fifo;
  return entry.socket;
}

/**
 * Splits a spec path into its names, rejecting anything that could escape the root.
 * Every byte other than `/` and NUL is a legal name byte on POSIX, so backslashes, newlines and the like pass through.
 * @returns the path's segments, without empty or trailing ones
 * @throws Error when the path is empty, absolute, contains NUL, `.`, `..` or an empty segment
 */
export function splitSpecPath(specPath: string): string[] {
  const trimmed = specPath.replace(/\/+$/, '');
  if (trimmed === '' || trimmed.startsWith('/') || trimmed.includes('\0')) {
    throw new Error(`tree spec: invalid path ${JSON.stringify(specPath)}`);
  }
  const segments = trimmed.split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') {
      throw new Error(`tree spec: invalid segment ${JSON.stringify(segment)} in ${JSON.stringify(specPath)}`);
    }
  }
  return segments;
}

// Reading one directory: the unit of work of every scan, on the main thread or in a worker.
// readDirectory must stay self-contained (no imports, no module-level helpers; what it needs comes
// in as parameters): the parallel scan ships its source text to worker threads, so both paths run
// the very same code.

import type { LstatFacts } from './lstat-facts.js';

/** What one directory holds: sorted names plus, per name, the lstat facts an inventory keeps. */
export interface DirectoryRecord {
  /** Set when the directory itself could not be read. */
  readonly error: { readonly code: string; readonly message: string } | undefined;
  /** Names in UTF-8 byte order (the order Go's os.ReadDir returns). */
  readonly names: string[];
  /**
   * Per name, RECORD_FIELDS numbers: kind + 8 × non-ASCII flag + 16 × link count (saturated at
   * 255) + 4096 × permission bits (st_mode & 0o7777, which BuildKit's transfer sends), size, mtime (s). Compact because worker threads send these for a million names.
   */
  readonly facts: Float64Array;
  /** [position, inode] of names other than directories with more than one link: hardlinks. */
  readonly inodes: [number, number][];
  /** [position, target] of symlinks. */
  readonly links: [number, string][];
  /** [position, code, message] of names that could not be examined. */
  readonly problems: [number, string, string][];
}

/** Numbers per name in DirectoryRecord.facts. */
export const RECORD_FIELDS = 3;

/** The file-system calls readDirectory makes. */
export interface DirectoryReader {
  readdir(path: string): string[];
  /** `plain`: the caller knows the path holds no escaped byte (raw-names.ts), so it needs no check. */
  lstat(path: string, plain?: boolean): LstatFacts;
  readlink(path: string): string;
}

/**
 * Reads a directory's names and lstat's each one (symlinks are never followed).
 * @param sort sorts the names in place into disk byte order (sortByteOrder; a parameter because
 *   worker threads get this function as source text)
 * @returns the record; I/O errors are recorded, never thrown
 */
export function readDirectory(fsa: DirectoryReader, fsPath: string, sort: (names: string[]) => unknown): DirectoryRecord {
  const problemOf = (error: unknown): { code: string; message: string } => {
    const e = error as { code?: string; message?: string };
    return { code: e.code ?? 'EIO', message: e.message ?? String(error) };
  };
  let names: string[];
  try {
    names = fsa.readdir(fsPath);
  } catch (error) {
    return { error: problemOf(error), names: [], facts: new Float64Array(0), inodes: [], links: [], problems: [] };
  }
  sort(names);
  const facts = new Float64Array(names.length * 3);
  const inodes: [number, number][] = [];
  const links: [number, string][] = [];
  const problems: [number, string, string][] = [];
  // archive/tar's isASCII, per name: a NUL or anything above U+007F forces a PAX header. Whether
  // any path below holds a byte that is not UTF-8 (escaped, raw-names.ts; never ASCII) is settled
  // in the same pass, once for the directory instead of once per lstat.
  const escaped = /[\udc80-\udcff]/;
  let plain = !escaped.test(fsPath);
  for (let i = 0; i < names.length; i++) {
    if (!/[^\x01-\x7f]/.test(names[i]!)) continue;
    facts[i * 3] = 8;
    if (escaped.test(names[i]!)) plain = false;
  }
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const full = fsPath + '/' + name;
    const at = i * 3;
    const nonAscii = facts[at]!;
    let stat;
    try {
      stat = fsa.lstat(full, plain);
    } catch (error) {
      const p = problemOf(error);
      problems.push([i, p.code, p.message]);
      facts[at] = nonAscii + 16;
      continue;
    }
    // st_mode S_IFMT -> kind code (file, dir, symlink, fifo, socket, char, block).
    const format = stat.mode & 0o170000;
    const kind = format === 0o040000 ? 1 : format === 0o120000 ? 2 : format === 0o010000 ? 3 : format === 0o140000 ? 4 : format === 0o020000 ? 5 : format === 0o060000 ? 6 : 0;
    facts[at] = kind + nonAscii + 16 * Math.min(stat.nlink, 255) + 4096 * (stat.mode & 0o7777);
    facts[at + 1] = kind === 0 ? stat.size : 0;
    facts[at + 2] = Math.floor(stat.mtimeMs / 1000);
    // Only hardlinks need their inode; a directory's link count is its subdirectories plus two.
    if (stat.nlink > 1 && kind !== 1) inodes.push([i, stat.ino]);
    if (kind === 2) {
      try {
        links.push([i, fsa.readlink(full)]);
      } catch (error) {
        const p = problemOf(error);
        problems.push([i, p.code, p.message]);
      }
    }
  }
  return { error: undefined, names, facts, inodes, links, problems };
}

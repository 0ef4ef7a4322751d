// Totals of a whole subtree without recording its entries: what `ctxlens size` needs for the
// directories the builder never enters (node_modules, .git), where an inventory would cost memory
// and main-thread time for entries nobody looks at. Both functions here are shipped as source text
// to worker threads, so they reference nothing outside themselves: their helpers come in as
// parameters.
import type { DirectoryReader } from './read-directory.js';

/**
 * Legacy upload bytes of an entry whose tar header is plain USTAR (no PAX record needed): a path
 * of at most 100 bytes, archive/tar ASCII, size and mtime within 11 octal digits. Symlinks and
 * later names of hardlinks carry a link name, so callers never ask for them.
 * @returns header plus padded content, or -1 when the entry needs the full computation (tarEntryBytes)
 */
export function plainUstarBytes(nameLength: number, ascii: boolean, size: number, mtime: number): number {
  // 8589934592 is 8 ** 11, written out because this text also runs in worker threads.
  if (nameLength > 100 || !ascii || size >= 8589934592 || mtime < 0 || mtime >= 8589934592) return -1;
  return 512 + Math.ceil(size / 512) * 512;
}

/**
 * An entry a tally cannot finish alone: its tar header needs more than USTAR (PAX records, link
 * name), or it has more than one link, so which of its names carries the content depends on the
 * walk order across subtrees. Fields: path (context-relative), kind code, size, mtime (s),
 * archive/tar ASCII, inode (-1 unless more than one link), symlink target ('' if none).
 */
export type SpecialEntry = [path: string, kind: number, size: number, mtime: number, ascii: boolean, inode: number, linkTarget: string];

/**
 * What a subtree holds, summed. Sockets are counted apart (`sockets`) and in nothing else: the
 * legacy client leaves them out, BuildKit sends each as an empty file.
 */
export interface SubtreeTally {
  entries: number;
  files: number;
  dirs: number;
  symlinks: number;
  /** FIFOs and devices. */
  others: number;
  sockets: number;
  /** Bytes of regular files, except those listed in `special` with an inode. */
  bytes: number;
  /** Legacy upload bytes of every entry not listed in `special`. */
  tarBytes: number;
  readonly special: SpecialEntry[];
}

/**
 * How much one task may read before it hands the rest of its subtree back as new tasks: bounds a
 * worker's memory, and lets the other thread take part of a subtree bigger than all the rest.
 */
export interface TaskBudget {
  /** Entries this task may still read; once none, subdirectories are deferred instead of read. */
  left: number;
  /** [file-system path, context-relative path, that path is ASCII] of the subdirectories left for later. */
  readonly deferred: [fsPath: string, rel: string, ascii: boolean][];
}

/** A tally with nothing in it. */
export function emptyTally(): SubtreeTally {
  return { entries: 0, files: 0, dirs: 0, symlinks: 0, others: 0, sockets: 0, bytes: 0, tarBytes: 0, special: [] };
}

/**
 * Adds one tally into another.
 * @returns `into`
 */
export function addTally(into: SubtreeTally, part: SubtreeTally): SubtreeTally {
  into.entries += part.entries;
  into.files += part.files;
  into.dirs += part.dirs;
  into.symlinks += part.symlinks;
  into.others += part.others;
  into.sockets += part.sockets;
  into.bytes += part.bytes;
  into.tarBytes += part.tarBytes;
  for (const s of part.special) into.special.push(s);
  return into;
}

/**
 * Sums everything below the directory `fsPath` (not the directory itself), depth first, reading as
 * it goes. Each name is classified as readDirectory classifies it for an inventory (its kind from
 * lstat's mode, archive/tar ASCII, link count, a name lstat fails on counted as an empty file), but
 * without building a directory record first: a tally covers most of a tree whose node_modules and
 * .git are pruned, and the record cost a third of its instructions. unfiltered-sizes.test.ts holds
 * the two to the same figures on awkward entries and on random trees.
 * @param reader the scan's reader (names unsorted: order only matters for hardlinks, which are listed)
 * @param plainBytes plainUstarBytes
 * @param rel the directory's context-relative path
 * @param ascii whether `rel` is archive/tar ASCII
 * @param only sum only these entries of the directory (and below them): a share of a big directory
 * @param budget when given, subdirectories met after it runs out are deferred, not summed
 * @returns the totals, added into `into`
 */
export function tallySubtree(
  reader: DirectoryReader,
  plainBytes: (nameLength: number, ascii: boolean, size: number, mtime: number) => number,
  fsPath: string,
  rel: string,
  ascii: boolean,
  into: SubtreeTally,
  only?: string[],
  budget?: TaskBudget,
): SubtreeTally {
  let names: string[];
  try {
    names = only ?? reader.readdir(fsPath);
  } catch {
    // A directory that cannot be read holds nothing a tally can count, as its record would.
    return into;
  }
  if (budget !== undefined) budget.left -= names.length;
  // As readDirectory: archive/tar's isASCII per name, and whether any path below holds an escaped
  // byte (raw-names.ts), settled once for the directory.
  const nonAscii = /[^\x01-\x7f]/;
  const escaped = /[\udc80-\udcff]/;
  let plain = !escaped.test(fsPath);
  let anyNonAscii = false;
  for (let n = 0; n < names.length; n++) {
    if (!nonAscii.test(names[n]!)) continue;
    anyNonAscii = true;
    if (escaped.test(names[n]!)) plain = false;
  }
  const prefix = rel === '' ? '' : rel + '/';
  for (let n = 0; n < names.length; n++) {
    const name = names[n]!;
    const full = fsPath + '/' + name;
    let kind = 0;
    let size = 0;
    let mtime = 0;
    let inode = -1;
    let linkTarget = '';
    try {
      const stat = reader.lstat(full, plain);
      // st_mode S_IFMT -> kind code (file, dir, symlink, fifo, socket, char, block).
      const format = stat.mode & 0o170000;
      kind = format === 0o040000 ? 1 : format === 0o120000 ? 2 : format === 0o010000 ? 3 : format === 0o140000 ? 4 : format === 0o020000 ? 5 : format === 0o060000 ? 6 : 0;
      size = kind === 0 ? stat.size : 0;
      mtime = Math.floor(stat.mtimeMs / 1000);
      if (stat.nlink > 1 && kind !== 1) inode = stat.ino;
    } catch {
      // Counted as readDirectory records it: an empty file with one link.
    }
    // Sockets (kind 4): only BuildKit sends them, so they are counted apart.
    if (kind === 4) {
      into.sockets++;
      continue;
    }
    if (kind === 2) {
      try {
        linkTarget = reader.readlink(full);
      } catch {
        // The target stays empty, as a record without it.
      }
    }
    const pathAscii = ascii && !(anyNonAscii && nonAscii.test(name));
    into.entries++;
    if (kind === 0) into.files++;
    else if (kind === 1) into.dirs++;
    else if (kind === 2) into.symlinks++;
    else into.others++;
    // The path's length without building it: most entries never need the string itself.
    const pathLength = prefix.length + name.length;
    const plainTar = kind === 2 || inode >= 0 ? -1 : plainBytes(pathLength + (kind === 1 ? 1 : 0), pathAscii, size, mtime);
    if (plainTar >= 0) {
      into.tarBytes += plainTar;
      into.bytes += size;
    } else {
      if (inode < 0) into.bytes += size;
      into.special.push([prefix + name, kind, size, mtime, pathAscii, inode, linkTarget]);
    }
    if (kind !== 1) continue;
    const childRel = prefix + name;
    if (budget !== undefined && budget.left <= 0) budget.deferred.push([full, childRel, pathAscii]);
    else tallySubtree(reader, plainBytes, full, childRel, pathAscii, into, undefined, budget);
  }
  return into;
}

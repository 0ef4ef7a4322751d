// Totals of a whole subtree without recording its entries: what `ctxlens size` needs for the
// directories the builder never enters (node_modules, .git), where an inventory would cost memory
// and main-thread time for entries nobody looks at. Both functions here are shipped as source text
// to worker threads, so they reference nothing outside themselves: their helpers come in as
// parameters.
import type { DirectoryRecord } from './read-directory.js';

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
 * Sums everything below the directory `fsPath` (not the directory itself), depth first. Entries are
 * classified exactly as an inventory records them, because both read through `read`.
 * @param read readDirectory bound to a reader (names need not be sorted: order only matters for hardlinks, which are listed)
 * @param plainBytes plainUstarBytes
 * @param rel the directory's context-relative path
 * @param ascii whether `rel` is archive/tar ASCII
 * @param only sum only these entries of the directory (and below them): a share of a big directory
 * @param budget when given, subdirectories met after it runs out are deferred, not summed
 * @returns the totals, added into `into`
 */
export function tallySubtree(
  read: (fsPath: string, only?: string[]) => DirectoryRecord,
  plainBytes: (nameLength: number, ascii: boolean, size: number, mtime: number) => number,
  fsPath: string,
  rel: string,
  ascii: boolean,
  into: SubtreeTally,
  only?: string[],
  budget?: TaskBudget,
): SubtreeTally {
  const record = read(fsPath, only);
  if (budget !== undefined) budget.left -= record.names.length;
  const { names, facts } = record;
  const inodes = record.inodes.length === 0 ? undefined : new Map(record.inodes);
  const links = record.links.length === 0 ? undefined : new Map(record.links);
  for (let n = 0; n < names.length; n++) {
    const packed = facts[n * 3]!;
    const kind = packed & 7;
    // Sockets (kind 4): only BuildKit sends them, so they are counted apart.
    if (kind === 4) {
      into.sockets++;
      continue;
    }
    const name = names[n]!;
    const pathAscii = ascii && (packed & 8) === 0;
    const size = facts[n * 3 + 1]!;
    const mtime = facts[n * 3 + 2]!;
    into.entries++;
    if (kind === 0) into.files++;
    else if (kind === 1) into.dirs++;
    else if (kind === 2) into.symlinks++;
    else into.others++;
    const inode = kind !== 1 && ((packed >>> 4) & 255) > 1 ? (inodes?.get(n) ?? -1) : -1;
    // The path's length without building it: most entries never need the string itself.
    const pathLength = (rel === '' ? 0 : rel.length + 1) + name.length;
    const plain = kind === 2 || inode >= 0 ? -1 : plainBytes(pathLength + (kind === 1 ? 1 : 0), pathAscii, size, mtime);
    if (plain >= 0) {
      into.tarBytes += plain;
      into.bytes += size;
    } else {
      if (inode < 0) into.bytes += size;
      into.special.push([rel === '' ? name : rel + '/' + name, kind, size, mtime, pathAscii, inode, links?.get(n) ?? '']);
    }
    if (kind !== 1) continue;
    const childRel = rel === '' ? name : rel + '/' + name;
    if (budget !== undefined && budget.left <= 0) budget.deferred.push([fsPath + '/' + name, childRel, pathAscii]);
    else tallySubtree(read, plainBytes, fsPath + '/' + name, childRel, pathAscii, into, undefined, budget);
  }
  return into;
}

// Totals of a whole subtree without recording its entries: what `ctxlens size` needs for the
// directories the builder never enters (node_modules, .git), where an inventory would cost memory
// and main-thread time for entries nobody looks at. plainUstarBytes, createTally and emptyTally are shipped as source text
// to worker threads, so they reference nothing outside themselves: their helpers come in as
// parameters.
import type { DirectoryReader } from './read-directory.js';

/**
 * Legacy upload bytes of an entry whose tar header is plain USTAR (no PAX record needed): a path
 * of at most 100 bytes (or longer, when the caller found it splits into USTAR's prefix and name:
 * ustarSplits), archive/tar ASCII, size and mtime within 11 octal digits. Symlinks and later names
 * of hardlinks carry a link name, so callers never ask for them.
 * @returns header plus padded content, or -1 when the entry needs the full computation (tarEntryBytes)
 */
export function plainUstarBytes(nameLength: number, ascii: boolean, size: number, mtime: number, splits = false): number {
  // 8589934592 is 8 ** 11, written out because this text also runs in worker threads.
  if ((!splits && nameLength > 100) || !ascii || size >= 8589934592 || mtime < 0 || mtime >= 8589934592) return -1;
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

/** Sums a subtree into a tally: what createTally gives. */
export type Tally = (fsPath: string, rel: string, ascii: boolean, into: SubtreeTally, only?: string[], budget?: TaskBudget) => SubtreeTally;

/**
 * Makes the function that sums subtrees, once per thread. It sums everything below the directory
 * `fsPath` (not the directory itself), depth first, reading as it goes. Each name is classified as
 * readDirectory classifies it for an inventory (its kind from lstat's mode, archive/tar ASCII, link
 * count, a name lstat fails on counted as an empty file), but without building a directory record
 * first: a tally covers most of a tree whose node_modules and .git are pruned, and the record cost
 * a third of its instructions. unfiltered-sizes.test.ts holds the two to the same figures on
 * awkward entries and on random trees.
 * @param reader the scan's reader (names unsorted: order only matters for hardlinks, which are listed)
 * @param plainBytes plainUstarBytes (a parameter because worker threads get this function as source text)
 * @param splitsUstar ustarSplits (tar-size.ts), for the same reason: a long path that splits into
 *   USTAR's prefix and name is summed here, not left to the main thread as a special entry
 * @returns the tally function: `rel` is the directory's context-relative path and `ascii` whether
 *   it is archive/tar ASCII; `only` sums only these entries of the directory (and below them), a
 *   share of a big directory; with a `budget`, subdirectories met after it runs out are deferred,
 *   not summed. It adds the totals into `into` and returns it.
 */
export function createTally(
  reader: DirectoryReader,
  plainBytes: (nameLength: number, ascii: boolean, size: number, mtime: number, splits: boolean) => number,
  splitsUstar: (path: string, isDir: boolean) => boolean,
): Tally {
  // The loop below is the hottest code of `size`, and V8's optimizing compiler spends 10 to 20 ms of
  // CPU on it each time it compiles it, so it is kept from being thrown away and compiled again:
  // - It is one closure per thread, made here: a closure made per task is a new call target for
  //   its own recursive call each time.
  // - The sums live in a Float64Array, whose element type never changes, and are added into the
  //   tally once per task: a byte sum in an object field that passes 2^30 is no longer a small
  //   integer, which changes the object's layout.
  // - The byte sums start at 0.5 (taken off at the end), so that V8 sees fractional numbers from
  //   the first addition and never compiles them as small integers that would overflow.
  // - Branches are few: the first symlink, long path or deferred directory must not meet code the
  //   compiler has never seen run (it compiles such code as "throw away and start again"). So every
  //   entry is written as a row of the special columns below, and every directory as a row of the
  //   deferred ones, and only a special entry or a deferred directory moves past its row: the rare
  //   case runs the very code the common one ran. Symlink targets are read after the walk.
  // Indexes of `sums`: entries, files, dirs, symlinks, others, sockets, bytes, tarBytes.
  const sums = new Float64Array(8);
  // The slot in `sums` each kind code counts in (sockets, 4, are counted before).
  const slotOfKind = [1, 2, 3, 4, 4, 4, 4];
  // The special entries of the task, as columns: context-relative path, file-system path, and
  // SPECIAL_FIELDS numbers per row (kind, size, mtime, inode or -1, archive/tar ASCII as 1 or 0).
  // Rows below `specials` are filled; the row at `specials` is scratch. The columns are made full
  // size, so that a store is never the first to grow one (code the compiler would not have seen).
  const SPECIAL_FIELDS = 5;
  let specialRows = 4096;
  let specialPaths: string[] = new Array<string>(specialRows).fill('');
  let specialFullPaths: string[] = new Array<string>(specialRows).fill('');
  let specialNumbers = new Float64Array(specialRows * SPECIAL_FIELDS);
  let specials = 0;
  // The subdirectories left for later, as columns in the same way: file-system path, context-relative
  // path, archive/tar ASCII as 1 or 0.
  let deferredRows = 1024;
  let deferredFullPaths: string[] = new Array<string>(deferredRows).fill('');
  let deferredPaths: string[] = new Array<string>(deferredRows).fill('');
  let deferredAscii = new Uint8Array(deferredRows);
  let deferred = 0;
  // A string column twice as long, its new rows filled as the first were (rarely needed: a task
  // holds more than the rows made up front only in a directory of thousands of entries).
  const doubled = (column: string[]): string[] => column.concat(new Array<string>(column.length).fill(''));
  let budget: TaskBudget | undefined;
  const nonAscii = /[^\x01-\x7f]/;
  const escaped = /[\udc80-\udcff]/;
  const visit = (dirPath: string, dirRel: string, dirAscii: boolean, listed: string[] | undefined): void => {
    let names: string[];
    try {
      names = listed ?? reader.readdir(dirPath);
    } catch {
      // A directory that cannot be read holds nothing a tally can count, as its record would.
      return;
    }
    if (budget !== undefined) budget.left -= names.length;
    // As readDirectory: archive/tar's isASCII per name, and whether any path below holds an escaped
    // byte (raw-names.ts), settled once for the directory.
    let plain = !escaped.test(dirPath);
    let anyNonAscii = false;
    for (const name of names) {
      if (!nonAscii.test(name)) continue;
      anyNonAscii = true;
      if (escaped.test(name)) plain = false;
    }
    const prefix = dirRel === '' ? '' : dirRel + '/';
    for (let n = 0; n < names.length; n++) {
      const name = names[n]!;
      const full = dirPath + '/' + name;
      let kind = 0;
      let size = 0;
      let mtime = 0;
      // Whether the entry is a hardlink, kept apart from its inode number, which is never compared
      // (inodes can pass 2^30 too).
      let linked = false;
      let inode = -1;
      try {
        const stat = reader.lstat(full, plain);
        // st_mode S_IFMT -> kind code (file, dir, symlink, fifo, socket, char, block).
        const format = stat.mode & 0o170000;
        kind = format === 0o040000 ? 1 : format === 0o120000 ? 2 : format === 0o010000 ? 3 : format === 0o140000 ? 4 : format === 0o020000 ? 5 : format === 0o060000 ? 6 : 0;
        size = kind === 0 ? stat.size : 0;
        mtime = Math.floor(stat.mtimeMs / 1000);
        inode = stat.ino;
        linked = stat.nlink > 1 && kind !== 1;
      } catch {
        // Counted as readDirectory records it: an empty file with one link.
      }
      // Sockets (kind 4): only BuildKit sends them, so they are counted apart.
      if (kind === 4) {
        sums[5]!++;
        continue;
      }
      const pathAscii = dirAscii && !(anyNonAscii && nonAscii.test(name));
      // Built for every entry: its row of the special columns, and whether a long path splits into
      // USTAR's prefix and name, need it.
      const relPath = prefix + name;
      sums[0]!++;
      sums[slotOfKind[kind]!]!++;
      // A hardlink's bytes count once, for the name that comes first in walk order (settled later).
      if (!linked) sums[6]! += size;
      const plainTar = kind === 2 || linked ? -1 : plainBytes(relPath.length + (kind === 1 ? 1 : 0), pathAscii, size, mtime, splitsUstar(relPath, kind === 1));
      sums[7]! += plainTar >= 0 ? plainTar : 0;
      specialPaths[specials] = relPath;
      specialFullPaths[specials] = full;
      const row = specials * SPECIAL_FIELDS;
      specialNumbers[row] = kind;
      specialNumbers[row + 1] = size;
      specialNumbers[row + 2] = mtime;
      specialNumbers[row + 3] = linked ? inode : -1;
      specialNumbers[row + 4] = pathAscii ? 1 : 0;
      specials += plainTar >= 0 ? 0 : 1;
      if (specials === specialRows) {
        specialRows *= 2;
        specialPaths = doubled(specialPaths);
        specialFullPaths = doubled(specialFullPaths);
        const wider = new Float64Array(specialRows * SPECIAL_FIELDS);
        wider.set(specialNumbers);
        specialNumbers = wider;
      }
      if (kind !== 1) continue;
      const defer = budget !== undefined && budget.left <= 0;
      deferredFullPaths[deferred] = full;
      deferredPaths[deferred] = relPath;
      deferredAscii[deferred] = pathAscii ? 1 : 0;
      deferred += defer ? 1 : 0;
      if (deferred === deferredRows) {
        deferredRows *= 2;
        deferredFullPaths = doubled(deferredFullPaths);
        deferredPaths = doubled(deferredPaths);
        const wider = new Uint8Array(deferredRows);
        wider.set(deferredAscii);
        deferredAscii = wider;
      }
      if (!defer) visit(full, relPath, pathAscii, undefined);
    }
  };
  return (fsPath, rel, ascii, into, only, taskBudget) => {
    sums.fill(0);
    sums[6] = 0.5;
    sums[7] = 0.5;
    deferred = 0;
    specials = 0;
    budget = taskBudget;
    // A piece of a listing handed to a worker thread arrives as a holey array (structured clone), not
    // the packed array readdir gives: copied by push, it keeps the loop on the one shape it was compiled for.
    let listed: string[] | undefined;
    if (only !== undefined) {
      listed = [];
      for (let i = 0; i < only.length; i++) listed.push(only[i]!);
    }
    visit(fsPath, rel, ascii, listed);
    for (let i = 0; i < specials; i++) {
      const row = i * SPECIAL_FIELDS;
      const kind = specialNumbers[row]!;
      let target = '';
      if (kind === 2) {
        try {
          target = reader.readlink(specialFullPaths[i]!);
        } catch {
          // The target stays empty, as a record without it.
        }
      }
      into.special.push([specialPaths[i]!, kind, specialNumbers[row + 1]!, specialNumbers[row + 2]!, specialNumbers[row + 4] === 1, specialNumbers[row + 3]!, target]);
    }
    into.entries += sums[0]!;
    into.files += sums[1]!;
    into.dirs += sums[2]!;
    into.symlinks += sums[3]!;
    into.others += sums[4]!;
    into.sockets += sums[5]!;
    into.bytes += sums[6]! - 0.5;
    into.tarBytes += sums[7]! - 0.5;
    for (let i = 0; i < deferred; i++) taskBudget!.deferred.push([deferredFullPaths[i]!, deferredPaths[i]!, deferredAscii[i] === 1]);
    budget = undefined;
    return into;
  };
}

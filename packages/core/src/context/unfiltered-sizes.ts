// The size of a directory as if it had no ignore file, from an inventory that recorded only part
// of the tree plus tallies of the rest (scanParallel). It must equal sumSizes over the full walk
// to the byte; the test beside it checks that on trees with hardlinks across tallied subtrees,
// long and non-ASCII names, symlinks and sockets.
//
// BuildKit's transfer figure is not given here. Most of it could be summed by a tally: the stat
// packet of an entry depends only on its own path length, mode, size, mtime and link target (a
// later hardlink name's first name is settled in `special`, as for the tar), and a file's data
// packets on its size. What a tally cannot know is each data packet's ID field: the file's
// position among all stat packets in send order, written as a varint that is absent for ID 0 and
// then 2, 3, 4 or 5 bytes from IDs 1, 128, 16 384 and 2 097 152. The exact sum needs, for each of
// those thresholds, the data packets of the files sent after it; a tally learns its offset in the
// send order only once every tally before it is done, and it reads names unsorted (sorting is what
// it saves), so it would have to keep per-entry packet counts in byte order (a sort per directory
// on the worker, and about a byte per entry until the offsets are known) or read again the
// subtrees that straddle a threshold. Not worth it for a baseline figure: computeContextWithBaseline
// gives it exactly, from its full inventory.
import { type Inventory } from '../inventory/inventory.js';
import type { Builder } from '../options.js';
import { sortByteOrder } from '../inventory/sort-names.js';
import { addTally, emptyTally, type SpecialEntry, type SubtreeTally } from '../inventory/tally.js';
import { formatDockerSize } from '../tar/docker-size.js';
import { TAR_TRAILER_BYTES, tarEntryBytes } from '../tar/tar-size.js';
import { type ContextSizes, entryTarBytes } from './sizes.js';

const KIND_FILE = 0;
const KIND_DIR = 1;
const KIND_SYMLINK = 2;
const KIND_SOCKET = 4;

/**
 * Sums the entries the inventory recorded, stopping at the directories it never read: those a
 * scan tallied, whose tallies stand in for their contents (unfilteredSizes adds them). It needs
 * only the recorded directories, so measureContext runs it while the tallies are still being made.
 * @returns the recorded entries' totals; hardlinks and PAX entries are left in `special`
 */
export function recordedTotals(inv: Inventory): SubtreeTally {
  const total = emptyTally();
  const stack = [0];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    if (!inv.isScanned(dir)) continue;
    const [start, n] = inv.children(dir);
    for (let c = start; c < start + n; c++) {
      const kind = inv.kinds[c]!;
      if (kind === KIND_SOCKET) {
        total.sockets++;
        continue;
      }
      total.entries++;
      if (kind === KIND_FILE) total.files++;
      else if (kind === KIND_DIR) total.dirs++;
      else if (kind === KIND_SYMLINK) total.symlinks++;
      else total.others++;
      if (kind === KIND_DIR) stack.push(c);
      else if (inv.nlinks[c]! > 1) {
        total.special.push([inv.path(c), kind, inv.sizes[c]!, inv.mtime(c), inv.isAsciiPath(c), inv.inode(c)!, inv.linkTargets.get(c) ?? '']);
        continue;
      }
      total.bytes += inv.sizes[c]!;
      total.tarBytes += entryTarBytes(inv, c);
    }
  }
  return total;
}

/**
 * Depth-first order with names in byte order, as every walk sends entries: byte order of whole
 * paths once "/" sorts below every byte a name can hold.
 */
function walkOrderKey(path: string): string {
  return path.replaceAll('/', '\0');
}

/**
 * Adds the entries a tally could not finish: full tar headers, and hardlinks, whose first name in
 * walk order carries the content (moby keys them by inode number only) and whose later names are links to it.
 */
function settleSpecial(total: SubtreeTally): void {
  const linked: SpecialEntry[] = [];
  for (const entry of total.special) {
    const [name, kind, size, mtime, ascii, inode, linkTarget] = entry;
    if (inode >= 0) linked.push(entry);
    else total.tarBytes += tarEntryBytes({ name, isDir: kind === KIND_DIR, linkname: linkTarget, size, mtime, ascii });
  }
  const byKey = new Map(linked.map((entry) => [walkOrderKey(entry[0]), entry]));
  const firstName = new Map<number, string>();
  for (const key of sortByteOrder([...byKey.keys()])) {
    const entry = byKey.get(key)!;
    const [name, kind, size, mtime, ascii, inode, linkTarget] = entry;
    const first = firstName.get(inode);
    if (first === undefined) {
      firstName.set(inode, name);
      if (kind === KIND_FILE) total.bytes += size;
    }
    total.tarBytes += tarEntryBytes({ name, isDir: false, linkname: first ?? linkTarget, size: first === undefined ? size : 0, mtime, ascii });
  }
}

/**
 * The figures of the whole directory without any ignore file: the recorded entries' totals
 * (recordedTotals) plus the tallies of every subtree the scan did not record (scanParallel).
 * BuildKit's transfer figure is left out: see {@link ContextSizes.transferBytes}.
 * @param builder BuildKit sends sockets (as empty files, counted in `others`); the legacy client does not
 * @returns the same totals sumSizes gives for a walk of every entry
 */
export function unfilteredSizes(recorded: SubtreeTally, tallies: ReadonlyMap<number, SubtreeTally>, builder: Builder): ContextSizes {
  const total = addTally(emptyTally(), recorded);
  for (const tally of tallies.values()) addTally(total, tally);
  settleSpecial(total);
  const tarBytes = total.tarBytes + TAR_TRAILER_BYTES;
  const sockets = builder === 'buildkit' ? total.sockets : 0;
  return { entries: total.entries + sockets, files: total.files, dirs: total.dirs, symlinks: total.symlinks, others: total.others + sockets, bytes: total.bytes, tarBytes, dockerSize: formatDockerSize(tarBytes) };
}

import type { EntryKind, Inventory } from '../inventory/inventory.js';
import { formatDockerSize } from '../tar/docker-size.js';
import { plainUstarBytes } from '../inventory/tally.js';
import { TAR_TRAILER_BYTES, tarEntryBytes } from '../tar/tar-size.js';

/** One entry of the context, in send order. */
export interface ContextEntry {
  /** Index in the inventory. */
  readonly index: number;
  /** POSIX path relative to the context root. */
  readonly path: string;
  readonly kind: EntryKind;
  /** Content bytes on disk (regular files only). */
  readonly size: number;
  /** Symlink target, as stored in the link. */
  readonly linkTarget: string | undefined;
  /** For a second name of a hardlinked file: the first name sent, which carries the content. */
  readonly hardlinkOf: string | undefined;
  /** Bytes this entry takes in the legacy builder's tar upload. */
  readonly tarBytes: number;
}

/** Totals for a context. */
export interface ContextSizes {
  /** Every entry sent, directories included. */
  readonly entries: number;
  /** Regular files (a hardlinked file counts once per name). */
  readonly files: number;
  readonly dirs: number;
  readonly symlinks: number;
  /** FIFOs and devices. */
  readonly others: number;
  /** Sum of file sizes, each hardlinked inode counted once: the bulk of BuildKit's transfer. */
  readonly bytes: number;
  /** Exact byte count of the legacy builder's tar upload of these entries. */
  readonly tarBytes: number;
  /** `tarBytes` as Docker prints it, e.g. `2.1MB`. */
  readonly dockerSize: string;
  /**
   * Set only where Docker's own upload size varies from run to run (a Dockerfile outside the
   * context and no .dockerignore: two entries appended in random order): the other size.
   */
  readonly otherTarBytes?: number;
}

/**
 * Bytes entry `i` takes in the legacy upload: header(s) plus padded content. `hardlinkOf` names
 * the first name of its inode when this is a later one (then the entry is a link, without content).
 * @returns the byte count
 */
export function entryTarBytes(inv: Inventory, i: number, hardlinkOf?: string): number {
  const kind = inv.kind(i);
  if (kind === 'socket') return 0;
  const size = kind === 'file' && hardlinkOf === undefined ? inv.sizes[i]! : 0;
  const mtime = inv.mtime(i);
  // Most entries fit a plain USTAR header; only the rest pay for the full check.
  const plain = kind === 'symlink' || hardlinkOf !== undefined ? -1 : plainUstarBytes(inv.pathLength(i) + (kind === 'dir' ? 1 : 0), inv.isAsciiPath(i), size, mtime);
  return plain >= 0 ? plain : tarEntryBytes({ name: inv.path(i), isDir: kind === 'dir', linkname: hardlinkOf ?? inv.linkTargets.get(i) ?? '', size, mtime, ascii: inv.isAsciiPath(i) });
}

/**
 * Visits entries in send order with what the tar writer would know, resolving hardlinks as moby
 * does: the first name of an inode (keyed by inode number only) carries the content, later names
 * are links to it. `precomputed` holds entryTarBytes(inv, i) per entry, when the caller has it.
 */
function forEachEntry(
  inv: Inventory,
  order: Int32Array,
  visit: (i: number, kind: EntryKind, hardlinkOf: string | undefined, tarBytes: number) => void,
  precomputed?: Float64Array,
): void {
  const firstName = new Map<number, string>();
  for (const i of order) {
    const kind = inv.kind(i);
    let hardlinkOf: string | undefined;
    if (kind !== 'dir' && inv.nlinks[i]! > 1) {
      const ino = inv.inode(i)!;
      hardlinkOf = firstName.get(ino);
      if (hardlinkOf === undefined) firstName.set(ino, inv.path(i));
    }
    const tarBytes = precomputed !== undefined && hardlinkOf === undefined ? precomputed[i]! : entryTarBytes(inv, i, hardlinkOf);
    visit(i, kind, hardlinkOf, tarBytes);
  }
}

/**
 * Describes entries in send order.
 * @returns one object per entry, with sizes and legacy tar bytes
 */
export function describeEntries(inv: Inventory, order: Int32Array): ContextEntry[] {
  const out: ContextEntry[] = [];
  forEachEntry(inv, order, (index, kind, hardlinkOf, tarBytes) => {
    out.push({ index, path: inv.path(index), kind, size: kind === 'file' ? inv.sizes[index]! : 0, linkTarget: inv.linkTargets.get(index), hardlinkOf, tarBytes });
  });
  return out;
}

/**
 * Sums entries into the figures Docker users see, without building an object per entry.
 * @param precomputed entryTarBytes per inventory entry, to skip recomputing them (the TUI keeps them)
 * @returns file counts, file bytes and the legacy upload size
 */
export function sumSizes(inv: Inventory, order: Int32Array, precomputed?: Float64Array): ContextSizes {
  let files = 0;
  let dirs = 0;
  let symlinks = 0;
  let others = 0;
  let bytes = 0;
  let tarBytes = TAR_TRAILER_BYTES;
  forEachEntry(inv, order, (i, kind, hardlinkOf, entryBytes) => {
    if (kind === 'file') {
      files++;
      if (hardlinkOf === undefined) bytes += inv.sizes[i]!;
    } else if (kind === 'dir') dirs++;
    else if (kind === 'symlink') symlinks++;
    else others++;
    tarBytes += entryBytes;
  }, precomputed);
  return { entries: order.length, files, dirs, symlinks, others, bytes, tarBytes, dockerSize: formatDockerSize(tarBytes) };
}

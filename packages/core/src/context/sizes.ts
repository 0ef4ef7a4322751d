import type { EntryKind, Inventory } from '../inventory/inventory.js';
import { formatDockerSize } from '../tar/docker-size.js';
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
}

/**
 * Describes entries in send order, resolving hardlinks as archive/tar writers do: the first name of
 * an inode carries the content, later names are links to it (keyed by inode number only, as moby does).
 * @returns the entries
 */
export function describeEntries(inv: Inventory, order: readonly number[]): ContextEntry[] {
  const firstName = new Map<number, string>();
  return order.map((i) => {
    const kind = inv.kind(i);
    const path = inv.paths[i]!;
    let hardlinkOf: string | undefined;
    if (kind !== 'dir' && inv.nlinks[i]! > 1) {
      const ino = inv.inodes[i]!;
      hardlinkOf = firstName.get(ino);
      if (hardlinkOf === undefined) firstName.set(ino, path);
    }
    const size = kind === 'file' ? inv.sizes[i]! : 0;
    const linkTarget = inv.linkTargets.get(i);
    const tarBytes = tarEntryBytes({
      name: path,
      isDir: kind === 'dir',
      linkname: hardlinkOf ?? linkTarget ?? '',
      size: hardlinkOf === undefined ? size : 0,
      mtime: inv.mtimes[i]!,
    });
    return { index: i, path, kind, size, linkTarget, hardlinkOf, tarBytes };
  });
}

/**
 * Sums entries into the figures Docker users see.
 * @returns file counts, file bytes and the legacy upload size
 */
export function sumSizes(entries: readonly ContextEntry[]): ContextSizes {
  let files = 0;
  let dirs = 0;
  let symlinks = 0;
  let others = 0;
  let bytes = 0;
  let tarBytes = TAR_TRAILER_BYTES;
  for (const e of entries) {
    if (e.kind === 'file') {
      files++;
      if (e.hardlinkOf === undefined) bytes += e.size;
    } else if (e.kind === 'dir') dirs++;
    else if (e.kind === 'symlink') symlinks++;
    else others++;
    tarBytes += e.tarBytes;
  }
  return { entries: entries.length, files, dirs, symlinks, others, bytes, tarBytes, dockerSize: formatDockerSize(tarBytes) };
}

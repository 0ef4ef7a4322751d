import type { EntryKind, Inventory } from '../inventory/inventory.js';
import { formatDockerSize } from '../tar/docker-size.js';
import { plainUstarBytes } from '../inventory/tally.js';
import { TAR_TRAILER_BYTES, tarEntryBytes } from '../tar/tar-size.js';
import { rawByteLength } from '../inventory/raw-names.js';
import { dataPacketCount, dataPacketHeaderBytes, dataPacketsBytes, dataPayloadBytes, FIN_PACKET_BYTES, goFileMode, statPacketBytes } from '../transfer/fsutil-wire.js';
import { formatProgressBytes } from '../transfer/progress-bytes.js';
import { countsAsFile } from './figures.js';

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
  /** Bytes this entry adds to BuildKit's `transferring context` figure: its stat packet and data packets. */
  readonly transferBytes: number;
}

/** Totals for a context. */
export interface ContextSizes {
  /** Every entry sent, directories included. */
  readonly entries: number;
  /** Regular files (a hardlinked file counts once per name). */
  readonly files: number;
  readonly dirs: number;
  readonly symlinks: number;
  /** FIFOs and devices, and under BuildKit sockets (which it sends as empty files). */
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
  /**
   * BuildKit's `transferring context` figure for a first, uncached build of these entries: the
   * protobuf bytes of every packet fsutil's receiver counts (a stat packet per entry, the file data
   * in packets of up to 32 KiB plus an empty one per file, and the closing packet). 0 when the build
   * reads no context at all (BuildKit then has no load step). A warm builder sends only what changed.
   * Absent from measureContext's `unfilteredSizes` (see unfiltered-sizes.ts for why); present in
   * computeContextWithBaseline's `unfiltered.sizes`, which has every entry.
   */
  readonly transferBytes?: number;
  /** `transferBytes` as BuildKit's progress prints it, e.g. `684.99kB` ('' for 0, which it leaves off). */
  readonly transferSize?: string;
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
 * Bytes entry `i` adds to BuildKit's transfer: its stat packet, and for a regular file carrying
 * content, its data packets.
 * @param id the entry's position in the send order (fsutil numbers stat packets from 0)
 * @param hardlinkOf the first name of its inode when this is a later name (linked, not sent again)
 * @returns the byte count
 */
export function entryTransferBytes(inv: Inventory, i: number, id: number, hardlinkOf: string | undefined, opens = true): number {
  const kind = inv.kind(i);
  const stat = entryStatBytes(inv, i, hardlinkOf);
  // fsutil clears a socket's type bit, so the receiver asks for its data like a regular file's;
  // the sender cannot open it and closes it with the empty packet (it arrives as an empty file).
  if (kind === 'socket' && hardlinkOf === undefined) return stat + dataPacketsBytes(id, 0);
  if (kind !== 'file' || hardlinkOf !== undefined) return stat;
  // A file fsutil cannot open (see SendFilters) still gets the empty packet that closes it.
  return stat + dataPacketsBytes(id, opens ? inv.sizes[i]! : 0);
}

/** Bytes of entry `i`'s stat packet (`hardlinkOf`: the first name of its inode, for a later name). */
function entryStatBytes(inv: Inventory, i: number, hardlinkOf: string | undefined): number {
  const kind = inv.kind(i);
  const pathBytes = inv.isAsciiPath(i) ? inv.pathLength(i) : rawByteLength(inv.path(i));
  const target = kind === 'symlink' ? inv.linkTargets.get(i) : undefined;
  const targetBytes = target === undefined ? 0 : rawByteLength(target);
  // fsutil sets a later hardlink name's linkname to the first name, then a symlink's own target
  // overwrites it (mkstat): a hard-linked symlink is sent as a symlink.
  const linkBytes = kind === 'symlink' ? targetBytes : hardlinkOf !== undefined ? rawByteLength(hardlinkOf) : 0;
  // A symlink's lstat size is its target's length; fsutil sends the lstat size of all but directories.
  const size = kind === 'file' ? inv.sizes[i]! : targetBytes;
  return statPacketBytes({ pathBytes, mode: goFileMode(kind, inv.perms[i]!), size, mtimeSeconds: inv.mtime(i), linkBytes });
}

/**
 * Per inventory entry, the parts of sumSizes' figures that depend on neither the rules nor the send
 * order, for an entry sent as the first name of its inode (later names of a hardlinked inode are
 * summed entry by entry). Computed once per inventory (entryFigures), they turn a re-evaluation's
 * sums into a few array reads per sent entry.
 */
export interface EntryFigures {
  /** entryTarBytes: the entry's bytes in the legacy upload. */
  readonly tarBytes: Float64Array;
  /** Bytes of its stat packet in BuildKit's transfer. */
  readonly statBytes: Float64Array;
  /** Data fields of its DATA packets (dataPayloadBytes); 0 for entries without any. */
  readonly dataBytes: Float64Array;
  /** How many DATA packets it takes when opened (dataPacketCount); 0 for entries without any. */
  readonly dataPackets: Float64Array;
}

/**
 * Computes EntryFigures for every entry of an inventory (read fully).
 * @returns the figures, indexed like the inventory
 */
export function entryFigures(inv: Inventory): EntryFigures {
  const n = inv.count;
  const tar = new Float64Array(n);
  const statBytes = new Float64Array(n);
  const dataBytes = new Float64Array(n);
  const dataPackets = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    tar[i] = entryTarBytes(inv, i);
    statBytes[i] = entryStatBytes(inv, i, undefined);
    const kind = inv.kind(i);
    // As entryTransferBytes: a socket closes with the empty packet, a file sends its content.
    if (kind === 'file' || kind === 'socket') {
      const size = kind === 'file' ? inv.sizes[i]! : 0;
      dataBytes[i] = dataPayloadBytes(size);
      dataPackets[i] = dataPacketCount(size);
    }
  }
  return { tarBytes: tar, statBytes, dataBytes, dataPackets };
}

/**
 * Whether fsutil's sender opens a sent file: its Open checks the path again with
 * MatchesOrParentMatches, against the include patterns and the ignore file, where the walk used
 * parent results. After `a`, `!a/f`, `a` the walk sends `a/f` but Open refuses it, so it arrives
 * empty (issue 11, seen on the real BuildKit).
 */
export type OpensFile = (index: number) => boolean;

/**
 * Visits entries in send order with what the tar writer would know, resolving hardlinks as moby
 * does: the first name of an inode (keyed by inode number only) carries the content, later names
 * are links to it. `precomputed` holds entryTarBytes(inv, i) per entry, when the caller has it;
 * `tar` false skips the tar figure (visited as 0) for callers that sum something else.
 */
function forEachEntry(
  inv: Inventory,
  order: Int32Array,
  visit: (i: number, kind: EntryKind, hardlinkOf: string | undefined, tarBytes: number, id: number) => void,
  precomputed?: Float64Array,
  tar = true,
): void {
  const firstName = new Map<number, string>();
  let id = 0;
  for (const i of order) {
    const kind = inv.kind(i);
    let hardlinkOf: string | undefined;
    if (kind !== 'dir' && inv.nlinks[i]! > 1) {
      const ino = inv.inode(i)!;
      hardlinkOf = firstName.get(ino);
      if (hardlinkOf === undefined) firstName.set(ino, inv.path(i));
    }
    const tarBytes = !tar ? 0 : precomputed !== undefined && hardlinkOf === undefined ? precomputed[i]! : entryTarBytes(inv, i, hardlinkOf);
    visit(i, kind, hardlinkOf, tarBytes, id++);
  }
}

/**
 * Describes entries in send order.
 * @returns one object per entry, with sizes and legacy tar bytes
 */
export function describeEntries(inv: Inventory, order: Int32Array, opens?: OpensFile): ContextEntry[] {
  const out: ContextEntry[] = [];
  forEachEntry(inv, order, (index, kind, hardlinkOf, tarBytes, id) => {
    const transferBytes = entryTransferBytes(inv, index, id, hardlinkOf, opens?.(index) ?? true);
    out.push({ index, path: inv.path(index), kind, size: kind === 'file' ? inv.sizes[index]! : 0, linkTarget: inv.linkTargets.get(index), hardlinkOf, tarBytes, transferBytes });
  });
  return out;
}

/**
 * Sums entries into the figures Docker users see, without building an object per entry.
 * @param figures entryFigures of the inventory, to skip recomputing each entry's bytes (the TUI keeps them)
 * @param usesContext false when the build reads no context: BuildKit then transfers nothing at all
 * @param opens BuildKit: whether the sender opens each sent file (files it cannot open arrive empty)
 * @returns file counts, file bytes, the legacy upload size and BuildKit's transfer figure
 */
export function sumSizes(inv: Inventory, order: Int32Array, figures?: EntryFigures, usesContext = true, opens?: OpensFile): ContextSizes {
  let files = 0;
  let dirs = 0;
  let symlinks = 0;
  let others = 0;
  let bytes = 0;
  let tarBytes = TAR_TRAILER_BYTES;
  let transferBytes = usesContext ? FIN_PACKET_BYTES : 0;
  forEachEntry(inv, order, (i, kind, hardlinkOf, entryBytes, id) => {
    if (figures !== undefined) {
      const opened = kind !== 'file' || opens === undefined || opens(i);
      if (hardlinkOf !== undefined || !opened) transferBytes += entryTransferBytes(inv, i, id, hardlinkOf, opened);
      // The stat packet and the data fields are the entry's own; only the packet headers hold its position.
      else transferBytes += figures.statBytes[i]! + figures.dataBytes[i]! + figures.dataPackets[i]! * dataPacketHeaderBytes(id);
    }
    if (countsAsFile(kind)) {
      files++;
      if (hardlinkOf === undefined) bytes += inv.sizes[i]!;
    } else if (kind === 'dir') dirs++;
    else if (kind === 'symlink') symlinks++;
    else others++;
    tarBytes += entryBytes;
  }, figures?.tarBytes);
  const sums = { entries: order.length, files, dirs, symlinks, others, bytes, tarBytes, dockerSize: formatDockerSize(tarBytes) };
  if (figures !== undefined) return { ...sums, transferBytes, transferSize: formatProgressBytes(transferBytes) };
  // Without per-entry figures (a one-off command), BuildKit's figure costs a stat packet's size and
  // an Open check per entry, all run cold, and most commands never print it (check, anything under
  // the legacy builder): it is summed the first time it is read, and kept.
  let summed: number | undefined;
  const transfer = (): number => (summed ??= transferTotal(inv, order, usesContext, opens));
  return Object.defineProperties(sums, {
    transferBytes: { enumerable: true, get: transfer },
    transferSize: { enumerable: true, get: () => formatProgressBytes(transfer()) },
  }) as ContextSizes;
}

/** BuildKit's transfer figure of entries in send order (see ContextSizes.transferBytes). */
function transferTotal(inv: Inventory, order: Int32Array, usesContext: boolean, opens: OpensFile | undefined): number {
  let transferBytes = usesContext ? FIN_PACKET_BYTES : 0;
  forEachEntry(inv, order, (i, kind, hardlinkOf, _tarBytes, id) => {
    transferBytes += entryTransferBytes(inv, i, id, hardlinkOf, kind !== 'file' || opens === undefined || opens(i));
  }, undefined, false);
  return transferBytes;
}

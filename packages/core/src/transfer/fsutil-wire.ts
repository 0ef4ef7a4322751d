// The bytes BuildKit counts for `transferring context`: the daemon's fsutil receiver adds up the
// protobuf size of every packet it receives from the client (receive.go, `size += p.Size()`):
// - one STAT packet per entry sent, in send order, then an empty STAT packet ending the list;
// - for each regular file the receiver asks for (every one on a first build, except later names of
//   a hardlinked inode, which it links instead), DATA packets of up to 32 KiB (send.go copies with a
//   32 KiB buffer) and one empty DATA packet closing the file;
// - the FIN packet the sender answers with.
// Packet (types/wire.proto): type = 1 (enum), stat = 2 (message), ID = 3 (uint32), data = 4 (bytes).
// Stat (types/stat.proto): path = 1, mode = 2 (uint32, Go's os.FileMode), uid = 3, gid = 4, size = 5
// (int64), modTime = 6 (int64 nanoseconds), linkname = 7, devmajor = 8, devminor = 9, xattrs = 10.
// proto3 leaves zero fields out; each field present costs a one-byte tag. The client resets uid and
// gid to 0 (buildkit client/solve.go resetUIDAndGID), so they never appear; STAT's type is 0 and
// never appears either.

/** The buffer fsutil's sender copies a file with: the largest DATA payload. */
export const DATA_CHUNK_BYTES = 32 * 1024;
/** The FIN packet (type 3) closing the transfer. */
export const FIN_PACKET_BYTES = 2;

/**
 * Length of a protobuf varint. Negative int64 values take ten bytes.
 * @returns 1 to 10
 */
export function varintLength(value: number): number {
  if (value < 0) return 10;
  let n = 1;
  let v = value;
  while (v >= 128) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

/** A length-delimited field: tag, length, bytes (left out when empty). */
function bytesField(length: number): number {
  return length === 0 ? 0 : 1 + varintLength(length) + length;
}

/** A varint field (left out when zero). */
function varintField(value: number): number {
  return value === 0 ? 0 : 1 + varintLength(value);
}

const GO_MODE = {
  dir: 2 ** 31,
  symlink: 2 ** 27,
  device: 2 ** 26,
  namedPipe: 2 ** 25,
  setuid: 2 ** 23,
  setgid: 2 ** 22,
  charDevice: 2 ** 21,
  sticky: 2 ** 20,
};

/** An entry kind as the inventory records it. */
type WireKind = 'file' | 'dir' | 'symlink' | 'fifo' | 'socket' | 'char' | 'block';

/**
 * Go's os.FileMode for an lstat, as fsutil puts it in a stat packet (the socket bit cleared).
 * @param perm st_mode & 0o7777
 * @returns the mode as an unsigned 32-bit number
 */
export function goFileMode(kind: WireKind, perm: number): number {
  let mode = perm & 0o777;
  if (perm & 0o4000) mode += GO_MODE.setuid;
  if (perm & 0o2000) mode += GO_MODE.setgid;
  if (perm & 0o1000) mode += GO_MODE.sticky;
  switch (kind) {
    case 'dir':
      return mode + GO_MODE.dir;
    case 'symlink':
      return mode + GO_MODE.symlink;
    case 'fifo':
      return mode + GO_MODE.namedPipe;
    case 'char':
      return mode + GO_MODE.device + GO_MODE.charDevice;
    case 'block':
      return mode + GO_MODE.device;
    default:
      return mode;
  }
}

/** What one stat packet holds. */
export interface WireStat {
  /** UTF-8 bytes of the context-relative path. */
  readonly pathBytes: number;
  /** Go's os.FileMode (goFileMode). */
  readonly mode: number;
  /** lstat size for anything but a directory (a symlink's is its target's length); 0 for directories. */
  readonly size: number;
  /** Modification time in whole seconds; its varint is that of the nanosecond count. */
  readonly mtimeSeconds: number;
  /** Bytes of the symlink target, or of the first name for a later name of a hardlinked file. */
  readonly linkBytes: number;
}

/**
 * Bytes of a modification time's field: nanoseconds since the epoch, as a varint. Only whole seconds
 * are known here, which gives the same length except within a second of 2^(7k) ns (1970 and 1972);
 * an mtime of 0 s is taken as exactly 0, which proto3 leaves out.
 * @returns the field's bytes, tag included
 */
export function mtimeFieldBytes(seconds: number): number {
  if (seconds === 0) return 0;
  return 1 + varintLength(seconds * 1e9);
}

/**
 * Bytes of one STAT packet on the wire.
 * @returns the packet's protobuf size
 */
export function statPacketBytes(stat: WireStat): number {
  const body = bytesField(stat.pathBytes) + varintField(stat.mode) + varintField(stat.size) + mtimeFieldBytes(stat.mtimeSeconds) + bytesField(stat.linkBytes);
  // Packet.stat is a message field: sent even when empty, as tag and length.
  return 1 + varintLength(body) + body;
}

/**
 * Bytes of one DATA packet's header fields: its type and, from the second stat packet on, the ID.
 * @param id the file's position among the stat packets (0-based; 0 is left out of the packet)
 * @returns the bytes every DATA packet of that file spends besides its data field
 */
export function dataPacketHeaderBytes(id: number): number {
  return 2 + varintField(id);
}

/**
 * DATA packets carrying a file of `size` bytes: full 32 KiB packets, the rest, then the empty
 * packet that closes the file.
 * @returns the packet count (1 for an empty file)
 */
export function dataPacketCount(size: number): number {
  const full = Math.floor(size / DATA_CHUNK_BYTES);
  return full + (size - full * DATA_CHUNK_BYTES > 0 ? 1 : 0) + 1;
}

/**
 * Bytes of the data fields of a file's DATA packets (tag, length, content), without the headers
 * that depend on the file's position (dataPacketHeaderBytes).
 * @returns the bytes
 */
export function dataPayloadBytes(size: number): number {
  const full = Math.floor(size / DATA_CHUNK_BYTES);
  return full * bytesField(DATA_CHUNK_BYTES) + bytesField(size - full * DATA_CHUNK_BYTES);
}

/**
 * Bytes of the DATA packets carrying one file: full 32 KiB packets, the rest, then the empty packet
 * that closes the file.
 * @param id the file's position among the stat packets (0-based; 0 is left out of the packet)
 * @returns the bytes of all its data packets
 */
export function dataPacketsBytes(id: number, size: number): number {
  return dataPacketCount(size) * dataPacketHeaderBytes(id) + dataPayloadBytes(size);
}

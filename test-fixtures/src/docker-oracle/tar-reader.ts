// A minimal, strict reader for the tar streams the Docker CLI uploads (Go archive/tar output).
//
// Supports USTAR headers (with the prefix/name split), PAX extended headers (`x`, and `g`
// globals), GNU long name/link headers (`L`/`K`), octal and base-256 numeric fields, and
// verifies every header checksum.

/** Kind of a tar entry. */
export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'fifo' | 'char' | 'block';

/** One member of a tar archive, after applying any PAX / GNU extension headers. */
export interface TarEntry {
  /** Path exactly as stored in the archive (directories end with `/` when the writer put one). */
  name: string;
  type: TarEntryType;
  /** Size of the entry's data in bytes (0 for everything but regular files). */
  size: number;
  /** Link target for symlinks and hardlinks, `''` otherwise. */
  linkname: string;
  /** Permission bits (and setuid/setgid/sticky) from the header, e.g. `0o644`. */
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  /** Modification time in seconds since the epoch (fractional when a PAX `mtime` says so). */
  mtime: number;
  devmajor: number;
  devminor: number;
  /**
   * Bytes of header blocks belonging to this entry: the 512-byte main header plus any
   * extension headers (PAX `x`/`g`, GNU `L`/`K`) and their padded data that precede it.
   */
  headerBytes: number;
  /** Offset in the archive where this entry's first header block starts. */
  offset: number;
  /** Offset in the archive where this entry's data starts. */
  dataOffset: number;
  /** PAX records that applied to this entry (global and per-entry), e.g. `{ path: '...' }`. */
  pax: Record<string, string>;
}

/** Result of {@link readTar}. */
export interface TarArchive {
  /** Entries in archive order. */
  entries: TarEntry[];
  /** Total byte length of the archive buffer. */
  totalBytes: number;
  /** Whether the end-of-archive marker (two 512-byte zero blocks) was found. */
  trailerFound: boolean;
  /** Offset just past the trailer when found, otherwise the offset where reading stopped. */
  endOffset: number;
  /**
   * `true` when the archive ends right after the last entry's data, without the zero padding
   * to a 512-byte boundary (and hence without a trailer). Tolerated, not an error.
   */
  unpaddedEnd: boolean;
}

/** Thrown when the input is not a well-formed tar archive. */
export class TarFormatError extends Error {
  /** Byte offset in the archive where the problem was detected. */
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`corrupt tar archive at offset ${offset}: ${message}`);
    this.name = 'TarFormatError';
    this.offset = offset;
  }
}

const BLOCK = 512;

const TYPES: Record<string, TarEntryType> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'char',
  '4': 'block',
  '5': 'dir',
  '6': 'fifo',
};

function padded(size: number): number {
  return Math.ceil(size / BLOCK) * BLOCK;
}

function isZeroBlock(buf: Buffer, at: number): boolean {
  for (let i = at; i < at + BLOCK; i++) if (buf[i] !== 0) return false;
  return true;
}

function cString(buf: Buffer, start: number, len: number): string {
  const end = buf.indexOf(0, start);
  return buf.toString('utf8', start, end === -1 || end > start + len ? start + len : end);
}

function numeric(buf: Buffer, start: number, len: number, field: string, headerAt: number): number {
  const first = buf[start] ?? 0;
  if (first & 0x80) {
    // Base-256 (GNU) encoding: big-endian two's complement; bit 0x80 of the first byte is the
    // marker and bit 0x40 the sign.
    const inv = first & 0x40 ? 0xff : 0;
    let value = 0;
    for (let i = 0; i < len; i++) {
      let byte = (buf[start + i] ?? 0) ^ inv;
      if (i === 0) byte &= 0x7f;
      value = value * 256 + byte;
    }
    return inv ? -value - 1 : value;
  }
  const text = buf.toString('latin1', start, start + len).replace(/[\0 ]+$/, '').replace(/^[ \0]+/, '');
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError(`invalid octal ${field} field ${JSON.stringify(text)}`, headerAt);
  return parseInt(text, 8);
}

function verifyChecksum(buf: Buffer, at: number): void {
  const stored = numeric(buf, at + 148, 8, 'checksum', at);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : (buf[at + i] ?? 0);
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  if (stored !== unsigned && stored !== signed) {
    throw new TarFormatError(`header checksum mismatch (stored ${stored}, computed ${unsigned})`, at);
  }
}

function parsePax(data: Buffer, at: number): Record<string, string> {
  const records: Record<string, string> = {};
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] === 0) break; // NUL padding is tolerated after the last record
    const space = data.indexOf(0x20, pos);
    const lenText = space === -1 ? '' : data.toString('latin1', pos, space);
    const len = Number(lenText);
    if (!/^[0-9]+$/.test(lenText) || len <= lenText.length + 1 || pos + len > data.length || data[pos + len - 1] !== 0x0a) {
      throw new TarFormatError(`malformed PAX record at byte ${pos} of the extended header`, at);
    }
    const record = data.toString('utf8', space + 1, pos + len - 1);
    const eq = record.indexOf('=');
    if (eq <= 0) throw new TarFormatError(`malformed PAX record ${JSON.stringify(record)}`, at);
    records[record.slice(0, eq)] = record.slice(eq + 1);
    pos += len;
  }
  return records;
}

function paxNumber(records: Record<string, string>, key: string, fallback: number, at: number): number {
  const text = records[key];
  if (text === undefined) return fallback;
  if (!/^-?[0-9]+(\.[0-9]+)?$/.test(text)) throw new TarFormatError(`invalid PAX ${key} ${JSON.stringify(text)}`, at);
  return Number(text);
}

/**
 * Parses a complete tar archive held in memory.
 *
 * @throws {TarFormatError} on a bad header checksum, an invalid numeric field, a malformed
 *   extension header, an unsupported type flag, or data running past the end of the buffer.
 */
export function readTar(buf: Buffer): TarArchive {
  const entries: TarEntry[] = [];
  let globalPax: Record<string, string> = {};
  let localPax: Record<string, string> | null = null;
  let gnuName: string | null = null;
  let gnuLink: string | null = null;
  let entryStart = -1;
  let pos = 0;

  while (pos < buf.length) {
    if (buf.length - pos < BLOCK) {
      throw new TarFormatError(`truncated header: only ${buf.length - pos} bytes left`, pos);
    }
    if (isZeroBlock(buf, pos)) {
      if (entryStart !== -1) throw new TarFormatError('end-of-archive marker inside an entry\'s extension headers', pos);
      if (pos + 2 * BLOCK <= buf.length && isZeroBlock(buf, pos + BLOCK)) {
        return { entries, totalBytes: buf.length, trailerFound: true, endOffset: pos + 2 * BLOCK, unpaddedEnd: false };
      }
      if (pos + BLOCK === buf.length) {
        return { entries, totalBytes: buf.length, trailerFound: false, endOffset: buf.length, unpaddedEnd: false };
      }
      throw new TarFormatError('single zero block followed by more data', pos);
    }
    verifyChecksum(buf, pos);
    const at = pos;
    if (entryStart === -1) entryStart = at;

    const flag = String.fromCharCode(buf[at + 156] ?? 0);
    const size = numeric(buf, at + 124, 12, 'size', at);
    const dataStart = at + BLOCK;

    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      if (dataStart + size > buf.length) throw new TarFormatError(`extension header data runs past the end (${size} bytes)`, at);
      const data = buf.subarray(dataStart, dataStart + size);
      if (flag === 'x') localPax = { ...(localPax ?? {}), ...parsePax(data, at) };
      else if (flag === 'g') globalPax = { ...globalPax, ...parsePax(data, at) };
      else {
        const end = data.indexOf(0);
        const text = data.toString('utf8', 0, end === -1 ? data.length : end);
        if (flag === 'L') gnuName = text;
        else gnuLink = text;
      }
      pos = dataStart + padded(size);
      if (flag === 'g') entryStart = -1; // a global header is not part of the next entry
      continue;
    }

    const type = TYPES[flag];
    if (type === undefined) throw new TarFormatError(`unsupported type flag ${JSON.stringify(flag)}`, at);

    const magic = buf.toString('latin1', at + 257, at + 263);
    const isPosix = magic === 'ustar\0';
    let name = cString(buf, at, 100);
    const prefix = isPosix ? cString(buf, at + 345, 155) : '';
    if (prefix !== '') name = `${prefix}/${name}`;
    const pax: Record<string, string> = { ...globalPax, ...(localPax ?? {}) };

    const entry: TarEntry = {
      name: pax.path ?? gnuName ?? name,
      type,
      size: paxNumber(pax, 'size', size, at),
      linkname: pax.linkpath ?? gnuLink ?? cString(buf, at + 157, 100),
      mode: numeric(buf, at + 100, 8, 'mode', at) & 0o7777,
      uid: paxNumber(pax, 'uid', numeric(buf, at + 108, 8, 'uid', at), at),
      gid: paxNumber(pax, 'gid', numeric(buf, at + 116, 8, 'gid', at), at),
      uname: pax.uname ?? cString(buf, at + 265, 32),
      gname: pax.gname ?? cString(buf, at + 297, 32),
      mtime: paxNumber(pax, 'mtime', numeric(buf, at + 136, 12, 'mtime', at), at),
      devmajor: numeric(buf, at + 329, 8, 'devmajor', at),
      devminor: numeric(buf, at + 337, 8, 'devminor', at),
      headerBytes: dataStart - entryStart,
      offset: entryStart,
      dataOffset: dataStart,
      pax,
    };
    entries.push(entry);
    localPax = null;
    gnuName = null;
    gnuLink = null;
    entryStart = -1;

    // Only regular files carry data in archives written by Go's archive/tar.
    const dataSize = type === 'file' ? entry.size : 0;
    const dataEnd = dataStart + dataSize;
    if (dataEnd > buf.length) {
      throw new TarFormatError(`data of ${JSON.stringify(entry.name)} runs past the end (${dataSize} bytes)`, at);
    }
    const next = dataStart + padded(dataSize);
    if (next > buf.length) {
      return { entries, totalBytes: buf.length, trailerFound: false, endOffset: buf.length, unpaddedEnd: true };
    }
    pos = next;
  }
  if (entryStart !== -1) throw new TarFormatError('archive ends inside an entry\'s extension headers', pos);
  return { entries, totalBytes: buf.length, trailerFound: false, endOffset: pos, unpaddedEnd: false };
}

/** Returns the data bytes of a regular-file entry (a view into `archive`, not a copy). */
export function tarEntryData(archive: Buffer, entry: TarEntry): Buffer {
  return entry.type === 'file' ? archive.subarray(entry.dataOffset, entry.dataOffset + entry.size) : Buffer.alloc(0);
}

// Exact size of the tar the legacy client uploads (Go archive/tar, as moby's TarWithOptions uses
// it): a 512-byte USTAR header per entry unless a field does not fit, in which case a PAX extended
// header (512 bytes plus its records padded to 512) comes first; contents padded to 512; then two
// zero blocks. Owner names are empty and ids zero (ChownOpts), so only names, link targets, sizes
// and times can force PAX.

import { rawByteLength } from '../inventory/raw-names.js';

const BLOCK = 512;
/** Largest value an 11-digit octal header field holds, plus one. */
const OCTAL_11_LIMIT = 8 ** 11;

/** What a tar header needs to know about one entry. */
export interface TarHeaderInput {
  /** Context-relative path; directories are written with a trailing `/`. */
  readonly name: string;
  readonly isDir: boolean;
  /** Symlink target or hardlink's first name; empty otherwise. */
  readonly linkname: string;
  /** Content bytes written after the header (0 for anything but regular files and first hardlinks). */
  readonly size: number;
  /** Modification time in whole seconds since the epoch. */
  readonly mtime: number;
  /** Whether `name` is archive/tar ASCII, when the caller knows (saves scanning the string). */
  readonly ascii?: boolean;
}

const NOT_TAR_ASCII = /[^\x01-\x7f]/;

/** archive/tar's isASCII: no byte >= 0x80 and no NUL. */
function isTarAscii(s: string): boolean {
  return !NOT_TAR_ASCII.test(s);
}

/** archive/tar splitUSTARPath: can a long ASCII name go into prefix (155) + name (100)? */
export function fitsUstarSplit(name: string): boolean {
  if (name.length <= 100 || !isTarAscii(name)) return false;
  return name.endsWith('/') ? ustarSplits(name.slice(0, -1), true) : ustarSplits(name, false);
}

/**
 * archive/tar splitUSTARPath on an ASCII path, without building the name it writes (a directory's
 * carries a trailing "/"): the scan's tally asks it of every entry, and worker threads get it as
 * source text, so it references nothing outside itself.
 * @returns whether the name is over 100 bytes and fits prefix (155) + "/" + name (100)
 */
export function ustarSplits(path: string, isDir: boolean): boolean {
  const nameLength = path.length + (isDir ? 1 : 0);
  // The prefix is searched for its last "/" within the first 156 bytes (so it is at most 155 bytes);
  // a directory's own trailing "/" is left out of that search when the whole name is that short.
  const searched = nameLength > 156 ? 156 : path.length;
  const slash = path.lastIndexOf('/', searched - 1);
  const suffix = nameLength - slash - 1;
  // Every comparison runs for an ordinary nested path, the length test last: a long path, met
  // first after the tally loop is compiled, must not run a comparison the loop has never run.
  return slash > 0 && suffix > 0 && suffix <= 100 && nameLength > 100;
}

/** A PAX record "<len> <key>=<value>\n", whose length counts its own digits. */
export function paxRecordLength(key: string, value: string): number {
  const body = Buffer.byteLength(key) + rawByteLength(value) + 3;
  let length = body + String(body).length;
  if (String(length).length !== String(body).length) length = body + String(length).length;
  return length;
}

const padded = (n: number): number => Math.ceil(n / BLOCK) * BLOCK;

/**
 * Bytes one entry takes in the legacy upload: header(s) plus padded content.
 * @returns the byte count
 */
export function tarEntryBytes(entry: TarHeaderInput): number {
  const name = entry.isDir ? entry.name + '/' : entry.name;
  const records: [string, string][] = [];
  let ustar = true;
  if (name.length > 100 || !(entry.ascii ?? isTarAscii(name))) {
    // A long ASCII name that splits still allows USTAR, but the record is kept in case PAX is forced.
    if (!fitsUstarSplit(name)) ustar = false;
    records.push(['path', name]);
  }
  if (entry.linkname !== '' && (!isTarAscii(entry.linkname) || entry.linkname.length > 100)) {
    ustar = false;
    records.push(['linkpath', entry.linkname]);
  }
  if (entry.size >= OCTAL_11_LIMIT) {
    ustar = false;
    records.push(['size', String(entry.size)]);
  }
  if (entry.mtime < 0 || entry.mtime >= OCTAL_11_LIMIT) {
    ustar = false;
    records.push(['mtime', String(entry.mtime)]);
  }
  const content = padded(entry.size);
  if (ustar) return BLOCK + content;
  const paxData = records.reduce((n, [k, v]) => n + paxRecordLength(k, v), 0);
  return BLOCK + padded(paxData) + BLOCK + content;
}

/** The two zero blocks that end a tar archive. */
export const TAR_TRAILER_BYTES = 2 * BLOCK;

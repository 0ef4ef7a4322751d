// What the legacy builder's upload costs per planned entry, so the generator can size its filler files.
// It mirrors Go's archive/tar as driven by moby's TarWithOptions (USTAR when possible, PAX otherwise);
// the seed test re-derives the same figures from disk on its own, and the real docker client is the final judge.
import { entryKind, entryPath, splitSpecPath } from '../trees/tree-spec.js';
import type { TreeSpec } from '../trees/tree-spec.js';

const BLOCK = 512;

/** Bytes Go's tar.Writer appends on Close: two zero blocks. */
export const TAR_TRAILER_BYTES = 2 * BLOCK;

/**
 * Rounds a byte count up to whole tar blocks.
 * @returns the padded size
 */
export function padToBlock(bytes: number): number {
  return Math.ceil(bytes / BLOCK) * BLOCK;
}

/**
 * Header bytes for one entry: 512, plus a PAX extended header when USTAR cannot hold the name or link target.
 * @returns header bytes, content excluded
 */
export function tarHeaderBytes(name: string, linkname = ''): number {
  const records: Array<[string, string]> = [];
  if (!fitsUstar(name, true)) records.push(['path', name]);
  if (!fitsUstar(linkname, false)) records.push(['linkpath', linkname]);
  if (records.length === 0) return BLOCK;
  const data = records.reduce((sum, [key, value]) => sum + paxRecordBytes(key, value), 0);
  return BLOCK + padToBlock(data) + BLOCK;
}

/**
 * Upload bytes for a spec's entries and the directories they imply, trailer excluded.
 * Sockets cost nothing (TarWithOptions skips them); hard links are counted as link entries.
 * @returns the sum of header and padded content bytes
 */
export function specTarBytes(spec: TreeSpec): number {
  const dirs = new Set<string>();
  let bytes = 0;
  for (const entry of spec) {
    const segments = splitSpecPath(entryPath(entry));
    for (let depth = 1; depth < segments.length; depth++) dirs.add(segments.slice(0, depth).join('/'));
    const name = segments.join('/');
    if ('file' in entry) {
      const contentBytes = typeof entry.content === 'string' ? Buffer.byteLength(entry.content) : (entry.content?.length ?? 0);
      bytes += tarHeaderBytes(name) + padToBlock(Math.max(contentBytes, entry.size ?? 0));
    } else if ('dir' in entry) {
      dirs.add(name);
    } else if ('symlink' in entry || 'hardlink' in entry) {
      bytes += tarHeaderBytes(name, entry.target);
    } else if (entryKind(entry) === 'fifo') {
      bytes += tarHeaderBytes(name);
    }
  }
  for (const dir of dirs) bytes += tarHeaderBytes(`${dir}/`);
  return bytes;
}

// Go archive/tar Header.allowedFormats + splitUSTARPath: only `path` may be split into prefix/name.
function fitsUstar(value: string, splittable: boolean): boolean {
  const ascii = /^[\x01-\x7f]*$/.test(value);
  const length = Buffer.byteLength(value);
  if (ascii && length <= 100) return true;
  return splittable && ascii && canSplitUstarPath(value);
}

function canSplitUstarPath(name: string): boolean {
  let length = name.length;
  if (length <= 100) return false;
  if (length > 156) length = 156;
  else if (name[length - 1] === '/') length--;
  const slash = name.lastIndexOf('/', length - 1);
  const suffixLength = name.length - slash - 1;
  return slash > 0 && suffixLength > 0 && suffixLength <= 100 && slash <= 155;
}

// Go archive/tar formatPAXRecord: the length prefix counts its own digits.
function paxRecordBytes(key: string, value: string): number {
  const base = Buffer.byteLength(key) + Buffer.byteLength(value) + 3;
  let size = base + String(base).length;
  if (String(size).length !== String(base).length) size = base + String(size).length;
  return size;
}

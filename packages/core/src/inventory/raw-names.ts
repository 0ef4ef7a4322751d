// File names are bytes; Docker (Go) keeps them as bytes, and Node decodes them as UTF-8, turning
// every byte that is not UTF-8 into U+FFFD, after which the file cannot even be lstat'ed. ctxlens
// keeps such names losslessly the way Python's "surrogateescape" does: each byte Go's UTF-8
// decoder rejects (it rejects one byte at a time) becomes the lone surrogate U+DC00 + byte. A
// valid name never holds a lone surrogate, so the mapping goes both ways; a pattern never matches
// one literally, `?` and `*` take it as one character, as Go's regexp takes the bad byte as one
// rune, and JSON.stringify writes it as "\udcXX". decodeName, toFsPath and createRawReader are
// self-contained: the scan ships their text to its worker threads.

import type { LstatFacts } from './lstat-facts.js';

/** The file-system calls a directory scan makes, on names that may hold escaped bytes. */
export interface RawReader {
  /** Names in a directory, with non-UTF-8 bytes escaped. */
  readdir(path: string): string[];
  /** `plain`: the caller knows the path holds no escaped byte, so it goes to the file system as it is. */
  lstat(path: string, plain?: boolean): LstatFacts;
  /** A symlink's target, with non-UTF-8 bytes escaped. */
  readlink(path: string): string;
}

/**
 * A name from disk as ctxlens keeps it: UTF-8 decoded, each byte Go's decoder rejects escaped.
 * Self-contained (shipped to worker threads).
 * @returns the name
 */
export function decodeName(bytes: Uint8Array): string {
  // Go's utf8.DecodeRune: the second byte's range depends on the first (no overlongs, no
  // surrogates, nothing above U+10FFFF); anything else is an error one byte long.
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let n = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) n = 1;
    else if (b >= 0xc2 && b <= 0xdf) n = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    let ok = n > 0 && i + n <= bytes.length;
    for (let k = 1; ok && k < n; k++) {
      const c = bytes[i + k]!;
      ok = k === 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xbf;
    }
    if (!ok) {
      out += String.fromCharCode(0xdc00 + b);
      i++;
      continue;
    }
    let cp = n === 1 ? b : b & (0xff >> (n + 1));
    for (let k = 1; k < n; k++) cp = (cp << 6) | (bytes[i + k]! & 0x3f);
    out += String.fromCodePoint(cp);
    i += n;
  }
  return out;
}

/**
 * The path to hand the file system: the string itself, or its bytes when it holds escaped ones.
 * Self-contained (shipped to worker threads).
 * @returns the path or its bytes
 */
export function toFsPath(path: string): string | Buffer {
  if (!/[\udc80-\udcff]/u.test(path)) return path;
  const parts: Buffer[] = [];
  let plain = '';
  for (const ch of path) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xdc80 && c <= 0xdcff) {
      parts.push(Buffer.from(plain, 'utf8'), Buffer.from([c - 0xdc00]));
      plain = '';
    } else plain += ch;
  }
  parts.push(Buffer.from(plain, 'utf8'));
  return Buffer.concat(parts);
}

/**
 * Builds the scan's file-system reader over Node's fs module. Everything comes in as parameters
 * (fs, toFsPath, decodeName), so that worker threads build the same reader from this function's source.
 * @param lstat the lstat to use (bindingLstat), or fs.lstatSync when omitted
 * @param list the readdir to use for names as UTF-8 (bindingReaddir), or fs.readdirSync when omitted
 * @returns readdir, lstat and readlink that take and give escaped names
 */
export function createRawReader(
  fs: typeof import('node:fs'),
  toPath: typeof toFsPath,
  decode: typeof decodeName,
  lstat: (path: string | Buffer) => LstatFacts = (path) => fs.lstatSync(path),
  list: (path: string | Buffer) => string[] = (path) => fs.readdirSync(path, 'utf8'),
): RawReader {
  return {
    readdir: (path) => {
      const at = toPath(path);
      const names = list(at);
      // U+FFFD is either a real one or Node's stand-in for bytes it could not decode: only then
      // is the directory read again as bytes.
      if (!names.some((name) => name.includes('\ufffd'))) return names;
      return fs.readdirSync(at, { encoding: 'buffer' }).map(decode);
    },
    lstat: (path, plain) => lstat(plain === true ? path : toPath(path)),
    readlink: (path) => {
      const at = toPath(path);
      const target = fs.readlinkSync(at);
      return target.includes('\ufffd') ? decode(fs.readlinkSync(at, { encoding: 'buffer' })) : target;
    },
  };
}

/**
 * A path's bytes on disk: its UTF-8, with the bytes ctxlens escaped (names that are not UTF-8)
 * restored. Write these, not the string, where the exact name matters (`ctxlens ls`).
 * @returns the bytes
 */
export function pathBytes(path: string): Buffer {
  const at = toFsPath(path);
  return typeof at === 'string' ? Buffer.from(at, 'utf8') : at;
}

/**
 * The path ctxlens uses for bytes from disk or input (the inverse of pathBytes).
 * @returns the path
 */
export function pathFromBytes(bytes: Uint8Array): string {
  return decodeName(bytes);
}

/**
 * Length in bytes of a name or path as it is on disk (escaped bytes count one each): what tar
 * headers hold.
 * @returns the byte count
 */
export function rawByteLength(path: string): number {
  const at = toFsPath(path);
  return typeof at === 'string' ? Buffer.byteLength(at) : at.length;
}

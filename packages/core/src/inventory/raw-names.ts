// File names are bytes; Docker (Go) keeps them as bytes, and Node decodes them as UTF-8, turning
// every byte that is not UTF-8 into U+FFFD, after which the file cannot even be lstat'ed. ctxlens
// keeps such names losslessly the way Python's "surrogateescape" does: each byte Go's UTF-8
// decoder rejects (it rejects one byte at a time) becomes the lone surrogate U+DC00 + byte. A
// valid name never holds a lone surrogate, so the mapping goes both ways; a pattern never matches
// one literally, `?` and `*` take it as one character, as Go's regexp takes the bad byte as one
// rune, and JSON.stringify writes it as "\udcXX". Everything here is self-contained: the scan
// ships createRawReader's text to its worker threads.

/** The file-system calls a directory scan makes, on names that may hold escaped bytes. */
export interface RawReader {
  /** Names in a directory, with non-UTF-8 bytes escaped. */
  readdir(path: string): string[];
  lstat(path: string): { mode: number; size: number; mtimeMs: number; ino: number; nlink: number };
  /** A symlink's target, with non-UTF-8 bytes escaped. */
  readlink(path: string): string;
}

/**
 * Builds the scan's file-system reader over Node's fs module (passed in, so that worker threads can
 * build the same reader from this function's source).
 * @returns readdir, lstat and readlink that take and give escaped names
 */
export function createRawReader(fs: typeof import('node:fs')): RawReader & { toFsPath(path: string): string | Buffer; decode(bytes: Uint8Array): string } {
  const ESCAPED = /[\udc80-\udcff]/u;
  // Go's utf8.DecodeRune: the second byte's range depends on the first (no overlongs, no
  // surrogates, nothing above U+10FFFF); anything else is an error one byte long.
  const decode = (bytes: Uint8Array): string => {
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
  };
  const toFsPath = (path: string): string | Buffer => {
    if (!ESCAPED.test(path)) return path;
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
  };
  return {
    readdir: (path) => {
      const at = toFsPath(path);
      const names = fs.readdirSync(at);
      // U+FFFD is either a real one or Node's stand-in for bytes it could not decode: only then
      // is the directory read again as bytes.
      if (!names.some((name) => name.includes('\ufffd'))) return names;
      return fs.readdirSync(at, { encoding: 'buffer' }).map(decode);
    },
    lstat: (path) => fs.lstatSync(toFsPath(path)),
    readlink: (path) => {
      const at = toFsPath(path);
      const target = fs.readlinkSync(at);
      return target.includes('\ufffd') ? decode(fs.readlinkSync(at, { encoding: 'buffer' })) : target;
    },
    toFsPath,
    decode,
  };
}

/**
 * Length in bytes of a name or path as it is on disk (escaped bytes count one each): what tar
 * headers hold.
 * @returns the byte count
 */
export function rawByteLength(path: string): number {
  let length = Buffer.byteLength(path);
  if (!/[\udc80-\udcff]/u.test(path)) return length;
  // Node writes each lone surrogate as the 3 bytes of U+FFFD; on disk it was one byte.
  for (const ch of path) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xdc80 && c <= 0xdcff) length -= 2;
  }
  return length;
}

// Reading a file the user named (ignore file, Dockerfile, configuration) without ever hanging or
// reading without end. A FIFO would block open(2) until a writer appears, and a device such as
// /dev/zero never ends, so the file is stat'ed first (a FIFO is never opened), opened with
// O_NONBLOCK (a FIFO swapped in after the stat still cannot block the open), checked again on the
// open descriptor, and read with a cap. Docker follows symlinks here, and so does this reader.
import * as fs from 'node:fs';
import { InputError } from './errors.js';
import { MAX_LINE_BYTES } from './ignorefile/lines.js';
import { toFsPath } from './inventory/raw-names.js';

/** The most ctxlens reads of one input file: far beyond any real ignore file, Dockerfile or config. */
export const MAX_INPUT_FILE_BYTES = 32 * 1024 * 1024;

/** Limits of one read. */
export interface InputReadLimits {
  /** On a device, stop reading once a line holds this many bytes without a newline (the bytes so far are returned). */
  readonly maxLineBytes?: number;
  /** Refuse a file longer than this. @default MAX_INPUT_FILE_BYTES */
  readonly maxBytes?: number;
}

/** The limits for an ignore file: a device stops where Docker's line scanner gives up (64 KiB without a newline). */
export const IGNORE_FILE_LIMITS: InputReadLimits = Object.freeze({ maxLineBytes: MAX_LINE_BYTES });

/** What a bounded read returned. */
export interface InputFileRead {
  readonly bytes: Buffer;
  /** Reading stopped at a line of `maxLineBytes` without a newline; `bytes` ends inside that line. */
  readonly stoppedAtLongLine: boolean;
}

const CHUNK = 64 * 1024;

/** What a non-regular file is, in words, for the refusal. */
function kindOf(stats: fs.Stats): string | undefined {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  return undefined;
}

function refuse(path: string, what: string, kind: string): InputError {
  return new InputError('INPUT_INVALID', `${what} ${path} is ${kind}, not a regular file`, path, 'Point it at a regular file (reading one of these could block forever).');
}

/** What read(2) says of a directory, and what Docker reports: callers word it as for any unreadable file. */
function isADirectory(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR', errno: -21, syscall: 'read', path });
}

/**
 * Reads a whole input file, safely: FIFOs and sockets are refused without being read, a directory
 * fails with EISDIR as read(2) would,
 * regular files and devices are read up to `maxBytes`, and with `maxLineBytes` reading a device stops
 * at the first line that long (so /dev/zero ends at once, as Docker's line scanner does).
 * @param what the file's role in messages, e.g. `ignore file`
 * @returns the bytes, and whether reading stopped at a long line
 * @throws InputError for a FIFO or socket, or a file longer than `maxBytes`; system errors
 *   (ENOENT, EACCES, ELOOP, EISDIR…) as the file system gives them
 */
export function readInputFile(path: string, what: string, limits: InputReadLimits = {}): InputFileRead {
  const maxBytes = limits.maxBytes ?? MAX_INPUT_FILE_BYTES;
  const fsPath = toFsPath(path);
  const found = fs.statSync(fsPath);
  if (found.isDirectory()) throw isADirectory(path);
  const before = kindOf(found);
  if (before !== undefined) throw refuse(path, what, before);
  const fd = fs.openSync(fsPath, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
  try {
    const stats = fs.fstatSync(fd);
    if (stats.isDirectory()) throw isADirectory(path);
    const kind = kindOf(stats);
    if (kind !== undefined) throw refuse(path, what, kind);
    if (stats.isFile() && stats.size > maxBytes) throw tooLarge(path, what, maxBytes);
    // A regular file's length is known and capped, so it is read whole (an editor must see all of
    // it); only a device, whose length is unknown, stops at a long line.
    return readBounded(fd, path, what, maxBytes, stats.isFile() ? undefined : limits.maxLineBytes);
  } finally {
    fs.closeSync(fd);
  }
}

function tooLarge(path: string, what: string, maxBytes: number): InputError {
  return new InputError('INPUT_INVALID', `${what} ${path} holds more than ${maxBytes / (1024 * 1024)} MiB (a device that never ends?); ctxlens stops reading there`, path, `Point it at the file you mean; ctxlens reads at most ${maxBytes / (1024 * 1024)} MiB of it.`);
}

function readBounded(fd: number, path: string, what: string, maxBytes: number, maxLineBytes: number | undefined): InputFileRead {
  const chunks: Buffer[] = [];
  let total = 0;
  // Bytes since the last newline, carried across chunks.
  let lineBytes = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    let n: number;
    try {
      n = fs.readSync(fd, chunk, 0, CHUNK, null);
    } catch (error) {
      // O_NONBLOCK on a terminal or a device with nothing to give: it would have blocked.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') throw new InputError('INPUT_INVALID', `${what} ${path} has no data to read now (a terminal or device that would block)`, path, 'Point it at a regular file.');
      throw error;
    }
    if (n === 0) break;
    const got = chunk.subarray(0, n);
    if (maxLineBytes !== undefined) {
      const lastLf = got.lastIndexOf(0x0a);
      const run = lastLf < 0 ? lineBytes + n : longestRun(got, lineBytes);
      if (run >= maxLineBytes) {
        chunks.push(got);
        return { bytes: Buffer.concat(chunks), stoppedAtLongLine: true };
      }
      lineBytes = lastLf < 0 ? lineBytes + n : n - lastLf - 1;
    }
    total += n;
    if (total > maxBytes) throw tooLarge(path, what, maxBytes);
    chunks.push(got);
  }
  return { bytes: Buffer.concat(chunks), stoppedAtLongLine: false };
}

/** The longest run of bytes without a newline in `chunk`, the first continuing a run of `carried`. */
function longestRun(chunk: Buffer, carried: number): number {
  let longest = 0;
  let start = 0;
  let run = carried;
  for (let lf = chunk.indexOf(0x0a); lf >= 0; lf = chunk.indexOf(0x0a, start)) {
    longest = Math.max(longest, run + lf - start);
    run = 0;
    start = lf + 1;
  }
  return Math.max(longest, chunk.length - start);
}

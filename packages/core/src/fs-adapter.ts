import * as fs from 'node:fs';
import { createRawReader } from './inventory/raw-names.js';

/** The file-system calls ctxlens makes, injectable so tests can fake a tree or a failing read. */
export interface FsAdapter {
  /** Names in a directory (unsorted). */
  readdir(path: string): string[];
  lstat(path: string): fs.Stats;
  readlink(path: string): string;
  /** Throws when the current user may not open the file for reading. */
  accessRead(path: string): void;
  realpath(path: string): string;
  readFile(path: string): Buffer;
}

const raw = createRawReader(fs);

/**
 * The real file system, through Node's synchronous calls (the fastest way to walk from one
 * thread). Names that are not UTF-8 come back escaped, and escaped paths go back as bytes (raw-names.ts).
 */
export const nodeFs: FsAdapter = {
  readdir: raw.readdir,
  lstat: (path) => fs.lstatSync(raw.toFsPath(path)),
  readlink: raw.readlink,
  accessRead: (path) => fs.accessSync(raw.toFsPath(path), fs.constants.R_OK),
  realpath: (path) => fs.realpathSync.native(path),
  readFile: (path) => fs.readFileSync(raw.toFsPath(path)),
};

/**
 * A path's bytes on disk: its UTF-8, with the bytes ctxlens escaped (names that are not UTF-8)
 * restored. Write these, not the string, where the exact name matters (`ctxlens ls`).
 * @returns the bytes
 */
export function pathBytes(path: string): Buffer {
  const at = raw.toFsPath(path);
  return typeof at === 'string' ? Buffer.from(at, 'utf8') : at;
}

/**
 * The path ctxlens uses for bytes from disk or input: UTF-8 decoded, each byte that is not UTF-8
 * kept as an escape (the inverse of pathBytes).
 * @returns the path
 */
export function pathFromBytes(bytes: Uint8Array): string {
  return raw.decode(bytes);
}

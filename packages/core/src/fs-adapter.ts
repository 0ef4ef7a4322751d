import * as fs from 'node:fs';
import { type InputFileRead, type InputReadLimits, readInputFile } from './input-file.js';
import { bindingLstat, bindingReaddir, scanFsBinding } from './inventory/lstat-facts.js';
import { createRawReader, decodeName, toFsPath } from './inventory/raw-names.js';
import type { DirectoryReader } from './inventory/read-directory.js';

/** The file-system calls ctxlens makes, injectable so tests can fake a tree or a failing read. */
export interface FsAdapter {
  /** Names in a directory (unsorted). */
  readdir(path: string): string[];
  /** `plain`: the caller knows the path holds no escaped byte (raw-names.ts), so it needs no check. */
  lstat(path: string, plain?: boolean): fs.Stats;
  readlink(path: string): string;
  /** Throws when the current user may not open the file for reading. */
  accessRead(path: string): void;
  realpath(path: string): string;
  /** A whole input file, never blocking and never unbounded (input-file.ts); `what` names it in errors. */
  readFile(path: string, what: string, limits?: InputReadLimits): InputFileRead;
}

const raw = createRawReader(fs, toFsPath, decodeName);

/**
 * The real file system, through Node's synchronous calls (the fastest way to walk from one
 * thread). Names that are not UTF-8 come back escaped, and escaped paths go back as bytes (raw-names.ts).
 */
export const nodeFs: FsAdapter = {
  readdir: raw.readdir,
  lstat: raw.lstat as FsAdapter['lstat'],
  readlink: raw.readlink,
  accessRead: (path) => fs.accessSync(toFsPath(path), fs.constants.R_OK),
  realpath: (path) => fs.realpathSync.native(path),
  readFile: readInputFile,
};

let nodeScanReader: DirectoryReader | undefined;

/**
 * The reader a scan reads directories through: the adapter itself, except on the real file system,
 * where lstat and readdir go through Node's fs binding when they may (inventory/lstat-facts.ts).
 * @returns the reader
 */
export function directoryReader(fsa: FsAdapter): DirectoryReader {
  if (fsa !== nodeFs) return fsa;
  if (nodeScanReader === undefined) {
    const binding = scanFsBinding(fs);
    nodeScanReader = binding === undefined ? raw : createRawReader(fs, toFsPath, decodeName, bindingLstat(binding), bindingReaddir(binding));
  }
  return nodeScanReader;
}

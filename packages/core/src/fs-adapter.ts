import * as fs from 'node:fs';

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

/** The real file system, through Node's synchronous calls (the fastest way to walk from one thread). */
export const nodeFs: FsAdapter = {
  readdir: (path) => fs.readdirSync(path),
  lstat: (path) => fs.lstatSync(path),
  readlink: (path) => fs.readlinkSync(path),
  accessRead: (path) => fs.accessSync(path, fs.constants.R_OK),
  realpath: (path) => fs.realpathSync.native(path),
  readFile: (path) => fs.readFileSync(path),
};

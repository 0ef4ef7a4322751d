// Where a save lands. An ignore file may be a symbolic link (a shared .dockerignore); replacing the
// link by renaming a new file over it would break it silently and leave the shared file as it was.
// So a save follows the links itself, as the kernel would, and writes beside the final target.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { InputError } from '../errors.js';
import { nodeFs } from '../fs-adapter.js';
import { decodeName, toFsPath } from '../inventory/raw-names.js';

/** Linux gives up after 40 links in one lookup (MAXSYMLINKS); a longer chain is treated as a loop. */
const MAX_LINKS = 40;

/** The file a save writes: its path (in its real directory) and its lstat, when it exists. */
export interface WriteTarget {
  readonly path: string;
  readonly stats: fs.Stats | undefined;
}

function lstatIfExists(path: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(toFsPath(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function kindOf(stats: fs.Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a file';
}

/**
 * Follows `path` through every symbolic link it is, each relative target read from the directory
 * its link sits in (never normalised by text: `..` after a linked directory is the kernel's `..`).
 * @returns the final target, named inside its real directory, with its lstat when it exists
 * @throws InputError when the links loop, the target is not a regular file, or a dangling link's
 *   directory is missing (nothing is written then)
 */
export function resolveWriteTarget(path: string): WriteTarget {
  let at = path;
  let stats = lstatIfExists(at);
  for (let hops = 0; stats?.isSymbolicLink() === true; hops++) {
    if (hops === MAX_LINKS) {
      throw new InputError('INPUT_INVALID', `${path} is a loop of symbolic links (or a chain of more than ${MAX_LINKS}); nothing was written`, path, `Point ${path} at a regular file, or replace it with one.`);
    }
    const target = nodeFs.readlink(at);
    // Plain concatenation, not path.join: join would apply `..` to the text of the path.
    at = nodePath.isAbsolute(target) ? target : `${nodePath.dirname(at)}/${target}`;
    stats = lstatIfExists(at);
  }
  const name = nodePath.basename(at);
  if (stats !== undefined && !stats.isFile()) {
    throw new InputError('INPUT_INVALID', `${path} is not a regular file (it is ${kindOf(stats)}); nothing was written`, path, 'Save to a regular file: point the ignore file (or its link) at one.');
  }
  if (at.endsWith('/') || name === '.' || name === '..') {
    throw new InputError('INPUT_INVALID', `${path} is not a regular file (its link ends in ${JSON.stringify(name)}); nothing was written`, path, 'Save to a regular file: point the ignore file (or its link) at one.');
  }
  let dir: string;
  try {
    dir = decodeName(fs.realpathSync.native(toFsPath(nodePath.dirname(at)), { encoding: 'buffer' }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const where = nodePath.resolve(nodePath.dirname(at));
    if (at === path) throw new InputError('INPUT_NOT_FOUND', `the directory ${where} does not exist; nothing was written`, path, `Create ${where}, or save the ignore file somewhere that exists.`);
    throw new InputError(
      'INPUT_NOT_FOUND',
      `${path} is a symbolic link to ${nodePath.resolve(at)}, which does not exist, nor does its directory; nothing was written`,
      path,
      `Create the directory ${where} (the save then creates the file the link points to), or replace the link with a regular file.`,
    );
  }
  return { path: nodePath.join(dir, name), stats };
}

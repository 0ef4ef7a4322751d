// The paths a library caller asks about, turned into the context-relative form the rules see. An
// absolute path is taken as a place on disk, not as a pattern-style path from the context root:
// stripping its leading `/` would answer for another file.
import * as nodePath from 'node:path';
import { InputError } from '../errors.js';
import { goClean } from '../ignorefile/go-strings.js';
import type { BuildInputs } from './resolve-inputs.js';

const leavesRoot = (relative: string): boolean => relative === '..' || relative.startsWith('../');

function outside(path: string, inputs: BuildInputs): InputError {
  return new InputError(
    'INPUT_INVALID',
    `${path} is outside the build context ${inputs.contextDir}`,
    path,
    'Give a path relative to the context directory, or an absolute path inside it.',
    'path',
  );
}

/**
 * Maps a path to the context: a relative path is relative to the context root; an absolute one must
 * lie inside the context directory, as resolved or as the caller named it.
 * @returns the context-relative, `/`-separated path (`.` for the root)
 * @throws InputError when the path leads outside the context
 */
export function toContextRelative(inputs: BuildInputs, path: string): string {
  if (!nodePath.posix.isAbsolute(path)) {
    if (leavesRoot(goClean(path))) throw outside(path, inputs);
    return path;
  }
  const target = nodePath.posix.normalize(path);
  for (const root of [inputs.contextDir, inputs.contextDirAsGiven]) {
    if (root === undefined) continue;
    const relative = nodePath.posix.relative(root, target);
    if (relative === '') return '.';
    if (!leavesRoot(relative)) return relative;
  }
  throw outside(path, inputs);
}

// Paths in messages: relative to the current directory when inside it (short, clickable in
// editors and CI logs), absolute otherwise.
import * as nodePath from 'node:path';

/**
 * A path for display.
 * @returns `path` relative to `cwd` when it lies inside it, else absolute
 */
export function displayPath(path: string, cwd: string): string {
  const abs = nodePath.resolve(cwd, path);
  const rel = nodePath.relative(cwd, abs);
  if (rel === '') return '.';
  if (rel.startsWith('..') || nodePath.isAbsolute(rel)) return abs;
  return rel;
}

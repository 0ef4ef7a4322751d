// Writing .dockerignore lines that mean exactly what we intend. Docker reads a line with Go
// TrimSpace, treats a leading "#" as a comment and a leading "!" as an exception, and matches with
// filepath.Match syntax, so literal names need escaping before they can be suggested; every line we
// suggest is then checked with Docker's own reader and matcher.
import { matchesOrParentMatches } from '../patterns/matcher.js';
import { compileRules } from '../patterns/pattern-set.js';
import { readAllPattern } from '../ignorefile/read-ignore-file.js';
import { IgnoreFileError } from '../errors.js';

const META = /[\\*?[\]]/g;

/**
 * A .dockerignore line matching exactly this context-relative path (and, for a directory, what is below it).
 * @returns the escaped line, or undefined when no line can express the path (a line break in a name)
 */
export function literalPattern(path: string): string | undefined {
  if (/[\n\r]/.test(path)) return undefined;
  let line = path.replace(META, (m) => `\\${m}`);
  // A leading "!" or "#" would change the line's meaning; "\!" and "\#" are plain characters to RE2.
  if (line.startsWith('!') || line.startsWith('#')) line = `\\${line}`;
  // Leading and trailing white space would be trimmed; a one-character class keeps it.
  line = line.replace(/^\s/, (m) => `[${m}]`).replace(/\s$/, (m) => `[${m}]`);
  return line;
}

/**
 * A pattern for a name wherever it appears: the bare name at the context root, `**\/name` below it.
 * @returns the line
 */
export function anyDepthPattern(namePattern: string, atRoot: boolean): string {
  return atRoot ? namePattern : `**/${namePattern}`;
}

/**
 * Whether a .dockerignore line, alone, excludes a path (itself or through a parent directory).
 * Used to double-check every line we suggest.
 * @returns true when the line excludes the path; false for comments, exceptions and invalid lines
 */
export function lineExcludes(line: string, path: string): boolean {
  const pattern = readAllPattern(line);
  if (pattern === undefined || pattern.startsWith('!')) return false;
  try {
    const set = compileRules([{ pattern, origin: { file: '(suggestion)', line: 1, text: line } }]);
    return matchesOrParentMatches(set, path).excluded;
  } catch (error) {
    if (error instanceof IgnoreFileError) return false;
    throw error;
  }
}

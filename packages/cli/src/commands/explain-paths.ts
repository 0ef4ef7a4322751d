// The paths `explain` is asked about: from the command line or stdin (git check-ignore --stdin),
// each turned into a context-relative POSIX path. Paths are relative to the current directory, as
// in git; one outside the context is an error, as in git ("is outside repository").
import * as nodePath from 'node:path';
import type { Io } from '../io.js';
import { unquoteCStyle } from '../output/c-quote.js';
import { UsageError } from '../report-error.js';

/** A path as the user wrote it and as the context sees it. */
export interface AskedPath {
  /** As given: what the output prints, like git. */
  readonly given: string;
  /** Relative to the context root, `/`-separated. */
  readonly relative: string;
}

/**
 * Reads the paths given on stdin: lines (C-quoted lines unquoted), or NUL-separated with -z.
 * @returns the paths, without empty ones
 * @throws UsageError for a malformed quoted line
 */
export async function readStdinPaths(io: Io, nul: boolean): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const text = Buffer.concat(chunks).toString('utf8');
  const parts = text.split(nul ? '\0' : '\n');
  if (parts[parts.length - 1] === '') parts.pop();
  if (nul) return parts;
  return parts.map((line) => {
    const path = unquoteCStyle(line.endsWith('\r') ? line.slice(0, -1) : line);
    if (path === undefined) throw new UsageError(`line is badly quoted: ${line}`);
    return path;
  });
}

/**
 * Maps a user's path to the context.
 * @param contextDirs the context directory as given (resolved) and as Docker resolves it (symlinks followed)
 * @returns the asked path
 * @throws UsageError when the path lies outside the context
 */
export function toContextPath(given: string, cwd: string, contextDirs: readonly string[]): AskedPath {
  const abs = nodePath.resolve(cwd, given);
  for (const root of contextDirs) {
    const rel = nodePath.relative(root, abs);
    if (rel === '') return { given, relative: '.' };
    if (rel !== '..' && !rel.startsWith(`..${nodePath.sep}`) && !nodePath.isAbsolute(rel)) return { given, relative: rel.split(nodePath.sep).join('/') };
  }
  throw new UsageError(`${given}: '${given}' is outside the build context at '${contextDirs[0]}'`, 'Give paths inside the context directory (relative to the current directory, or use -C DIR).');
}

// Which directory, Dockerfile and ignore file Docker would use, with Docker's own resolution rules:
// the context is resolved through symlinks, `-f` is relative to the working directory, a
// lowercase `dockerfile` is the fallback, and BuildKit prefers `<Dockerfile>.dockerignore`.
import * as nodePath from 'node:path';
import { InputError } from '../errors.js';
import type { ResolvedOptions } from '../options.js';

/** The files Docker would read for this build. */
export interface BuildInputs {
  /** Absolute, symlink-resolved context directory. */
  readonly contextDir: string;
  /** Absolute path of the Dockerfile, symlinks resolved. */
  readonly dockerfile: string;
  /** The Dockerfile relative to the context, POSIX separators; starts with `../` when outside. */
  readonly dockerfileRelative: string;
  /** The Dockerfile's size (the legacy client uploads it separately when it is outside the context). */
  readonly dockerfileSize: number;
  /**
   * False when there is no Dockerfile on disk: its content was given (`-f -`), or, under BuildKit
   * without `-f`, the context has none (the whole eligible context is then shown).
   */
  readonly dockerfileExists: boolean;
  /** Absolute path of the ignore file in use, or undefined when there is none. */
  readonly ignoreFile: string | undefined;
  /** How the ignore file was chosen. */
  readonly ignoreFileReason: 'override' | 'dockerfile-specific' | 'context-root' | 'none' | 'disabled';
}

function exists(options: ResolvedOptions, path: string): boolean {
  try {
    options.fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves the context directory, Dockerfile and ignore file as the chosen builder would.
 * @returns absolute paths of what Docker reads
 * @throws InputError naming the missing directory, Dockerfile or ignore file
 */
export function resolveInputs(options: ResolvedOptions): BuildInputs {
  let contextDir: string;
  try {
    contextDir = options.fs.realpath(options.contextDir);
  } catch {
    throw new InputError('INPUT_NOT_FOUND', `unable to prepare context: path "${options.contextDir}" not found`, options.contextDir, 'Pass the directory you would give to `docker build`.');
  }
  if (!options.fs.lstat(contextDir).isDirectory()) {
    throw new InputError('INPUT_INVALID', `context must be a directory: ${contextDir}`, options.contextDir);
  }

  let given = options.dockerfile;
  if (given === undefined) {
    given = nodePath.join(contextDir, 'Dockerfile');
    const lower = nodePath.join(contextDir, 'dockerfile');
    if (!exists(options, given) && exists(options, lower)) given = lower;
  }
  let dockerfile: string;
  try {
    dockerfile = options.fs.realpath(given);
  } catch {
    // Without a Dockerfile on disk BuildKit's requests cannot be known: the whole context stands in.
    if (options.dockerfileText !== undefined || (options.builder === 'buildkit' && options.dockerfile === undefined)) {
      return withIgnoreFile(options, contextDir, given, { contextDir, dockerfile: given, dockerfileRelative: relativePosix(contextDir, given), dockerfileSize: 0, dockerfileExists: false });
    }
    throw new InputError('INPUT_NOT_FOUND', `Cannot locate Dockerfile: "${given}"`, given, options.dockerfile === undefined ? 'Create a Dockerfile in the context, or name one with -f.' : 'Check the -f path; it is relative to the current directory, not to the context.');
  }
  const dockerfileRelative = relativePosix(contextDir, dockerfile);
  const dockerfileSize = options.fs.lstat(dockerfile).size;
  return withIgnoreFile(options, contextDir, given, { contextDir, dockerfile, dockerfileRelative, dockerfileSize, dockerfileExists: true });
}

function relativePosix(from: string, to: string): string {
  return nodePath.relative(from, to).split(nodePath.sep).join('/');
}

type DockerfileInputs = Omit<BuildInputs, 'ignoreFile' | 'ignoreFileReason'>;

/** Adds the ignore file Docker would read for a Dockerfile named `given`. */
function withIgnoreFile(options: ResolvedOptions, contextDir: string, given: string, found: DockerfileInputs): BuildInputs {
  if (options.ignoreFile === false) return { ...found, ignoreFile: undefined, ignoreFileReason: 'disabled' };
  if (options.ignoreFile !== undefined) {
    if (!exists(options, options.ignoreFile)) {
      throw new InputError('INPUT_NOT_FOUND', `ignore file not found: ${options.ignoreFile}`, options.ignoreFile);
    }
    return { ...found, ignoreFile: options.ignoreFile, ignoreFileReason: 'override' };
  }
  // BuildKit looks beside the Dockerfile as named (before symlink resolution); a Dockerfile read
  // from stdin has no name on disk.
  if (options.builder === 'buildkit' && (options.dockerfileText === undefined || options.dockerfile !== undefined)) {
    const specific = `${given}.dockerignore`;
    if (exists(options, specific)) return { ...found, ignoreFile: specific, ignoreFileReason: 'dockerfile-specific' };
  }
  const root = nodePath.join(contextDir, '.dockerignore');
  if (exists(options, root)) return { ...found, ignoreFile: root, ignoreFileReason: 'context-root' };
  return { ...found, ignoreFile: undefined, ignoreFileReason: 'none' };
}

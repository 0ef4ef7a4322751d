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
  /** The context directory as the caller named it, made absolute but with its symlinks kept. */
  readonly contextDirAsGiven?: string;
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
  /** True for `-f -`: the Dockerfile's content was given, and `dockerfileSize` is its byte length. */
  readonly dockerfileFromStdin?: boolean;
  /** Absolute path of the ignore file in use, or undefined when there is none. */
  readonly ignoreFile: string | undefined;
  /** How the ignore file was chosen. */
  readonly ignoreFileReason: 'override' | 'dockerfile-specific' | 'context-root' | 'none' | 'disabled';
  /**
   * A `.dockerignore` that is there on the host but that this builder does not read: under BuildKit,
   * a symbolic link that leads nowhere inside the context. Rules written to it would change nothing.
   */
  readonly unreadIgnoreFile?: string;
}

function exists(options: ResolvedOptions, path: string): boolean {
  try {
    options.fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

const errnoOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

/**
 * Whether Go's os.Open would find the file (docker/cli ReadDockerignore): symlinks are followed,
 * and only "no such file" means absent, so a dangling link is absent, while a loop or a directory
 * counts as present and fails when read, as it does in Docker.
 */
function opensAsPresent(options: ResolvedOptions, path: string): boolean {
  try {
    options.fs.realpath(path);
    return true;
  } catch (error) {
    return errnoOf(error) !== 'ENOENT';
  }
}

/**
 * Follows symlinks one component at a time from `base`, as Go's filepath.EvalSymlinks does from `/`
 * and fsutil's FollowLinks does inside a directory: an absolute target starts again at `base`, and
 * `..` stops there.
 * @returns the path reached, or where an lstat failed (`missing`)
 */
function followLinks(options: ResolvedOptions, base: string, relative: string): { path: string; missing?: string } {
  const done: string[] = [];
  const rest = relative.split('/');
  for (let hops = 0; rest.length > 0; ) {
    const part = rest.shift()!;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      done.pop();
      continue;
    }
    const at = nodePath.join(base, ...done, part);
    let isLink: boolean;
    try {
      isLink = options.fs.lstat(at).isSymbolicLink();
    } catch {
      return { path: at, missing: at };
    }
    if (!isLink) {
      done.push(part);
      continue;
    }
    // Go's limit; past it the caller's own read fails as a loop.
    if (++hops > 255) return { path: at };
    const target = options.fs.readlink(at);
    if (target.startsWith('/')) done.length = 0;
    rest.unshift(...target.split('/'));
  }
  return { path: nodePath.join(base, ...done) };
}

/**
 * The size Docker's client would read for a Dockerfile outside the context (it reads the whole file
 * to upload it): a regular file's length, or for a device, what a bounded read gets (/dev/null is
 * empty; /dev/zero never ends, and Docker reads it until memory runs out, so ctxlens refuses).
 */
function outsideDockerfileSize(options: ResolvedOptions, dockerfile: string, stats: { isFile(): boolean; size: number }): number {
  if (stats.isFile()) return stats.size;
  try {
    return options.fs.readFile(dockerfile, 'Dockerfile').bytes.length;
  } catch (error) {
    if (errnoOf(error) === 'EISDIR') throw new InputError('INPUT_INVALID', `read ${dockerfile}: is a directory`, dockerfile, 'Name the Dockerfile itself with -f, not its directory.');
    throw error;
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

  if (options.dockerfileText !== undefined) {
    // -f -: nothing on disk is the Dockerfile, even a file at the name it is given for messages.
    const named = options.dockerfile ?? nodePath.join(contextDir, 'Dockerfile');
    const size = Buffer.byteLength(options.dockerfileText);
    return withIgnoreFile(options, contextDir, named, { contextDir, contextDirAsGiven: options.contextDir, dockerfile: named, dockerfileRelative: relativePosix(contextDir, named), dockerfileSize: size, dockerfileExists: false, dockerfileFromStdin: true });
  }
  let given = options.dockerfile;
  if (given === undefined) {
    // docker/cli picks the name with lstat, so a dangling Dockerfile link still wins over `dockerfile`.
    given = nodePath.join(contextDir, 'Dockerfile');
    const lower = nodePath.join(contextDir, 'dockerfile');
    if (!exists(options, given) && exists(options, lower)) given = lower;
  }
  let dockerfile: string;
  try {
    dockerfile = options.fs.realpath(given);
  } catch (error) {
    // A link whose target is missing: Docker names where its symlink evaluation stopped.
    if (exists(options, given) && errnoOf(error) === 'ENOENT') {
      throw new InputError('INPUT_NOT_FOUND', `unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${followLinks(options, '/', given).missing ?? given}: no such file or directory`, given, `${given} is a symbolic link to a file that does not exist; fix the link or name the Dockerfile with -f.`);
    }
    // Without a Dockerfile on disk BuildKit's requests cannot be known: the whole context stands in.
    if (options.builder === 'buildkit' && options.dockerfile === undefined) {
      return withIgnoreFile(options, contextDir, given, { contextDir, contextDirAsGiven: options.contextDir, dockerfile: given, dockerfileRelative: relativePosix(contextDir, given), dockerfileSize: 0, dockerfileExists: false });
    }
    throw new InputError('INPUT_NOT_FOUND', `Cannot locate Dockerfile: "${given}"`, given, options.dockerfile === undefined ? 'Create a Dockerfile in the context, or name one with -f.' : 'Check the -f path; it is relative to the current directory, not to the context.');
  }
  const dockerfileRelative = relativePosix(contextDir, dockerfile);
  const outside = dockerfileRelative.startsWith('../');
  if (outside && options.dockerfile === undefined && options.builder === 'legacy') {
    // docker/cli reopens a Dockerfile outside the context by the -f value, which is empty here:
    // a default Dockerfile that links out of the context fails with open("").
    throw new InputError('INPUT_INVALID', 'unable to open Dockerfile: open : no such file or directory', given, `${given} links to ${dockerfile}, outside the context; the legacy client only reads such a Dockerfile when it is named with -f (-f ${dockerfile}).`);
  }
  const stats = options.fs.lstat(dockerfile);
  const dockerfileSize = outside ? outsideDockerfileSize(options, dockerfile, stats) : stats.size;
  return withIgnoreFile(options, contextDir, given, { contextDir, contextDirAsGiven: options.contextDir, dockerfile, dockerfileRelative, dockerfileSize, dockerfileExists: true });
}

/**
 * Whether the legacy client adds the Dockerfile to its upload itself, under a generated name
 * (docker/cli AddDockerfileToBuildContext): one read from stdin, or one outside the context.
 * @returns true when the Dockerfile travels apart from the context's files
 */
export function dockerfileTravelsApart(inputs: Pick<BuildInputs, 'dockerfileRelative' | 'dockerfileFromStdin'>): boolean {
  return inputs.dockerfileFromStdin === true || inputs.dockerfileRelative.startsWith('../');
}

function relativePosix(from: string, to: string): string {
  return nodePath.relative(from, to).split(nodePath.sep).join('/');
}

type DockerfileInputs = Omit<BuildInputs, 'ignoreFile' | 'ignoreFileReason' | 'unreadIgnoreFile'>;

/** Adds the ignore file Docker would read for a Dockerfile named `given`. */
function withIgnoreFile(options: ResolvedOptions, contextDir: string, given: string, found: DockerfileInputs): BuildInputs {
  if (options.ignoreFile === false) return { ...found, ignoreFile: undefined, ignoreFileReason: 'disabled' };
  if (options.ignoreFile !== undefined) {
    if (!exists(options, options.ignoreFile)) {
      throw new InputError('INPUT_NOT_FOUND', `ignore file not found: ${options.ignoreFile}`, options.ignoreFile);
    }
    return { ...found, ignoreFile: options.ignoreFile, ignoreFileReason: 'override' };
  }
  if (options.builder === 'buildkit') {
    // BuildKit looks beside the Dockerfile as named (before symlink resolution), in the directory
    // it sends the Dockerfile from, then in the context. A Dockerfile read from stdin has no name
    // on disk, so only the context's ignore file counts then.
    const specific = options.dockerfileText !== undefined && options.dockerfile === undefined ? undefined : buildkitIgnoreFile(options, nodePath.dirname(given), `${nodePath.basename(given)}.dockerignore`);
    if (specific !== undefined) return { ...found, ignoreFile: specific, ignoreFileReason: 'dockerfile-specific' };
    const inContext = buildkitIgnoreFile(options, contextDir, '.dockerignore');
    if (inContext !== undefined) return { ...found, ignoreFile: inContext, ignoreFileReason: 'context-root' };
    const unread = nodePath.join(contextDir, '.dockerignore');
    const none = { ...found, ignoreFile: undefined, ignoreFileReason: 'none' } as const;
    return exists(options, unread) ? { ...none, unreadIgnoreFile: unread } : none;
  }
  const root = nodePath.join(contextDir, '.dockerignore');
  if (opensAsPresent(options, root)) return { ...found, ignoreFile: root, ignoreFileReason: 'context-root' };
  return { ...found, ignoreFile: undefined, ignoreFileReason: 'none' };
}

/**
 * Where BuildKit finds an ignore file: symlinks are resolved inside the directory it was sent from,
 * never outside it (fsutil's FollowLinks, then the frontend's read of the snapshot): an absolute
 * target is taken from that directory, and `..` stops at it. Read from the fsutil and BuildKit
 * sources, and confirmed on the real BuildKit 28.5.2 for an absolute target, `..` past the root, a
 * target outside the context and a dangling link (special-inputs.test.ts).
 * @returns the path to read (the name itself when the host resolves it to the same file), or
 *   undefined when there is nothing there
 */
function buildkitIgnoreFile(options: ResolvedOptions, root: string, name: string): string | undefined {
  const { path: found, missing } = followLinks(options, root, name);
  if (missing !== undefined) return undefined;
  const named = nodePath.join(root, name);
  try {
    if (options.fs.realpath(named) === found) return named;
  } catch {
    // The host cannot resolve it; the path inside the directory is the one BuildKit reads.
  }
  return found;
}

/**
 * The file an edit of the rules must be written to: the ignore file the builder reads, or a new
 * `.dockerignore` in the context when there is none.
 * @returns the path to write
 * @throws InputError when the context has a `.dockerignore` the builder does not read (a BuildKit
 *   link out of the context): writing through it would change nothing, and replacing it would
 *   break the link
 */
export function ignoreFileToEdit(inputs: BuildInputs): string {
  const unread = inputs.unreadIgnoreFile;
  if (unread !== undefined) {
    throw new InputError(
      'INPUT_INVALID',
      `${unread} is a symbolic link that BuildKit does not follow out of the context, so BuildKit reads no ignore file and rules saved there would change nothing; nothing was written`,
      unread,
      'Replace the link with a regular file holding the rules (cp --remove-destination "$(readlink -f .dockerignore)" .dockerignore), or use --builder legacy, whose client follows the link.',
    );
  }
  return ignoreFilePath(inputs);
}

/**
 * The ignore file the builder reads, or where a new `.dockerignore` would go when there is none.
 * @returns the path, for display; writes go through ignoreFileToEdit
 */
export function ignoreFilePath(inputs: BuildInputs): string {
  return inputs.ignoreFile ?? nodePath.join(inputs.contextDir, '.dockerignore');
}

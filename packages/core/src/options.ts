import * as nodePath from 'node:path';
import { type FsAdapter, nodeFs } from './fs-adapter.js';
import { ACCEPTS, checkArgument, checkStringList, invalidArgument } from './validate.js';

/** Which Docker builder's rules to reproduce. */
export type Builder = 'buildkit' | 'legacy';

/** Progress of a long scan. */
export interface ScanProgressEvent {
  /** Entries recorded so far. */
  readonly entries: number;
  /** Bytes of regular files seen so far. */
  readonly bytes: number;
  readonly elapsedMs: number;
}

/** What the caller may say about a context. Every field is optional. */
export interface ContextOptions {
  /**
   * The Dockerfile, like `docker build -f`: relative paths resolve against `cwd`, not the context.
   * @default `Dockerfile` in the context (or `dockerfile` when only that exists)
   */
  readonly dockerfile?: string;
  /**
   * The Dockerfile's content, as with `docker build -f -` (the Dockerfile comes from stdin): it is
   * then not read from disk. `dockerfile` may still name it for messages.
   */
  readonly dockerfileText?: string;
  /** @default 'buildkit' */
  readonly builder?: Builder;
  /** `--target`: the stage to build (BuildKit sends only what the stages it needs read). @default the last stage */
  readonly target?: string;
  /** `--build-arg K=V`, which can change what COPY and ADD read. @default {} */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /**
   * Show the whole eligible context, as if the Dockerfile ran `COPY . .`, instead of only the paths
   * its instructions read (BuildKit). @default false
   */
  readonly wholeContext?: boolean;
  /** Rules evaluated after the ignore file's, each one `.dockerignore` line. @default [] */
  readonly extraRules?: readonly string[];
  /**
   * Path of the ignore file to use instead of Docker's choice, or `false` for none.
   * @default Docker's choice: `<Dockerfile>.dockerignore` then `.dockerignore` (BuildKit), `.dockerignore` (legacy)
   */
  readonly ignoreFile?: string | false;
  /** Cancels the scan. */
  readonly signal?: AbortSignal;
  /** Called every few thousand entries while the disk is read. */
  readonly onProgress?: (event: ScanProgressEvent) => void;
  /** Directory relative paths resolve against. @default process.cwd() */
  readonly cwd?: string;
  /** File-system access, for tests. @default Node's fs */
  readonly fs?: FsAdapter;
}

/** ContextOptions with every default applied; nothing downstream reads the process environment. */
export interface ResolvedOptions {
  readonly contextDir: string;
  readonly dockerfile: string | undefined;
  readonly dockerfileText: string | undefined;
  readonly builder: Builder;
  readonly target: string | undefined;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly wholeContext: boolean;
  readonly extraRules: readonly string[];
  readonly ignoreFile: string | false | undefined;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ((event: ScanProgressEvent) => void) | undefined;
  readonly cwd: string;
  readonly fs: FsAdapter;
  /** Whether read permission must be checked (a root process can read everything). */
  readonly checkReadable: boolean;
}

/**
 * Checks a caller's context directory and options: every public entry that takes ContextOptions
 * comes through resolveOptions, so this is the one place they are checked.
 * @returns nothing
 * @throws InputError naming the first argument that is not accepted
 */
function checkOptions(contextDir: unknown, options: unknown): asserts options is ContextOptions {
  checkArgument(contextDir, 'contextDir', ACCEPTS.string);
  checkArgument(options, 'options', ACCEPTS.object);
  const o = options as Record<keyof ContextOptions, unknown>;
  checkArgument(o.dockerfile, 'options.dockerfile', ACCEPTS.string, true);
  checkArgument(o.builder, 'options.builder', ACCEPTS.builder, true);
  checkStringList(o.extraRules, 'options.extraRules', true);
  checkArgument(o.ignoreFile, 'options.ignoreFile', ACCEPTS.stringOrFalse, true);
  checkArgument(o.signal, 'options.signal', ACCEPTS.signal, true);
  checkArgument(o.onProgress, 'options.onProgress', ACCEPTS.function, true);
  checkArgument(o.cwd, 'options.cwd', ACCEPTS.string, true);
  checkArgument(o.fs, 'options.fs', ACCEPTS.fs, true);
  checkArgument(o.dockerfileText, 'options.dockerfileText', ACCEPTS.string, true);
  checkArgument(o.target, 'options.target', ACCEPTS.string, true);
  checkArgument(o.wholeContext, 'options.wholeContext', ACCEPTS.boolean, true);
  checkArgument(o.buildArgs, 'options.buildArgs', ACCEPTS.object, true);
  for (const [key, value] of Object.entries((o.buildArgs ?? {}) as Record<string, unknown>)) {
    if (key === '') throw invalidArgument('options.buildArgs', '', 'build args with names (as with --build-arg NAME=value)');
    checkArgument(value, `options.buildArgs.${key}`, ACCEPTS.string);
  }
}

/**
 * Checks the caller's arguments, then applies defaults once, so every later stage sees the same frozen values.
 * @returns the resolved options
 * @throws InputError for an argument it does not accept (see checkOptions)
 */
export function resolveOptions(contextDir: string, options: ContextOptions = {}): ResolvedOptions {
  checkOptions(contextDir, options);
  const cwd = options.cwd ?? process.cwd();
  const buildArgs: Record<string, string> = { ...options.buildArgs };
  return Object.freeze({
    contextDir: nodePath.resolve(cwd, contextDir),
    dockerfile: options.dockerfile === undefined ? undefined : nodePath.resolve(cwd, options.dockerfile),
    dockerfileText: options.dockerfileText,
    target: options.target === '' ? undefined : options.target,
    buildArgs: Object.freeze(buildArgs),
    wholeContext: options.wholeContext === true,
    builder: options.builder ?? 'buildkit',
    extraRules: options.extraRules ?? [],
    ignoreFile: typeof options.ignoreFile === 'string' ? nodePath.resolve(cwd, options.ignoreFile) : options.ignoreFile,
    signal: options.signal,
    onProgress: options.onProgress,
    cwd,
    fs: options.fs ?? nodeFs,
    checkReadable: typeof process.getuid === 'function' ? process.getuid() !== 0 : true,
  });
}

import * as nodePath from 'node:path';
import { InputError } from './errors.js';
import { type FsAdapter, nodeFs } from './fs-adapter.js';

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
 * Applies defaults once, so every later stage sees the same frozen values.
 * @returns the resolved options
 * @throws InputError for an option of the wrong type or a build arg without a name
 */
export function resolveOptions(contextDir: string, options: ContextOptions = {}): ResolvedOptions {
  const cwd = options.cwd ?? process.cwd();
  if (options.builder !== undefined && options.builder !== 'buildkit' && options.builder !== 'legacy') {
    throw new InputError('INPUT_INVALID', `unknown builder ${JSON.stringify(options.builder)}`, String(options.builder), "Use 'buildkit' or 'legacy'.");
  }
  if (options.target !== undefined && typeof options.target !== 'string') {
    throw new InputError('INPUT_INVALID', 'target must be a stage name', String(options.target), 'Pass the name after AS in a FROM line, as with docker build --target.');
  }
  if (options.dockerfileText !== undefined && typeof options.dockerfileText !== 'string') {
    throw new InputError('INPUT_INVALID', 'dockerfileText must be the Dockerfile as a string', '-', 'Read the Dockerfile (e.g. from stdin) into a string first.');
  }
  const buildArgs: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.buildArgs ?? {})) {
    if (key === '' || typeof value !== 'string') {
      throw new InputError('INPUT_INVALID', `invalid build arg ${JSON.stringify(key)}`, key, 'Give each build arg a name and a string value, as with --build-arg NAME=value.');
    }
    buildArgs[key] = value;
  }
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

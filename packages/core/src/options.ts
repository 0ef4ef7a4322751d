import * as nodePath from 'node:path';
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
  /** @default 'buildkit' */
  readonly builder?: Builder;
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
  readonly builder: Builder;
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
 */
export function resolveOptions(contextDir: string, options: ContextOptions = {}): ResolvedOptions {
  const cwd = options.cwd ?? process.cwd();
  return Object.freeze({
    contextDir: nodePath.resolve(cwd, contextDir),
    dockerfile: options.dockerfile === undefined ? undefined : nodePath.resolve(cwd, options.dockerfile),
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

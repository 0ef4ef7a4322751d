// What the TUI is asked to show: the same inputs as `docker build`.
import type { Builder } from '@ctxlens/core';
import type { SliceScanOptions } from '@ctxlens/core/internal';

/** Options of runTui(), as the default command parses them. */
export interface TuiOptions {
  /** The build context directory, relative to Io.cwd. */
  readonly dir: string;
  /** The Dockerfile, like `docker build -f` (relative to Io.cwd). @default Docker's choice */
  readonly dockerfile?: string | undefined;
  readonly builder: Builder;
  /** An ignore file to use instead of Docker's choice (relative to Io.cwd). @default Docker's choice */
  readonly ignoreFile?: string | undefined;
  /** `--target`: the stage BuildKit builds, which decides what it asks for. @default the last stage */
  readonly target?: string | undefined;
  /** `--build-arg K=V`, which can change what COPY and ADD read. @default {} */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** Show the whole eligible context under BuildKit, as if the Dockerfile ran `COPY . .`. @default false */
  readonly wholeContext?: boolean;
  /** The Dockerfile's text, as with `docker build -f -` (read from stdin). @default read from disk */
  readonly dockerfileText?: string | undefined;
}

/**
 * The core's scan options for the TUI's inputs (the early scan and the in-app loader share them).
 * @returns the options, without progress listener and abort signal
 */
export function scanOptionsOf(options: TuiOptions, cwd: string): SliceScanOptions {
  const { builder, dockerfile, ignoreFile, target, buildArgs, wholeContext, dockerfileText } = options;
  return { builder, dockerfile, ignoreFile, target, buildArgs, wholeContext, dockerfileText, cwd };
}

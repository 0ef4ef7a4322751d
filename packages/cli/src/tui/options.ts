// What the TUI is asked to show: the same inputs as `docker build`.
import type { Builder } from '@ctxlens/core';

/** Options of runTui(), as the default command parses them. */
export interface TuiOptions {
  /** The build context directory, relative to Io.cwd. */
  readonly dir: string;
  /** The Dockerfile, like `docker build -f` (relative to Io.cwd). @default Docker's choice */
  readonly dockerfile?: string | undefined;
  readonly builder: Builder;
  /** An ignore file to use instead of Docker's choice (relative to Io.cwd). @default Docker's choice */
  readonly ignoreFile?: string | undefined;
}

// The process's streams and environment, gathered once so that every command can run against fakes
// in unit tests and against the real process in bin.ts.
import { isatty } from 'node:tty';
import { UsageError } from './report-error.js';

/** What a command may touch of the outside world besides the file system. */
export interface Io {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Which standard streams are terminals (decides colour, progress and the TUI). */
  readonly isTTY: { readonly stdin: boolean; readonly stdout: boolean; readonly stderr: boolean };
  /** Directory relative paths resolve against. */
  readonly cwd: string;
  /** Terminal width, when stdout is a terminal. */
  readonly columns?: number | undefined;
}

/**
 * The process's working directory.
 * @returns its absolute path
 * @throws UsageError when it was deleted (Node's getcwd fails; Docker fails the same way with `getwd: no such file or directory`)
 */
function workingDirectory(): string {
  try {
    return process.cwd();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it no longer exists' : (error as Error).message;
    throw new UsageError(`cannot get the current directory: ${reason} (getcwd failed)`, 'cd to a directory that exists and run ctxlens again.');
  }
}

/**
 * The real process's streams and environment.
 * @returns an Io bound to `process`
 * @throws UsageError when the working directory was deleted
 */
export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // Only explain --stdin and the TUI read it: opening the stream costs every other command start-up time.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    isTTY: { stdin: isatty(0), stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
    cwd: workingDirectory(),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  };
}

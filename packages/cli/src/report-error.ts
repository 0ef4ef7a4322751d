// Turns an exception into an actionable message on stderr and an exit code. User errors (our error
// classes, and system errors such as EACCES on a file the user named) never print a stack; anything
// else is a bug, printed with its stack so it can be reported. Classes are told apart with
// instanceof, never by message text.
import { CtxlensError, IgnoreFileError, InputError } from '@ctxlens/core';
import { ExitCode, type ExitCodeValue } from './exit-codes.js';
import type { Io } from './io.js';
import { displayPath } from './output/paths.js';
import { oneLine } from './output/terminal-text.js';

/** An error in how the command was called, found by the CLI itself (for example conflicting flags). */
export class UsageError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/**
 * Formats an error as the lines ctxlens prints for it.
 * @returns the message lines (without trailing newline) and the exit code to use
 */
export function describeError(error: unknown, cwd: string): { lines: string[]; code: ExitCodeValue } {
  const described = describeRaw(error, cwd);
  // What the user wrote (a pattern, a path) may hold control characters, even NUL bytes from
  // /dev/zero: each line is shown with them escaped. A bug's stack is printed as it is.
  return described.code === ExitCode.Internal ? described : { ...described, lines: described.lines.map(oneLine) };
}

function describeRaw(error: unknown, cwd: string): { lines: string[]; code: ExitCodeValue } {
  if (error instanceof IgnoreFileError) {
    const where = error.line > 0 ? `${displayPath(error.file, cwd)}:${error.line}` : displayPath(error.file, cwd);
    const lines = [`ctxlens: ${where}: ${error.message}`];
    if (error.line > 0) lines.push(`  pattern: ${error.pattern}`);
    if (error.hint) lines.push(`  hint: ${error.hint}`);
    return { lines, code: ExitCode.Usage };
  }
  if (error instanceof InputError || error instanceof CtxlensError || error instanceof UsageError) {
    const lines = [`ctxlens: ${error.message}`];
    if (error.hint) lines.push(`  hint: ${error.hint}`);
    return { lines, code: ExitCode.Usage };
  }
  if (isSystemError(error)) {
    const path = error.path === undefined ? '' : ` ${displayPath(error.path, cwd)}`;
    return { lines: [`ctxlens: cannot ${error.syscall}${path}: ${error.code}`], code: ExitCode.Usage };
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { lines: ['ctxlens: internal error (this is a bug; please report it with the lines below)', stack], code: ExitCode.Internal };
}

/**
 * Prints an error to stderr.
 * @returns the exit code for it
 */
export function reportError(error: unknown, io: Io): ExitCodeValue {
  const { lines, code } = describeError(error, io.cwd);
  io.stderr.write(lines.join('\n') + '\n');
  return code;
}

/**
 * Runs a command body, turning any exception into a message and an exit code.
 * @returns the body's exit code, or the error's
 */
export async function guarded(io: Io, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    return reportError(error, io);
  }
}

/**
 * Reports a failure before any command ran (a deleted working directory): one line and a hint,
 * like every other error; the stack only for bugs. Paths are shown from `/`, as there is no
 * working directory to show them from.
 * @returns the exit code for it
 */
export function reportStartupError(error: unknown): ExitCodeValue {
  const { lines, code } = describeError(error, '/');
  process.stderr.write(lines.join('\n') + '\n');
  return code;
}

// The only place that knows the numbers. CI scripts and the pre-commit hook rely on them.

/** Process exit codes of every ctxlens command. */
export const ExitCode = {
  /** Success: the check passed, or there was nothing to report. */
  Ok: 0,
  /** A check, lint or explain question answered "no": `check` failed, `lint` found problems, `explain` found no excluded path. */
  Fail: 1,
  /** Bad usage or bad input: unknown flag, missing directory or Dockerfile, invalid .dockerignore pattern, bad config. */
  Usage: 2,
  /** A bug in ctxlens (an unexpected exception); the stack trace is printed so it can be reported. */
  Internal: 3,
  /** The TUI was left with a second Ctrl-C, dropping unsaved edits (128 + SIGINT, as a shell reports an interrupt). */
  Interrupted: 130,
} as const;

/** One of the exit codes above. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

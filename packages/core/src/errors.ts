/** Stable machine-readable error codes. The CLI maps error classes (not codes or messages) to exit codes. */
export type CtxlensErrorCode =
  | 'IGNORE_FILE_SYNTAX'
  | 'IGNORE_FILE_READ'
  | 'INPUT_NOT_FOUND'
  | 'INPUT_INVALID'
  | 'PERMISSION_DENIED'
  | 'DOCKERFILE_INVALID'
  | 'ABORTED';

/** Base class of every error ctxlens throws on purpose. */
export class CtxlensError extends Error {
  readonly code: CtxlensErrorCode;
  /** How to fix it, in one sentence, when we know. */
  readonly hint: string | undefined;

  constructor(code: CtxlensErrorCode, message: string, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.hint = hint;
  }
}

/** Where an ignore-file rule came from. */
export interface RuleOrigin {
  /** Path of the ignore file as given (or a label such as `<extra rules>`). */
  readonly file: string;
  /** 1-based line number in that file. */
  readonly line: number;
  /** The line as written, without its line ending. */
  readonly text: string;
}

/**
 * A rule Docker refuses. `phase` says when Docker notices: `load` errors stop every build,
 * `match` errors (regular-expression compile failures) surface only once a path reaches the rule.
 */
export class IgnoreFileError extends CtxlensError {
  readonly file: string;
  readonly line: number;
  readonly pattern: string;
  readonly phase: 'load' | 'match';

  constructor(message: string, origin: RuleOrigin, phase: 'load' | 'match', hint?: string) {
    super(origin.line > 0 ? 'IGNORE_FILE_SYNTAX' : 'IGNORE_FILE_READ', message, hint);
    this.file = origin.file;
    this.line = origin.line;
    this.pattern = origin.text;
    this.phase = phase;
  }

  /** `file:line: message` (the form editors and CI annotators understand). */
  override toString(): string {
    return this.line > 0 ? `${this.file}:${this.line}: ${this.message}` : `${this.file}: ${this.message}`;
  }
}

/**
 * A missing or unusable context directory, Dockerfile or ignore file named by the user, or an
 * argument of the library API that it does not accept.
 */
export class InputError extends CtxlensError {
  /** The path the user gave us ('' for a bad argument). */
  readonly path: string;
  /** For a bad argument: its name as the caller knows it, e.g. `options.builder`. */
  readonly argument: string | undefined;

  constructor(code: 'INPUT_NOT_FOUND' | 'INPUT_INVALID' | 'PERMISSION_DENIED', message: string, path: string, hint?: string, argument?: string) {
    super(code, message, hint);
    this.path = path;
    this.argument = argument;
  }
}

/**
 * A Dockerfile that BuildKit's Dockerfile frontend refuses (or a `--target`/`--build-arg` it cannot
 * use). `message` is BuildKit's own text, as `docker build` prints it after `failed to solve:`;
 * `line` is 1-based, 0 when the error has no line (an empty file, a missing target).
 */
export class DockerfileError extends CtxlensError {
  /** Path of the Dockerfile as given (or a label such as `Dockerfile`). */
  readonly file: string;
  readonly line: number;
  /** Last line of the instruction when it spans several (continuations, heredocs). */
  readonly endLine: number;

  constructor(message: string, file: string, line: number, hint?: string, endLine = line) {
    super('DOCKERFILE_INVALID', message, hint);
    this.file = file;
    this.line = line;
    this.endLine = endLine;
  }

  /** `file:line: message` (the form editors and CI annotators understand). */
  override toString(): string {
    return this.line > 0 ? `${this.file}:${this.line}: ${this.message}` : `${this.file}: ${this.message}`;
  }
}

/** The caller's AbortSignal fired. */
export class AbortError extends CtxlensError {
  constructor() {
    super('ABORTED', 'the operation was aborted');
  }
}

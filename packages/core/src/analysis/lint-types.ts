// The shape of a lint finding, shared by every lint rule.

/** Stable identifiers of lint findings. */
export type LintCode =
  | 'dead-rule'
  | 'redundant-rule'
  | 'shadowed-rule'
  | 'invalid-rule'
  | 'anchored-name'
  | 'trailing-slash'
  | 'bracket-negation'
  | 'inline-comment'
  | 'unreachable-exception'
  | 'full-walk-exception'
  | 'cache-order';

/** One problem with one line of the ignore file. */
export interface LintFinding {
  readonly code: LintCode;
  /** `error` breaks builds, `warning` does not do what it looks like, `info` is harmless but worth knowing. */
  readonly severity: 'error' | 'warning' | 'info';
  /** The ignore file (as the rule's origin names it); the Dockerfile for Dockerfile findings (`cache-order`). */
  readonly file: string;
  readonly line: number;
  /** The line as written. */
  readonly text: string;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** Evidence from this context (counts, sizes, example paths), when there is some. */
  readonly detail?: string | undefined;
  /** How to fix it, in one sentence. */
  readonly fix: string;
  /** Lines to write instead of (or, for exceptions, after) this one, when we can say exactly. */
  readonly replacement?: readonly string[] | undefined;
}

/** Example paths, at most a few, for messages. */
export function examples(paths: readonly string[], max = 3): string {
  const shown = paths.slice(0, max).join(', ');
  return paths.length > max ? `${shown}, …` : shown;
}

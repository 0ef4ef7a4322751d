/** Something Docker tolerates or does silently that the user should know about. */
export interface Diagnostic {
  /** Stable identifier, e.g. `socket-skipped` or `legacy-truncated-context`. */
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  /** One sentence, saying what Docker does about it. */
  readonly message: string;
  /** The context-relative path concerned, if any. */
  readonly path?: string;
}

// The terminal's size, with defaults for streams that are not terminals (tests, pipes).

/** Size assumed when the output is not a terminal. */
export const DEFAULT_SIZE = { columns: 100, rows: 30 } as const;

/**
 * The terminal's size now.
 * @returns columns and rows
 */
export function terminalSize(stdout: { columns?: number; rows?: number }): { columns: number; rows: number } {
  return { columns: stdout.columns || DEFAULT_SIZE.columns, rows: stdout.rows || DEFAULT_SIZE.rows };
}

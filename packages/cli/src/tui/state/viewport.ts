// Which slice of a long list is on screen. Pure, so it is tested as a table and a 50,000-entry
// directory costs the same to draw as a 5-entry one.

/** The rows to draw: indices [start, end) of the list. */
export interface VisibleWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * The window of `rows` rows that shows `cursor`, keeping it near the middle so there is context
 * above and below, and never leaving blank rows at the end of a long list.
 * @returns the start (inclusive) and end (exclusive) indices
 */
export function visibleWindow(total: number, cursor: number, rows: number): VisibleWindow {
  if (rows <= 0 || total <= 0) return { start: 0, end: 0 };
  if (total <= rows) return { start: 0, end: total };
  const clamped = Math.min(Math.max(cursor, 0), total - 1);
  const start = Math.min(Math.max(clamped - Math.floor(rows / 2), 0), total - rows);
  return { start, end: start + rows };
}

/**
 * Moves a cursor by `delta` within a list, stopping at both ends.
 * @returns the new cursor (0 for an empty list)
 */
export function moveCursor(cursor: number, delta: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(Math.max(cursor + delta, 0), total - 1);
}

// Column alignment for text output. Widths count UTF-16 code units of the uncoloured text, which
// is right for the ASCII we put in numbers and close enough for paths.

/** How a column is aligned. */
export type Align = 'left' | 'right';

/**
 * Lays out rows as aligned columns separated by two spaces; the last column is never padded.
 * @param style optional per-cell styling applied after padding (so colour codes do not skew widths)
 * @returns one string per row, without newlines
 */
export function alignColumns(rows: readonly (readonly string[])[], align: readonly Align[], style?: (cell: string, row: number, col: number) => string): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, c) => (widths[c] = Math.max(widths[c] ?? 0, cell.length)));
  return rows.map((row, r) =>
    row
      .map((cell, c) => {
        const last = c === row.length - 1;
        const padded = align[c] === 'right' ? cell.padStart(widths[c]!) : last ? cell : cell.padEnd(widths[c]!);
        return style ? style(padded, r, c) : padded;
      })
      .join('  ')
      .trimEnd(),
  );
}

// The "targets at a glance" table at the top of docs/benchmarks.md: every section records the
// figure its target is judged on, per tree, and the table is written from those records once the
// run ends, so the summary always comes from the same run as the sections below it.

/** The targets, in the order the table lists them, with the wording of their row. */
export const TARGET_ROWS = {
  check: '`check` (default, size/file/secret rules) ≤ 1.2× `ls`, worst rule set',
  sizeBusy: '`size` ≤ 1.3× `find`, one core busy (the better Node floor in brackets)',
  inventory: 'complete inventory < 300 MB (peak RSS)',
  toggle: 'rule toggle: median < 30 ms (slowest < 100 ms)',
  firstScreen: 'first screen < 200 ms (median)',
} as const;

/** A target's row key. */
export type TargetRow = keyof typeof TARGET_ROWS;

/** Collects one cell per target and tree. */
export class TargetBoard {
  private readonly columns: string[] = [];
  private readonly cells = new Map<string, string>();

  /** Records a target's figure on a tree (a column is added the first time a tree is named). */
  set(row: TargetRow, column: string, text: string): void {
    if (!this.columns.includes(column)) this.columns.push(column);
    this.cells.set(`${row}\u0000${column}`, text);
  }

  /**
   * The table, one row per target that any tree recorded.
   * @returns markdown lines, empty when nothing was recorded
   */
  lines(): string[] {
    const rows = (Object.keys(TARGET_ROWS) as TargetRow[]).filter((row) => this.columns.some((c) => this.cells.has(`${row}\u0000${c}`)));
    if (rows.length === 0) return [];
    return [
      `| target | ${this.columns.join(' | ')} |`,
      `|---|${this.columns.map(() => '---').join('|')}|`,
      ...rows.map((row) => `| ${TARGET_ROWS[row]} | ${this.columns.map((c) => this.cells.get(`${row}\u0000${c}`) ?? '–').join(' | ')} |`),
    ];
  }
}

/** A ratio as the table writes it. */
export const times = (x: number): string => `${x.toFixed(2)}×`;

// Reads a captured TUI screen back into its parts, for the layout checks of issue 13 point 10:
// every line fits, the key hints keep `? help` and `q quit`, no pane leaves rows blank while it
// or the other pane has rows it cannot show, and tree rows keep a name near its rule.

/** What a layout check found on one screen. */
export interface ScreenFacts {
  /** Lines wider than the terminal. */
  readonly tooWide: readonly string[];
  /** The key hint line (the last non-empty line). */
  readonly hints: string;
  /** The longest run of blank lines between the header and the footer. */
  readonly blankRun: number;
  /** Whether every tree entry and every rule is on screen (then blank rows are all there is to show). */
  readonly allShown: boolean;
  /** The widest run of spaces between two characters inside the tree pane's rows. */
  readonly treeGap: number;
}

const columnsOf = (line: string): number => [...line].length;

/**
 * Reads a screen captured with tmux capture-pane (no colour codes).
 * @returns the facts the layout tests assert on
 */
export function screenFacts(screen: string, columns: number): ScreenFacts {
  const lines = screen.replace(/\n$/, '').split('\n');
  const last = lines.findLastIndex((l) => l.trim() !== '');
  // Header: 2 lines; footer: the message and the key hints.
  const body = lines.slice(2, last - 1);
  let blankRun = 0;
  for (let run = 0, i = 0; i < body.length; i++) {
    run = body[i]!.trim() === '' ? run + 1 : 0;
    blankRun = Math.max(blankRun, run);
  }
  const treeTitle = body.findIndex((l) => /^[▸ ] \/\S* +[\d,]+ (entry|entries) ·/.test(l));
  const entries = Number(/([\d,]+) (?:entry|entries) ·/.exec(body[treeTitle] ?? '')?.[1]?.replace(/,/g, '') ?? NaN);
  const rules = Number(/Rules \S+ · (\d+)/.exec(body.join('\n'))?.[1] ?? NaN);
  const treeRows = body.filter((l) => /^[ ›][✓✗◐○] /.test(l)).length;
  const ruleRows = body.filter((l) => /[ ›]\[[x ]\] +\d+ /.test(l)).length;
  // Side by side, the tree pane ends where the rules pane's title starts.
  const rulesAt = body[treeTitle]?.indexOf('Rules') ?? -1;
  const treeEnd = rulesAt > 0 ? rulesAt - 2 : columns;
  let treeGap = 0;
  for (const line of body.filter((l) => /^[ ›][✓✗◐○] /.test(l))) {
    const inner = [...line].slice(0, treeEnd).join('').trimEnd();
    for (const gap of inner.match(/ {2,}/g) ?? []) treeGap = Math.max(treeGap, gap.length);
  }
  return { tooWide: lines.filter((l) => columnsOf(l) > columns), hints: lines[last] ?? '', blankRun, allShown: treeRows === entries && ruleRows === rules, treeGap };
}

// The exact change saving will make, line by line: a longest-common-subsequence diff of the lines
// on disk against the edited document. Lines compare by their bytes (ending included), so a line
// whose only change is its ending still shows.
import { type DocumentLine, type IgnoreDocument, lineText, parseDocument } from '@ctxlens/core';

/** One line of the diff. */
export interface DiffLine {
  readonly op: 'same' | 'add' | 'remove';
  readonly text: string;
  /** 1-based line number in the old file (same, remove) or the new one (add). */
  readonly number: number;
}

const sameBytes = (a: DocumentLine, b: DocumentLine): boolean => a.content.equals(b.content) && a.ending.equals(b.ending);

/**
 * Diffs the ignore file's bytes on disk against the edited document.
 * @returns the diff lines, in file order (removals before additions at the same place)
 */
export function diffDocument(original: Buffer | undefined, doc: IgnoreDocument): DiffLine[] {
  const a = parseDocument(original).lines;
  const b = doc.lines;
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the LCS of a[i..] and b[j..], in one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[at(i, j)] = sameBytes(a[i]!, b[j]!) ? lcs[at(i + 1, j + 1)]! + 1 : Math.max(lcs[at(i + 1, j)]!, lcs[at(i, j + 1)]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && sameBytes(a[i]!, b[j]!)) {
      out.push({ op: 'same', text: lineText(a[i]!), number: i + 1 });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[at(i + 1, j)]! >= lcs[at(i, j + 1)]!)) {
      out.push({ op: 'remove', text: lineText(a[i]!), number: i + 1 });
      i++;
    } else {
      out.push({ op: 'add', text: lineText(b[j]!), number: j + 1 });
      j++;
    }
  }
  return out;
}

/**
 * Keeps changed lines and `context` unchanged lines around them, as `diff -u` does.
 * @returns the lines to show, with `undefined` where unchanged lines were left out
 */
export function diffHunks(lines: readonly DiffLine[], context = 2): (DiffLine | undefined)[] {
  const keep = lines.map(() => false);
  lines.forEach((line, k) => {
    if (line.op === 'same') return;
    for (let d = Math.max(0, k - context); d <= Math.min(lines.length - 1, k + context); d++) keep[d] = true;
  });
  const out: (DiffLine | undefined)[] = [];
  lines.forEach((line, k) => {
    if (keep[k]) out.push(line);
    else if (out.length === 0 || out[out.length - 1] !== undefined) out.push(undefined);
  });
  return out;
}

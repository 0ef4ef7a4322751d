// The shape of a benchmark tree, printed beside its figures: how big its directories are and how
// deep it goes decide what a scan costs per entry (syscalls per directory, path length per lstat).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { median } from './measure.js';

/** What a tree looks like to a scan. */
export interface TreeShape {
  /** Entries below the root (files, directories, symlinks). */
  readonly entries: number;
  readonly dirs: number;
  readonly symlinks: number;
  /** Median and mean entries per directory (every directory, the root included). */
  readonly medianPerDir: number;
  readonly meanPerDir: number;
  /** Depth of the deepest entry and the median entry's depth (a child of the root is at depth 1). */
  readonly maxDepth: number;
  readonly medianDepth: number;
}

/**
 * Walks a tree (symlinks not followed) and measures its shape.
 * @returns the shape
 */
export function measureShape(root: string): TreeShape {
  const perDir: number[] = [];
  const depths = new Map<number, number>();
  let symlinks = 0;
  const visit = (dir: string, depth: number): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    perDir.push(entries.length);
    depths.set(depth, (depths.get(depth) ?? 0) + entries.length);
    for (const e of entries) {
      if (e.isSymbolicLink()) symlinks++;
      else if (e.isDirectory()) visit(path.join(dir, e.name), depth + 1);
    }
  };
  visit(root, 1);
  const entries = perDir.reduce((a, b) => a + b, 0);
  // The median depth from the histogram, without a million-element array.
  let seen = 0;
  let medianDepth = 0;
  for (const depth of [...depths.keys()].sort((a, b) => a - b)) {
    seen += depths.get(depth)!;
    if (seen * 2 >= entries) {
      medianDepth = depth;
      break;
    }
  }
  return { entries, dirs: perDir.length - 1, symlinks, medianPerDir: median(perDir), meanPerDir: entries / perDir.length, maxDepth: Math.max(...depths.keys()), medianDepth };
}

/**
 * One line for docs/benchmarks.md.
 * @returns the shape in words
 */
export function describeShape(s: TreeShape): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `${n(s.entries)} entries in ${n(s.dirs)} directories (${n(s.symlinks)} symlinks); entries per directory: median ${s.medianPerDir}, mean ${s.meanPerDir.toFixed(1)}; depth: median ${s.medianDepth}, deepest ${s.maxDepth}`;
}

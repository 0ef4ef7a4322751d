// What appending one exclusion line to the rules would remove, without re-walking: the line comes
// last, so it wins wherever it is consulted. Docker consults it for every entry still included,
// testing the entry's own path, and inherits its match from the parent directory when the parent
// was included and matched (patternmatcher MatchesUsingParentResults). So an included entry is
// removed when the line matches it or an ancestor along the unbroken run of included ancestors.
import type { Inventory } from '../inventory/inventory.js';
import { readAllPattern } from '../ignorefile/read-ignore-file.js';
import { compileRules, type CompiledPattern } from '../patterns/pattern-set.js';
import { IgnoreFileError } from '../errors.js';
import { countsAsFile } from '../context/figures.js';

/** The effect of one appended exclusion. */
export interface ExclusionEffect {
  /** 1 for each entry the line would remove. */
  readonly removed: Uint8Array;
  /** Regular files removed (the `files` figure, context/figures.ts). */
  readonly files: number;
  /** Bytes of regular files removed. */
  readonly bytes: number;
  /** Every entry removed, directories and symlinks included (the `entries` figure). */
  readonly entries: number;
}

/**
 * Compiles one .dockerignore exclusion line.
 * @returns the compiled pattern, or undefined for comments, exceptions and lines Docker rejects
 */
export function compileExclusion(line: string): CompiledPattern | undefined {
  const pattern = readAllPattern(line);
  if (pattern === undefined || pattern.startsWith('!')) return undefined;
  try {
    const rule = compileRules([{ pattern, origin: { file: '(suggestion)', line: 1, text: line } }]).patterns[0];
    return rule === undefined || rule.kind === undefined ? undefined : rule;
  } catch (error) {
    if (error instanceof IgnoreFileError) return undefined;
    throw error;
  }
}

/**
 * Computes what appending `rule` (an exclusion) after all current rules would remove.
 * @param included 1 for each entry currently sent (EntryState.Included)
 * @returns the removed entries and what they weigh
 */
export function appendedExclusionEffect(inv: Inventory, included: Uint8Array, rule: CompiledPattern): ExclusionEffect {
  const n = inv.count;
  const removed = new Uint8Array(n);
  let files = 0;
  let bytes = 0;
  let entries = 0;
  for (let i = 1; i < n; i++) {
    if (!included[i]) continue;
    const p = inv.parent[i]!;
    const inherited = p > 0 && included[p] === 1 && removed[p] === 1;
    if (!inherited && !rule.matches(inv.path(i))) continue;
    removed[i] = 1;
    entries++;
    if (countsAsFile(inv.kind(i))) {
      files++;
      bytes += inv.sizes[i]!;
    }
  }
  return { removed, files, bytes, entries };
}

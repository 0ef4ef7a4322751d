// A top-level part of the seed scenario (node_modules, .git, src, ...) and how its big files are sized.
import type { TreeEntry } from '../trees/tree-spec.js';
import { specTarBytes } from './legacy-tar-cost.js';

/** One top-level part of the scenario, all of it either shipped or kept out by SEED_DOCKERIGNORE. */
export interface SeedRegion {
  /** Top-level directory name, or a label for loose root files. */
  readonly name: string;
  /** Whether SEED_DOCKERIGNORE excludes the region from the build context. */
  readonly ignored: boolean;
  readonly entries: readonly TreeEntry[];
}

/** A file whose size is set by fillBudget(): a real head of content, then a sparse tail. */
export interface ElasticFile {
  readonly file: string;
  /** Real leading bytes (magic numbers, headers) so tools that sniff content see the right type. */
  readonly head?: string | Buffer;
  /** Share of the remaining budget, relative to the region's other elastic files. */
  readonly weight: number;
  readonly mtime?: Date;
  readonly mode?: number;
}

/**
 * Sizes the elastic files so the region's upload bytes (headers, padding, implied dirs) come close to `budgetBytes`.
 * Each file misses its share by at most one tar block, which the final calibration absorbs.
 * @returns the fixed entries followed by the sized elastic files
 * @throws when the fixed entries alone exceed the budget
 */
export function fillBudget(fixed: readonly TreeEntry[], elastic: readonly ElasticFile[], budgetBytes: number): TreeEntry[] {
  const heads = elastic.map((file) => ({ file: file.file, content: file.head ?? '' }));
  const remaining = budgetBytes - specTarBytes([...fixed, ...heads]);
  if (remaining < 0) throw new Error(`seed: fixed entries exceed their budget by ${-remaining} bytes`);
  const totalWeight = elastic.reduce((sum, file) => sum + file.weight, 0);
  const sized = elastic.map((file): TreeEntry => {
    const headBytes = typeof file.head === 'string' ? Buffer.byteLength(file.head) : (file.head?.length ?? 0);
    const size = headBytes + Math.floor((remaining * file.weight) / totalWeight);
    return { file: file.file, content: file.head ?? '', size, ...(file.mtime && { mtime: file.mtime }), ...(file.mode !== undefined && { mode: file.mode }) };
  });
  return [...fixed, ...sized];
}

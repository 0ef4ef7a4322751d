// One random conformance case per seed: a context tree (always with a root Dockerfile) and the
// exact text of its .dockerignore. Same seed, same case, on every machine.
import { buildTree } from '../trees/build-tree.js';
import type { TreeSpec } from '../trees/tree-spec.js';
import { generateRuleBodies } from './gen-patterns.js';
import { generateTree } from './gen-tree.js';
import { renderIgnoreFile } from './ignore-text.js';
import { Rng } from './rng.js';

/** A generated build context and its ignore file. */
export interface RandomCase {
  readonly seed: number;
  /** The context, without `.dockerignore` (see writeCase). */
  readonly tree: TreeSpec;
  /** Exact content of `.dockerignore` (UTF-8 on disk): may hold CRLF, lone CR, a BOM, U+0085, 64 KiB lines. */
  readonly dockerignore: string;
  /** One line saying what the case holds. */
  readonly description: string;
  /** Generator features the case reaches, e.g. `crlf`, `combo-star-then-bang-dir`, `long-path`. */
  readonly features: readonly string[];
}

/** Upper bound on entries per case, so hundreds of docker runs stay fast. */
export const MAX_CASE_ENTRIES = 60;

/**
 * Generates the case for one seed.
 * @returns the tree, the .dockerignore text and a description
 */
export function generateCase(seed: number): RandomCase {
  const rng = new Rng(seed);
  const hostility = rng.pick([0, 0.2, 0.5, 0.8, 1]);
  const socket = rng.chance(0.01);
  const largeFile = rng.chance(0.06);
  const tree = generateTree(rng, { hostility, budget: rng.int(6, MAX_CASE_ENTRIES - 4), socket, largeFile });
  const count = rng.weighted({ 0: 1, 2: 3, 4: 5, 7: 5, 10: 3, 14: 2 });
  const invalid = rng.chance(0.06);
  const bodies = generateRuleBodies(rng, tree, Number(count), invalid);
  const longLine = rng.chance(0.01);
  const ignore = renderIgnoreFile(rng, bodies.rules, { hostility, longLine });
  const features = [...new Set([...tree.features, ...bodies.features, ...ignore.features])].sort();
  const kinds = new Map<string, number>();
  for (const p of tree.paths) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
  const shape = [...kinds].map(([k, n]) => `${n} ${k}`).join(', ');
  return {
    seed,
    tree: tree.entries,
    dockerignore: ignore.text,
    description: `seed ${seed}: ${tree.paths.length} entries (${shape}), ${bodies.rules.length} rules, hostility ${hostility}; ${features.join(' ')}`,
    features,
  };
}

/**
 * Materialises a case (or any tree plus ignore text) under `root`.
 * @returns once the tree and its .dockerignore exist
 */
export async function writeCase(root: string, c: { readonly tree: TreeSpec; readonly dockerignore: string | Buffer | null }): Promise<void> {
  const spec: TreeSpec = c.dockerignore === null ? c.tree : [...c.tree, { file: '.dockerignore', content: c.dockerignore }];
  await buildTree(root, spec);
}

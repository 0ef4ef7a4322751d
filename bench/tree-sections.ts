// Sections that run once per bench tree, after its main table: each takes the tree's path and
// writes its lines through `out`. Add a section here to have `pnpm bench` report it on every tree
// (the dense trees, the real-shaped trees and the real node_modules).

/** A per-tree section of docs/benchmarks.md. */
export type TreeSection = (tree: string, out: (line: string) => void, rounds: number) => Promise<void> | void;

/** The sections run on every tree, in order. */
export const TREE_SECTIONS: TreeSection[] = [];

// The figure each builder prints for what it sends: BuildKit's `transferring context` count (a
// first, uncached build) or the legacy builder's tar upload. Every "sent", "saves" and "adds" in
// the TUI goes through here, so one builder's figures are never compared with the other's.
import { type Builder, type ContextSizes, type Figure, FIGURES, formatDockerSize, formatProgressBytes } from '@ctxlens/core';

/**
 * Bytes the builder sends for a context.
 * @returns BuildKit's transfer bytes, or the legacy upload's tar bytes
 */
export function sentBytes(sizes: ContextSizes, builder: Builder): number {
  return builder === 'buildkit' ? (sizes.transferBytes ?? sizes.tarBytes) : sizes.tarBytes;
}

/**
 * A byte count as the builder prints it: BuildKit's progress units (`684.99kB`) or Docker's size (`1.4MB`).
 * @returns the text; `0B` for nothing
 */
export function formatSent(bytes: number, builder: Builder): string {
  if (builder === 'legacy') return formatDockerSize(bytes);
  return bytes === 0 ? '0B' : formatProgressBytes(bytes);
}

/**
 * The builder's figure for a context, as it prints it.
 * @returns e.g. `684.99kB` (BuildKit) or `1.4MB` (legacy)
 */
export function sentSize(sizes: ContextSizes, builder: Builder): string {
  return formatSent(sentBytes(sizes, builder), builder);
}

/**
 * Which figure `sentBytes` gives under a builder, so every TUI figure can say what it is (issue 13 point 12).
 * @returns FIGURES.transferBytes under BuildKit, FIGURES.tarBytes under the legacy builder
 */
export function sentFigure(builder: Builder): Figure {
  return builder === 'buildkit' ? FIGURES.transferBytes : FIGURES.tarBytes;
}

/**
 * The tree's sizes and the builder diff's rows are each entry's legacy upload bytes under both
 * builders: BuildKit's transfer figure holds varints that depend on the send position, so it has
 * no per-entry share (see measureContext).
 */
export const TREE_FIGURE: Figure = FIGURES.tarBytes;

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

const MINUS = '−';

/**
 * A change in bytes with its sign, as the builder prints sizes (formatSent).
 * @returns e.g. `−1.2GB`, `+512B`, `±0B`
 */
export function signedSize(delta: number, builder: Builder): string {
  if (delta === 0) return '±0B';
  return (delta < 0 ? MINUS : '+') + formatSent(Math.abs(delta), builder);
}

/**
 * The change from `before` to `after` as a percentage of `before`.
 * @returns e.g. `−99.8%`, or an empty string when `before` is 0
 */
export function percentChange(before: number, after: number): string {
  if (before === 0) return '';
  const pct = ((after - before) / before) * 100;
  // Truncated, not rounded: 99.96% smaller must not read as "−100.0%" while something is still sent.
  const text = (Math.trunc(Math.abs(pct) * 10) / 10).toFixed(1);
  if (text === '0.0') return '±0%';
  return (pct < 0 ? MINUS : '+') + text + '%';
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

// Small presentation helpers: signed sizes, percentages and fixed-width cells.
import type { Builder } from '@ctxlens/core';
import { fitPieces } from '../../output/terminal-text.js';
import { formatSent } from '../state/figures.js';

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
 * Pads or cuts text to an exact width (one column per code point; names are cut in the middle),
 * control characters shown as escapes so the cell stays one row (paintShown and Shown also dim them).
 * @returns the text, `width` columns long
 */
export function cell(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  return fitPieces(text, width, align)
    .map((p) => p.text)
    .join('');
}

/**
 * A proportion bar: the sent part, the left-out part, then blanks.
 * @returns the bar's three parts, `width` cells together
 */
export function bar(total: number, included: number, max: number, width: number): { sent: string; dropped: string; rest: string } {
  if (max <= 0 || width <= 0) return { sent: '', dropped: '', rest: ' '.repeat(Math.max(0, width)) };
  const filled = Math.min(width, Math.round((total / max) * width));
  const sent = Math.min(filled, Math.round((included / max) * width));
  return { sent: '█'.repeat(sent), dropped: '░'.repeat(filled - sent), rest: ' '.repeat(width - filled) };
}

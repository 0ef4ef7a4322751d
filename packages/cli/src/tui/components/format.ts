// Small presentation helpers: fixed-width cells and proportion bars (signed sizes and percentages
// are figures: state/figures.ts).
import { fitPieces } from '../../output/terminal-text.js';

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

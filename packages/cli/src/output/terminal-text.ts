// Text from the user's files (rules, names, messages holding them) shown in a terminal row. A
// control character there would act instead of show: a tab jumps to the next tab stop, a carriage
// return goes back to the row's start, an escape starts a command, so a row takes more or fewer
// columns than counted, wraps, and pushes the screen's top off. Each one is shown as its C escape
// instead (`\t`, `\r`, `\x1b`), one column per other character, so every row is one row.

/** A run of text: shown as it is, or the visible stand-in for one control character. */
export interface TextPiece {
  readonly text: string;
  readonly control: boolean;
}

const NAMED: Readonly<Record<number, string>> = { 0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r' };

// C0 and DEL, C1 (an 8-bit CSI is a terminal command too), the line and paragraph separators, and
// the bidirectional overrides and isolates, which reorder what follows them on screen.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

function standIn(code: number): string {
  if (NAMED[code] !== undefined) return NAMED[code];
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Splits text into what prints as it is and the stand-ins of its control characters.
 * @returns the pieces, in order (none for empty text)
 */
export function textPieces(text: string): TextPiece[] {
  // Most text holds none: one test, no walk over its characters (rows are drawn on every key).
  if (!CONTROL.test(text)) return text === '' ? [] : [{ text, control: false }];
  const pieces: TextPiece[] = [];
  let plain = '';
  for (const ch of text) {
    if (!CONTROL.test(ch)) {
      plain += ch;
      continue;
    }
    if (plain !== '') pieces.push({ text: plain, control: false });
    plain = '';
    pieces.push({ text: standIn(ch.codePointAt(0)!), control: true });
  }
  if (plain !== '') pieces.push({ text: plain, control: false });
  return pieces;
}

/**
 * Text made safe for one terminal row: every control character replaced by its visible escape.
 * @returns the text (unchanged when it holds none)
 */
export function oneLine(text: string): string {
  return CONTROL.test(text) ? textPieces(text).map((p) => p.text).join('') : text;
}

function take(pieces: readonly TextPiece[], columns: number, fromEnd: boolean): { pieces: TextPiece[]; used: number } {
  const out: TextPiece[] = [];
  let used = 0;
  const order = fromEnd ? [...pieces].reverse() : pieces;
  for (const piece of order) {
    const chars = Array.from(piece.text);
    const room = columns - used;
    if (room <= 0) break;
    // A stand-in is kept whole or left out: half of `\x1b` would read as other text.
    if (piece.control && chars.length > room) break;
    const kept = chars.length <= room ? piece.text : (fromEnd ? chars.slice(chars.length - room) : chars.slice(0, room)).join('');
    out.push({ text: kept, control: piece.control });
    used += Math.min(chars.length, room);
  }
  return { pieces: fromEnd ? out.reverse() : out, used };
}

/**
 * Text fitted to exactly `width` columns (one per code point), its control characters shown as
 * escapes: padded, or cut in the middle with `…` (names differ at both ends).
 * @returns the pieces, `width` columns together
 */
export function fitPieces(text: string, width: number, align: 'left' | 'right' = 'left'): TextPiece[] {
  if (width <= 0) return [];
  const pieces = textPieces(text);
  const columns = pieces.reduce((n, p) => n + Array.from(p.text).length, 0);
  let fitted: TextPiece[] = pieces;
  let used = columns;
  if (columns > width) {
    if (width <= 1) return [{ text: '…', control: false }];
    const head = take(pieces, Math.ceil((width - 1) / 2), false);
    const tail = take(pieces, width - 1 - Math.ceil((width - 1) / 2), true);
    fitted = [...head.pieces, { text: '…', control: false }, ...tail.pieces];
    used = head.used + 1 + tail.used;
  }
  if (used === width) return fitted;
  const pad = { text: ' '.repeat(width - used), control: false };
  return align === 'left' ? [...fitted, pad] : [pad, ...fitted];
}

/**
 * Text cut into rows of at most `width` columns, its control characters shown as escapes (a
 * message that must be read whole, such as why a save failed).
 * @returns the rows (at least one)
 */
export function wrapRows(text: string, width: number): string[] {
  const chars = Array.from(oneLine(text));
  const rows: string[] = [];
  const step = Math.max(1, width);
  for (let i = 0; i < chars.length; i += step) rows.push(chars.slice(i, i + step).join(''));
  return rows.length === 0 ? [''] : rows;
}

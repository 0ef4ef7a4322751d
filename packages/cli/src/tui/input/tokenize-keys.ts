// Splits what one read of the terminal delivered into single key presses. A terminal sends a key
// as one byte (`j`, Tab = \t), a code point (`é`) or an escape sequence (↑ = ESC [ A); when keys
// come faster than the program reads (tmux send-keys, a paste, a fast typist, ssh), one read holds
// several of them, and Ink hands us such a run as one string. Pure: no terminal, no state.

const ESC = '\u001b';
const PASTE_START = `${ESC}[200~`;
const PASTE_END = `${ESC}[201~`;

/** CSI parameter (0x30–0x3f) and intermediate (0x20–0x2f) bytes, then one final byte (0x40–0x7e): ECMA-48 §5.4. */
function csiEnd(chunk: string, from: number): number | undefined {
  let at = from;
  // Linux console and Cygwin function keys: ESC [ [ A.
  if (chunk[at] === '[') at++;
  for (; at < chunk.length; at++) {
    const code = chunk.charCodeAt(at);
    if (code >= 0x20 && code <= 0x3f) continue;
    return code >= 0x40 && code <= 0x7e ? at + 1 : undefined;
  }
  return undefined;
}

/** The end of the escape sequence that starts at `start` (an ESC), or undefined when it is not one. */
function sequenceEnd(chunk: string, start: number): number | undefined {
  const kind = chunk[start + 1];
  if (kind === '[') return csiEnd(chunk, start + 2);
  // SS3: ESC O and one final byte (keypad and application-mode arrows: ESC O A).
  if (kind === 'O') {
    const code = chunk.charCodeAt(start + 2);
    return code >= 0x40 && code <= 0x7e ? start + 3 : undefined;
  }
  return undefined;
}

/** The end of one code point, so a character outside the BMP (two UTF-16 units) stays whole. */
function codePointEnd(chunk: string, at: number): number {
  const code = chunk.codePointAt(at);
  return code !== undefined && code > 0xffff ? at + 2 : at + 1;
}

/** The end of the key press that starts at `at`. */
function keyEnd(chunk: string, at: number): number {
  if (chunk[at] !== ESC) return codePointEnd(chunk, at);
  // A bracketed paste (only if the terminal was asked for it: ESC [ ? 2004 h) is one piece of text.
  if (chunk.startsWith(PASTE_START, at)) {
    const end = chunk.indexOf(PASTE_END, at + PASTE_START.length);
    return end === -1 ? chunk.length : end + PASTE_END.length;
  }
  const sequence = sequenceEnd(chunk, at);
  if (sequence !== undefined) return sequence;
  if (at + 1 >= chunk.length) return at + 1;
  // ESC ESC [ A: Alt (meta) with an arrow, as xterm and Ink's parser read it.
  if (chunk[at + 1] === ESC) return sequenceEnd(chunk, at + 1) ?? at + 2;
  // ESC and a character: Alt with that character (`\x1bb` is Alt+b, not Escape then b).
  return codePointEnd(chunk, at + 1);
}

/**
 * Splits a chunk of terminal input into key presses, in order: escape sequences (CSI, SS3, and
 * ESC-prefixed Alt keys) stay whole, a bracketed paste stays whole, every other code point is a
 * key of its own (control characters such as Tab, Enter and Ctrl+C included).
 * @example tokenizeKeys('j\t\u001b[A ') // ['j', '\t', '\u001b[A', ' ']
 * @returns the presses' raw text; joined, they give the chunk back
 */
export function tokenizeKeys(chunk: string): string[] {
  const keys: string[] = [];
  for (let at = 0; at < chunk.length; ) {
    const end = keyEnd(chunk, at);
    keys.push(chunk.slice(at, end));
    at = end;
  }
  return keys;
}

/**
 * Whether a token is a bracketed paste.
 * @returns true for `ESC [200~ … ESC [201~`
 */
export function isPaste(token: string): boolean {
  return token.startsWith(PASTE_START);
}

/**
 * The text inside a bracketed paste.
 * @returns the pasted text, without the markers
 */
export function pastedText(token: string): string {
  const body = token.slice(PASTE_START.length);
  return body.endsWith(PASTE_END) ? body.slice(0, -PASTE_END.length) : body;
}

// Single key presses and what Ink's useInput gives for each when it arrives alone (`input` and
// the key flags that are set). `from` names the source: Ink 6.8's parse-keypress/use-input (these
// rows are also checked against Ink itself in decode-key.test.tsx), or xterm's ctlseqs.
import type { Key } from 'ink';

/** One key press and its decoding. */
export interface DecodeVector {
  readonly token: string;
  readonly input: string;
  /** The flags that are true; every other flag is false. */
  readonly flags: readonly (keyof Key)[];
  readonly from: string;
  /** Whether Ink reads this key the same way (checked against Ink in the test); false where we read it better. */
  readonly inkAgrees: boolean;
}

const ESC = '\u001b';
const row = (token: string, input: string, flags: readonly (keyof Key)[], from: string, inkAgrees = true): DecodeVector => ({ token, input, flags, from, inkAgrees });

/** The table. */
export const DECODE_VECTORS: readonly DecodeVector[] = [
  row('j', 'j', [], 'a letter'),
  row('J', 'J', ['shift'], 'an upper-case letter carries Shift (Ink)'),
  row(' ', ' ', [], 'Space'),
  row('!', '!', [], 'punctuation'),
  row('7', '7', [], 'a digit'),
  row('é', 'é', [], 'a UTF-8 character'),
  row('😀', '😀', [], 'a character outside the BMP'),
  row('\t', '', ['tab'], 'Tab'),
  row('\r', '\r', ['return'], 'Enter (a terminal sends CR; Ink passes it as the input)'),
  row('\n', '\n', [], 'Ctrl+J (LF): Ink passes it through as text'),
  row('\u007f', '', ['delete'], 'Backspace on most terminals (DEL); Ink calls it delete'),
  row('\b', '', ['backspace'], 'Ctrl+H'),
  row('\u0003', 'c', ['ctrl'], 'Ctrl+C'),
  row('\u0015', 'u', ['ctrl'], 'Ctrl+U'),
  row(ESC, '', ['escape', 'meta'], 'Escape (Ink sets meta on it)'),
  row(`${ESC}${ESC}`, '', ['escape', 'meta'], 'Alt+Escape (Ink gives an ESC as its input)', false),
  row(`${ESC}b`, 'b', ['meta'], 'Alt+b'),
  row(`${ESC}B`, 'B', ['meta', 'shift'], 'Alt+Shift+b'),
  row(`${ESC}\r`, '\r', ['return', 'meta'], 'Alt+Enter'),
  row(`${ESC}.`, '.', ['meta'], 'Alt+. (Ink drops the meta flag; an Alt key must not act as the bare key)', false),
  row(`${ESC}[A`, '', ['upArrow'], 'ctlseqs: CSI A'),
  row(`${ESC}[B`, '', ['downArrow'], 'ctlseqs: CSI B'),
  row(`${ESC}[C`, '', ['rightArrow'], 'ctlseqs: CSI C'),
  row(`${ESC}[D`, '', ['leftArrow'], 'ctlseqs: CSI D'),
  row(`${ESC}OA`, '', ['upArrow'], 'ctlseqs: SS3 A (application cursor mode)'),
  row(`${ESC}OD`, '', ['leftArrow'], 'ctlseqs: SS3 D'),
  row(`${ESC}[1;2A`, '', ['upArrow', 'shift'], 'ctlseqs: Shift+↑'),
  row(`${ESC}[1;2B`, '', ['downArrow', 'shift'], 'ctlseqs: Shift+↓'),
  row(`${ESC}[1;5C`, '', ['rightArrow', 'ctrl'], 'ctlseqs: Ctrl+→'),
  row(`${ESC}[1;3D`, '', ['leftArrow', 'meta'], 'ctlseqs: Alt+←'),
  row(`${ESC}[a`, '', ['upArrow', 'shift'], 'rxvt: Shift+↑'),
  row(`${ESC}Oa`, '', ['upArrow', 'ctrl'], 'rxvt: Ctrl+↑'),
  row(`${ESC}${ESC}[A`, '', ['upArrow', 'meta'], 'Alt+↑ with metaSendsEscape'),
  row(`${ESC}[H`, '', ['home'], 'ctlseqs: Home'),
  row(`${ESC}[F`, '', ['end'], 'ctlseqs: End'),
  row(`${ESC}[1~`, '', ['home'], 'vt220: Home'),
  row(`${ESC}[4~`, '', ['end'], 'vt220: End'),
  row(`${ESC}[5~`, '', ['pageUp'], 'vt220: PgUp'),
  row(`${ESC}[6~`, '', ['pageDown'], 'vt220: PgDn'),
  row(`${ESC}[[5~`, '', ['pageUp'], 'PuTTY: PgUp'),
  row(`${ESC}[3~`, '', ['delete'], 'vt220: Delete'),
  row(`${ESC}[5^`, '', ['pageUp', 'ctrl'], 'rxvt: Ctrl+PgUp'),
  row(`${ESC}[Z`, '', ['tab', 'shift'], 'ctlseqs: Shift+Tab'),
  row(`${ESC}[15~`, '', [], 'ctlseqs: F5 types nothing'),
  row(`${ESC}[I`, '', [], 'ctlseqs: a focus report types nothing (Ink types "[I")', false),
  row(`${ESC}[200~a\tb${ESC}[201~`, 'a\tb', [], 'bracketed paste: the text, no key', false),
];

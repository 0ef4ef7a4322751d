// Turns one key press's raw text (a token from tokenize-keys) into the `input` and `Key` Ink's
// useInput would give for it alone, so the keymap reads a key the same whether it arrived alone
// or with others in one read. Escape sequences follow xterm's encoding (modifier = 1 + shift(1) +
// alt(2) + ctrl(4) + meta(8)); single bytes follow Ink's parse-keypress (v6.8).
import type { Key } from 'ink';
import { isPaste, pastedText, tokenizeKeys } from './tokenize-keys.js';

/** One key press: the text it types and the named key with modifiers, as Ink's useInput gives them. */
export interface KeyPress {
  readonly input: string;
  readonly key: Key;
}

type Named = 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'delete' | 'tab';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

const press = (input: string, flags: Partial<Key> = {}): KeyPress => ({ input, key: { ...NO_KEY, ...flags } });

/** Final letters of CSI (ESC [) and SS3 (ESC O) sequences; rxvt's lower-case arrows carry Shift (CSI) or Ctrl (SS3). */
const LETTERS: Readonly<Record<string, { readonly name: Named; readonly shift?: boolean }>> = {
  A: { name: 'upArrow' }, B: { name: 'downArrow' }, C: { name: 'rightArrow' }, D: { name: 'leftArrow' },
  H: { name: 'home' }, F: { name: 'end' }, Z: { name: 'tab', shift: true },
  a: { name: 'upArrow', shift: true }, b: { name: 'downArrow', shift: true }, c: { name: 'rightArrow', shift: true }, d: { name: 'leftArrow', shift: true },
};

/** `ESC [ n ~` keys (vt220, xterm, rxvt); 2 is Insert, which nothing is bound to. */
const TILDE: Readonly<Record<string, Named>> = { 1: 'home', 3: 'delete', 4: 'end', 5: 'pageUp', 6: 'pageDown', 7: 'home', 8: 'end' };

/** The modifier flags of an xterm modifier parameter (2 = Shift, 3 = Alt, 5 = Ctrl, …). */
function modifiers(parameter: string | undefined): Partial<Key> {
  const bits = Math.max(0, Number(parameter ?? '1') - 1);
  return { shift: (bits & 1) !== 0, meta: (bits & 10) !== 0, ctrl: (bits & 4) !== 0 };
}

/** A CSI or SS3 sequence (without its ESC or ESC ESC prefix), or undefined when it is not one we read. */
function decodeSequence(body: string): Partial<Key> | undefined {
  const ss3 = body.startsWith('O');
  const match = /^(?:O|\[\[?)(?:(\d+)(?:;(\d+))?([~^$])|(?:1;)?(\d+)?([A-Za-z]))$/.exec(body);
  if (match === null) return undefined;
  const [, number, numberModifier, suffix, letterModifier, letter] = match;
  if (letter !== undefined) {
    const known = LETTERS[letter];
    if (known === undefined) return {};
    // SS3 lower-case arrows are rxvt's Ctrl+arrow; CSI lower-case ones its Shift+arrow.
    const rxvt = letter >= 'a' && letter <= 'z';
    return { [known.name]: true, ...modifiers(letterModifier), ...(rxvt && ss3 ? { ctrl: true, shift: false } : known.shift ? { shift: true } : {}) };
  }
  const name = TILDE[number!];
  if (name === undefined) return {};
  // rxvt marks Shift with `$` and Ctrl with `^` instead of a parameter.
  return { [name]: true, ...modifiers(numberModifier), ...(suffix === '$' ? { shift: true } : suffix === '^' ? { ctrl: true } : {}) };
}

/** A key without an ESC prefix: one code point. */
function decodePlain(token: string, meta: boolean): KeyPress {
  switch (token) {
    case '\r':
      // Ink passes Enter's CR through as its input (typedText drops it).
      return press('\r', { return: true, meta });
    case '\t':
      return press('', { tab: true, meta });
    case '\b':
      return press('', { backspace: true, meta });
    case '\u007f':
      return press('', { delete: true, meta });
    default:
      break;
  }
  const code = token.codePointAt(0) ?? 0;
  // Ctrl+letter: 0x01–0x1a (and Ctrl+Space, 0x00). Line feed is Ctrl+J, but Ink passes it through as text.
  if (code <= 0x1a && token !== '\n') return press(String.fromCharCode(code + 96), { ctrl: true, meta });
  return press(token, { meta, shift: /^[A-Z]$/.test(token) });
}

/**
 * Decodes one key press.
 * @returns its input text and key flags; an escape sequence this TUI does not know types nothing
 */
export function decodeKey(token: string): KeyPress {
  if (isPaste(token)) return press(pastedText(token));
  if (!token.startsWith('\u001b')) return decodePlain(token, false);
  if (token === '\u001b' || token === '\u001b\u001b') return press('', { escape: true, meta: true });
  // ESC ESC [ A (Alt+↑) and ESC [ A (↑).
  const body = token.startsWith('\u001b\u001b') ? token.slice(2) : token.slice(1);
  const sequence = decodeSequence(body);
  if (sequence !== undefined) return press('', token.startsWith('\u001b\u001b') ? { ...sequence, meta: true } : sequence);
  // A CSI or SS3 sequence we do not read (F-keys, focus or mouse reports) must not type its letters.
  if (body.startsWith('[') || (body.startsWith('O') && body.length === 2)) return press('');
  return decodePlain(body, true);
}

/**
 * Every key press in a chunk of terminal input, in order.
 * @returns one press per key
 */
export function keyPresses(chunk: string): KeyPress[] {
  return tokenizeKeys(chunk).map(decodeKey);
}

// Chunks of terminal input as one read delivers them, and the key presses they hold. `from` names
// where the chunk was seen: issue 13 point 8 (tmux send-keys with several keys), xterm's control
// sequences (ctlseqs: "PC-Style Function Keys"), or a terminal we observed.

/** One chunk and its presses. */
export interface TokenizeVector {
  readonly chunk: string;
  readonly keys: readonly string[];
  readonly from: string;
}

const ESC = '\u001b';

/** The table. */
export const TOKENIZE_VECTORS: readonly TokenizeVector[] = [
  { chunk: '\t ', keys: ['\t', ' '], from: 'issue 13 #8: tmux send-keys Tab Space' },
  { chunk: '\t\t\t', keys: ['\t', '\t', '\t'], from: 'issue 13 #8: tmux send-keys Tab Tab Tab' },
  { chunk: 'j\t', keys: ['j', '\t'], from: 'issue 13 #8: tmux send-keys j Tab' },
  { chunk: 'jjj', keys: ['j', 'j', 'j'], from: 'issue 13 #8: tmux send-keys j j j' },
  { chunk: 'j', keys: ['j'], from: 'one key' },
  { chunk: '', keys: [], from: 'an empty read' },
  { chunk: `${ESC}[A${ESC}[B`, keys: [`${ESC}[A`, `${ESC}[B`], from: 'ctlseqs: CSI A, CSI B (↑ ↓)' },
  { chunk: `j${ESC}[Ak`, keys: ['j', `${ESC}[A`, 'k'], from: 'ctlseqs: an arrow between letters' },
  { chunk: `${ESC}OA${ESC}OB`, keys: [`${ESC}OA`, `${ESC}OB`], from: 'ctlseqs: SS3 A, SS3 B (application cursor keys)' },
  { chunk: `${ESC}[1;2A\t`, keys: [`${ESC}[1;2A`, '\t'], from: 'ctlseqs: CSI 1;2 A (Shift+↑) then Tab' },
  { chunk: `${ESC}[5~${ESC}[6~${ESC}[3~`, keys: [`${ESC}[5~`, `${ESC}[6~`, `${ESC}[3~`], from: 'ctlseqs: PgUp PgDn Delete (CSI n ~)' },
  { chunk: `${ESC}[[A${ESC}[[5~`, keys: [`${ESC}[[A`, `${ESC}[[5~`], from: 'Linux console F1, PuTTY PgUp (CSI [ …)' },
  { chunk: `${ESC}[Z `, keys: [`${ESC}[Z`, ' '], from: 'ctlseqs: CSI Z (Shift+Tab) then Space' },
  { chunk: `${ESC}${ESC}[A`, keys: [`${ESC}${ESC}[A`], from: 'xterm with metaSendsEscape: Alt+↑' },
  { chunk: `${ESC}bj`, keys: [`${ESC}b`, 'j'], from: 'xterm with metaSendsEscape: Alt+b then j' },
  { chunk: `${ESC}${ESC}`, keys: [`${ESC}${ESC}`], from: 'Escape pressed with Alt' },
  { chunk: ESC, keys: [ESC], from: 'a lone Escape' },
  { chunk: `j${ESC}`, keys: ['j', ESC], from: 'a letter then Escape in one read' },
  { chunk: '\r\u007f\b\u0003', keys: ['\r', '\u007f', '\b', '\u0003'], from: 'control characters: Enter, Backspace (DEL), Ctrl+H, Ctrl+C' },
  { chunk: 'é✓', keys: ['é', '✓'], from: 'UTF-8 two- and three-byte characters' },
  { chunk: 'a😀b', keys: ['a', '😀', 'b'], from: 'a four-byte character (two UTF-16 units) stays one key' },
  { chunk: `${ESC}[200~a\tb${ESC}[201~j`, keys: [`${ESC}[200~a\tb${ESC}[201~`, 'j'], from: 'xterm bracketed paste (mode 2004): the paste is one piece of text' },
  { chunk: `${ESC}[200~abc`, keys: [`${ESC}[200~abc`], from: 'a bracketed paste cut at the end of the read' },
  { chunk: `${ESC}[I${ESC}[O`, keys: [`${ESC}[I`, `${ESC}[O`], from: 'ctlseqs: focus in, focus out reports' },
  { chunk: `${ESC}[15~`, keys: [`${ESC}[15~`], from: 'ctlseqs: F5' },
];

// Colour is a hint, never the only signal: every state also has a glyph, so NO_COLOR output reads
// the same. Components ask for a tone; the theme decides whether it becomes a colour.
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { Text } from 'ink';
import { Children, createContext, type ReactNode, useContext } from 'react';
import { fitPieces, type TextPiece, textPieces } from '../../output/terminal-text.js';

/** Semantic tones. */
export type Tone = 'included' | 'excluded' | 'partial' | 'unrequested' | 'accent' | 'muted' | 'warn' | 'error' | 'success' | 'plain' | 'control';

const COLORS: Record<Tone, string | undefined> = {
  included: 'green',
  excluded: 'red',
  partial: 'yellow',
  unrequested: 'blue',
  accent: 'cyan',
  muted: 'gray',
  warn: 'yellow',
  error: 'red',
  success: 'green',
  plain: undefined,
  control: undefined,
};

/** Start and end codes of each tone's colour (SGR). */
const SGR: Record<Tone, readonly [string, string] | undefined> = {
  included: ['\u001b[32m', '\u001b[39m'],
  excluded: ['\u001b[31m', '\u001b[39m'],
  partial: ['\u001b[33m', '\u001b[39m'],
  unrequested: ['\u001b[34m', '\u001b[39m'],
  accent: ['\u001b[36m', '\u001b[39m'],
  muted: ['\u001b[90m', '\u001b[39m'],
  warn: ['\u001b[33m', '\u001b[39m'],
  error: ['\u001b[31m', '\u001b[39m'],
  success: ['\u001b[32m', '\u001b[39m'],
  plain: undefined,
  // The escape standing in for a control character: dim, so it reads apart from the same letters typed.
  control: ['\u001b[2m', '\u001b[22m'],
};
const DIM = ['\u001b[2m', '\u001b[22m'] as const;
const BOLD = ['\u001b[1m', '\u001b[22m'] as const;

/** Styles a string in a tone; what Tinted does, for rows drawn as one Text node. */
export type Paint = (tone: Tone, text: string, bold?: boolean) => string;

/**
 * Paints strings with ANSI codes, so a list row is one Text node instead of one per part: lists
 * redraw on every key press, and Ink's cost grows with the number of nodes.
 * @returns the painter for the current theme
 */
export function usePaint(): Paint {
  const { color } = useContext(ThemeContext);
  return (tone, text, bold) => {
    if (text === '') return text;
    const sgr = color || tone === 'control' ? SGR[tone] : tone === 'muted' ? DIM : undefined;
    const coloured = sgr === undefined ? text : sgr[0] + text + sgr[1];
    return bold ? BOLD[0] + coloured + BOLD[1] : coloured;
  };
}

/**
 * Paints text from the user's files (a rule, a name) in a tone, fitted to `width` columns when
 * given, each control character shown as a dim escape (output/terminal-text.ts), so the row stays one row.
 * @returns the painted string
 */
export function paintShown(paint: Paint, tone: Tone, text: string, width?: number, align?: 'left' | 'right', bold?: boolean): string {
  const pieces = width === undefined ? textPieces(text) : fitPieces(text, width, align);
  return pieces.map((p) => paint(p.control ? 'control' : tone, p.text, bold)).join('');
}

function pieceNodes(pieces: readonly TextPiece[]): ReactNode {
  if (pieces.length === 1 && !pieces[0]!.control) return pieces[0]!.text;
  return pieces.map((p, k) => (p.control ? <Text key={k} dimColor>{p.text}</Text> : p.text));
}

/** Props of Shown. */
export interface ShownProps {
  readonly text: string;
  /** Fit to exactly this many columns (cut in the middle, or padded). */
  readonly width?: number;
  readonly align?: 'left' | 'right';
}

/** Text from the user's files inside a Text: control characters shown as dim escapes, one row. */
export function Shown({ text, width, align }: ShownProps): ReactNode {
  return pieceNodes(width === undefined ? textPieces(text) : fitPieces(text, width, align));
}

/** Whether colours are on (off for NO_COLOR). */
export const ThemeContext = createContext<{ readonly color: boolean }>({ color: true });

/** Props of Tinted. */
export interface TintedProps {
  readonly tone: Tone;
  readonly bold?: boolean;
  readonly inverse?: boolean;
  readonly children?: ReactNode;
}

/** Text in a tone: coloured when colours are on; muted text is dimmed either way. Its strings are shown safely (Shown). */
export function Tinted({ tone, bold, inverse, children }: TintedProps): ReactNode {
  const { color } = useContext(ThemeContext);
  return (
    <Text color={color ? COLORS[tone] : undefined} dimColor={tone === 'muted'} bold={bold} inverse={inverse} wrap="truncate-end">
      {Children.map(children, (child) => (typeof child === 'string' ? pieceNodes(textPieces(child)) : child))}
    </Text>
  );
}

/** Glyphs of the entry states: sent, excluded by the ignore file, partly sent, not requested by the Dockerfile (BuildKit). */
export const MARKS = { included: '✓', excluded: '✗', partial: '◐', unrequested: '○' } as const;

/** Glyphs of what the Dockerfile does with what is sent (BuildKit): used, sent but never used, both. */
export const USE_MARKS = { used: '●', 'sent-unused': '◌', mixed: '◍' } as const;

// Colour is a hint, never the only signal: every state also has a glyph, so NO_COLOR output reads
// the same. Components ask for a tone; the theme decides whether it becomes a colour.
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { Text } from 'ink';
import { createContext, type ReactNode, useContext } from 'react';

/** Semantic tones. */
export type Tone = 'included' | 'excluded' | 'partial' | 'accent' | 'muted' | 'warn' | 'error' | 'success' | 'plain';

const COLORS: Record<Tone, string | undefined> = {
  included: 'green',
  excluded: 'red',
  partial: 'yellow',
  accent: 'cyan',
  muted: 'gray',
  warn: 'yellow',
  error: 'red',
  success: 'green',
  plain: undefined,
};

/** Start and end codes of each tone's colour (SGR). */
const SGR: Record<Tone, readonly [string, string] | undefined> = {
  included: ['\u001b[32m', '\u001b[39m'],
  excluded: ['\u001b[31m', '\u001b[39m'],
  partial: ['\u001b[33m', '\u001b[39m'],
  accent: ['\u001b[36m', '\u001b[39m'],
  muted: ['\u001b[90m', '\u001b[39m'],
  warn: ['\u001b[33m', '\u001b[39m'],
  error: ['\u001b[31m', '\u001b[39m'],
  success: ['\u001b[32m', '\u001b[39m'],
  plain: undefined,
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
    const sgr = color ? SGR[tone] : tone === 'muted' ? DIM : undefined;
    const coloured = sgr === undefined ? text : sgr[0] + text + sgr[1];
    return bold ? BOLD[0] + coloured + BOLD[1] : coloured;
  };
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

/** Text in a tone: coloured when colours are on; muted text is dimmed either way. */
export function Tinted({ tone, bold, inverse, children }: TintedProps): ReactNode {
  const { color } = useContext(ThemeContext);
  return (
    <Text color={color ? COLORS[tone] : undefined} dimColor={tone === 'muted'} bold={bold} inverse={inverse} wrap="truncate-end">
      {children}
    </Text>
  );
}

/** Glyphs of the three entry states. */
export const MARKS = { included: '✓', excluded: '✗', partial: '◐' } as const;

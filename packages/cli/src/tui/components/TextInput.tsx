// A one-line text input drawn by hand (the keymap hook feeds it characters): the prompt, the
// text, and a block cursor, since Ink hides the terminal's own cursor.
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { Text } from 'ink';
import type { ReactNode } from 'react';
import { Shown, Tinted } from './theme.js';

/** Props of TextInput. */
export interface TextInputProps {
  readonly prompt: string;
  readonly value: string;
  readonly width: number;
}

/** Shows the end of the value when it is longer than the line. */
export function TextInput({ prompt, value, width }: TextInputProps): ReactNode {
  const room = Math.max(4, width - prompt.length - 2);
  const chars = Array.from(value);
  const shown = chars.length > room ? '…' + chars.slice(chars.length - room + 1).join('') : value;
  return (
    <Text wrap="truncate-end">
      <Tinted tone="accent" bold>{prompt}</Tinted>
      <Shown text={shown} />
      <Text inverse> </Text>
    </Text>
  );
}

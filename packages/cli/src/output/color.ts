// Colour only for people: on when stdout is a terminal, off in pipes and files; NO_COLOR turns it
// off, FORCE_COLOR forces it either way (FORCE_COLOR=0 forces it off), as https://no-color.org and
// Node's own tty.hasColors() read them.
import type { Io } from '../io.js';

/** Styling functions; each returns its input unchanged when colour is off. */
export interface Colors {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

/**
 * Decides whether output to stdout may carry ANSI colours.
 * @returns true when colours are wanted
 */
export function colorEnabled(io: Pick<Io, 'env' | 'isTTY'>): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.isTTY.stdout && io.env.TERM !== 'dumb';
}

const wrap = (on: boolean, open: number, close: number) => (text: string): string => (on ? `\u001b[${open}m${text}\u001b[${close}m` : text);

/**
 * Builds the styling functions for an Io.
 * @returns colour functions, all identity when colour is off
 */
export function createColors(io: Pick<Io, 'env' | 'isTTY'>): Colors {
  const on = colorEnabled(io);
  return {
    enabled: on,
    bold: wrap(on, 1, 22),
    dim: wrap(on, 2, 22),
    red: wrap(on, 31, 39),
    green: wrap(on, 32, 39),
    yellow: wrap(on, 33, 39),
    cyan: wrap(on, 36, 39),
  };
}

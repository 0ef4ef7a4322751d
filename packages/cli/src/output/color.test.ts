import { describe, expect, it } from 'vitest';
import { colorEnabled, createColors } from './color.js';

const ROWS: { env: Record<string, string>; tty: boolean; expected: boolean }[] = [
  { env: {}, tty: true, expected: true },
  { env: {}, tty: false, expected: false },
  { env: { NO_COLOR: '1' }, tty: true, expected: false },
  { env: { NO_COLOR: '' }, tty: true, expected: true },
  { env: { FORCE_COLOR: '1' }, tty: false, expected: true },
  { env: { FORCE_COLOR: '' }, tty: false, expected: true },
  { env: { FORCE_COLOR: '0' }, tty: true, expected: false },
  { env: { FORCE_COLOR: 'false' }, tty: true, expected: false },
  { env: { FORCE_COLOR: '1', NO_COLOR: '1' }, tty: false, expected: true },
  { env: { TERM: 'dumb' }, tty: true, expected: false },
];

describe('colorEnabled', () => {
  it.each(ROWS)('$env on a tty: $tty -> $expected', ({ env, tty, expected }) => {
    expect(colorEnabled({ env, isTTY: { stdin: tty, stdout: tty, stderr: tty } })).toBe(expected);
  });

  it('styles only when enabled', () => {
    const on = createColors({ env: { FORCE_COLOR: '1' }, isTTY: { stdin: false, stdout: false, stderr: false } });
    const off = createColors({ env: {}, isTTY: { stdin: false, stdout: false, stderr: false } });
    expect(on.red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(off.red('x')).toBe('x');
  });
});

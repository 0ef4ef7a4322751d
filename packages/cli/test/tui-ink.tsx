/** @jsxRuntime automatic */
// Renders the real TUI with ink-testing-library on a directory and types real key sequences.
import { render } from 'ink-testing-library';
import { vi } from 'vitest';
import { Root } from '../src/tui/components/Root.js';
import type { TuiOptions } from '../src/tui/options.js';

/** Key sequences as a terminal sends them. */
export const KEYS = {
  enter: '\r',
  tab: '\t',
  escape: '\u001b',
  backspace: '\u007f',
  ctrlH: '\b',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  shiftUp: '\u001b[1;2A',
  shiftDown: '\u001b[1;2B',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  home: '\u001b[H',
  end: '\u001b[F',
  space: ' ',
} as const;

/** A running TUI. */
export interface Tui {
  /** The last frame, as text (style codes removed). */
  frame(): string;
  /** The last frame with its colour and style codes. */
  raw(): string;
  /** Types keys one press at a time, then waits until `until` holds for the frame (or the frames settle). */
  press(keys: string | readonly string[], until?: string | RegExp | ((frame: string) => boolean)): Promise<string>;
  /** Types keys as separate presses with no pause between them (none is rendered before the next arrives), then waits like `press`. */
  burst(keys: readonly string[], until: string | RegExp | ((frame: string) => boolean)): Promise<string>;
  waitFor(until: string | RegExp | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
  readonly onExit: ReturnType<typeof vi.fn>;
  unmount(): void;
}

const test = (until: string | RegExp | ((frame: string) => boolean), frame: string): boolean =>
  typeof until === 'string' ? frame.includes(until) : until instanceof RegExp ? until.test(frame) : until(frame);

const tick = (ms = 5): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the TUI on a directory and waits for the first full screen.
 * @returns the handle
 */
export async function openTui(
  dir: string,
  options: { builder?: 'buildkit' | 'legacy'; color?: boolean; rows?: number; columns?: number; ready?: string; inputs?: Omit<TuiOptions, 'dir' | 'builder'> } = {},
): Promise<Tui> {
  const onExit = vi.fn();
  const size = { columns: options.columns ?? 100, rows: options.rows ?? 40 };
  const instance = render(<Root options={{ ...options.inputs, dir, builder: options.builder ?? 'buildkit' }} cwd={dir} color={options.color ?? false} size={size} fixedSize onExit={onExit} />);
  const raw = (): string => instance.lastFrame() ?? '';
  // eslint-disable-next-line no-control-regex
  const frame = (): string => raw().replace(/\u001b\[[0-9;]*m/g, '');
  const waitFor = async (until: string | RegExp | ((f: string) => boolean), timeoutMs = 5000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    while (!test(until, frame())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(until)}; last frame:\n${frame()}`);
      await tick();
    }
    return frame();
  };
  const press = async (keys: string | readonly string[], until?: string | RegExp | ((f: string) => boolean)): Promise<string> => {
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      instance.stdin.write(key);
      // setImmediate-scheduled work (escape flush, evaluation, previews) gets its turn.
      await tick(key === KEYS.escape ? 20 : 10);
    }
    if (until !== undefined) return waitFor(until);
    await tick(30);
    return frame();
  };
  const burst = async (keys: readonly string[], until: string | RegExp | ((f: string) => boolean)): Promise<string> => {
    for (const key of keys) instance.stdin.write(key);
    return waitFor(until);
  };
  await waitFor(options.ready ?? 'with no ignore file');
  // Rule impacts settle after a short delay; wait so frames do not change under the test.
  await waitFor((f) => !/\s…\s*$/m.test(f.split('\n').slice(0, -3).join('\n')), 3000).catch(() => undefined);
  return { frame, raw, press, burst, waitFor, onExit, unmount: () => instance.unmount() };
}

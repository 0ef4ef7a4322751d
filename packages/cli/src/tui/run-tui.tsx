// The only call to Ink's render(). The first screen is written before Ink is even loaded (loading
// it takes about 300 ms) and the scan starts at once; the TUI runs on the terminal's alternate
// screen, as less and ncdu do, so the shell's scrollback is untouched.
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { colorEnabled } from '../output/color.js';
import { terminalSize } from './hooks/terminal-size.js';
import type { TuiOptions } from './options.js';
import { startEarlyScan } from './session/early-scan.js';

export type { TuiOptions } from './options.js';

const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';
const CLEAR = '\u001b[2J\u001b[H';

/**
 * Runs the interactive TUI until the user quits. Needs terminals on stdin and stdout.
 * @example
 * const code = await runTui({ dir: '.', builder: 'buildkit' }, processIo());
 * @returns the exit code: 0 after quitting, 2 when the context cannot be read (the error is on stderr),
 *   130 when a second Ctrl-C dropped unsaved edits (said on stderr)
 */
export async function runTui(options: TuiOptions, io: Io): Promise<number> {
  const stdout = io.stdout as NodeJS.WriteStream;
  const alternate = io.isTTY.stdout;
  // The loading screen's first frame, by hand: Ink is not loaded yet.
  if (alternate) stdout.write(`${ENTER_ALT_SCREEN}ctxlens reading ${options.dir}\n⠋ starting…\n`);
  const early = startEarlyScan(options, io.cwd);
  // Until Ink takes over the keyboard, Ctrl+C must still leave the alternate screen.
  const interrupted = (): void => {
    early.abort();
    if (alternate) stdout.write(LEAVE_ALT_SCREEN);
    process.kill(process.pid, 'SIGINT');
  };
  process.once('SIGINT', interrupted);
  let failure: { readonly lines: readonly string[]; readonly code: number } | undefined;
  let left: { readonly code: number; readonly message: string | undefined } | undefined;
  try {
    const [{ render }, { Root }] = await Promise.all([import('ink'), import('./components/Root.js')]);
    process.off('SIGINT', interrupted);
    if (alternate) stdout.write(CLEAR);
    const instance = render(
      <Root options={options} cwd={io.cwd} color={colorEnabled(io)} size={terminalSize(stdout)} loader={early.loader} onFailure={(f) => (failure = f)} onExit={(outcome) => (left = outcome)} />,
      // Ctrl-C is a key of the keymap: with unsaved edits it asks before anything is dropped.
      { stdout, stdin: io.stdin as NodeJS.ReadStream, stderr: io.stderr as NodeJS.WriteStream, exitOnCtrlC: false, patchConsole: false, maxFps: 60 },
    );
    await instance.waitUntilExit();
  } finally {
    process.off('SIGINT', interrupted);
    early.abort();
    if (alternate) stdout.write(LEAVE_ALT_SCREEN);
  }
  if (failure !== undefined) {
    io.stderr.write(failure.lines.join('\n') + '\n');
    return failure.code;
  }
  if (left?.message !== undefined) io.stderr.write(`${left.message}\n`);
  return left?.code ?? ExitCode.Ok;
}

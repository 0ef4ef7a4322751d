// Every command but the bare TUI, as the bin runs them. The bundle makes this file the root of a
// CommonJS file (dist/chunks/commands.cjs) that the bin loads with V8's code cache
// (compile-cache.ts).
import { startScanWorkers } from '@ctxlens/core/internal';
import { runCli } from './cli.js';
import { processIo } from './io.js';
import { reportStartupError } from './report-error.js';
import { setTuiLoader } from './tui/load-tui.js';

export { setTuiLoader };

/**
 * Runs the command line on the real process.
 * @returns the exit code
 */
export async function runCommandLine(args: readonly string[]): Promise<number> {
  // `size` reads the whole tree on two threads (three when other processes keep a core busy), and
  // a thread takes about 40 ms to start: started first, it is ready by the time the argument
  // parser has run (docs/benchmarks.md). Only the command name is looked at; `--help` or a bad
  // option just leaves the thread unused.
  const scanWorkers = args[0] === 'size' ? startScanWorkers(1, { growWhenBusy: true }) : undefined;
  try {
    return await runCli([...args], processIo(), scanWorkers);
  } catch (error) {
    return reportStartupError(error);
  } finally {
    scanWorkers?.close();
  }
}

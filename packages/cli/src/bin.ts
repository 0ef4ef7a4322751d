#!/usr/bin/env node
// Entry point: runs the CLI on the real process and hands the exit code to Node (process.exitCode,
// not process.exit, so buffered output to pipes is flushed first).
import { startScanWorkers } from '@ctxlens/core/internal';
import { processIo } from './io.js';
import { describeError } from './report-error.js';

// `ctxlens ls | head`: the reader went away; stop quietly like other Unix tools.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/** Runs the command line; commands report their own errors, so only start-up failures escape. */
async function main(args: readonly string[]): Promise<number> {
  const io = processIo();
  if (args.length === 0 && io.isTTY.stdin && io.isTTY.stdout) {
    // Plain `ctxlens` on a terminal opens the TUI: load only that, so its first screen is not kept
    // waiting by the argument parser and every other command (issue #4: first paint within 200 ms).
    const [{ runTui }, { defaultBuilder }] = await Promise.all([import('./tui/run-tui.js'), import('./commands/shared-options.js')]);
    return runTui({ dir: '.', builder: defaultBuilder(io.env) }, io);
  }
  // `size` reads the whole tree on two threads (three when other processes keep a core busy), and
  // a thread takes about 40 ms to start: started now, it is ready by the time the argument parser
  // has loaded and run (docs/benchmarks.md). Only the command name is looked at; `--help` or a bad
  // option just leaves the thread unused.
  const scanWorkers = args[0] === 'size' ? startScanWorkers(1, { growWhenBusy: true }) : undefined;
  try {
    const { runCli } = await import('./cli.js');
    return await runCli([...args], io, scanWorkers);
  } finally {
    scanWorkers?.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A failure before any command runs (a deleted working directory): one line and a hint, like
  // every other error; describeError keeps the stack only for bugs. The path base is only for display.
  const { lines, code } = describeError(error, '/');
  process.stderr.write(lines.join('\n') + '\n');
  process.exitCode = code;
}

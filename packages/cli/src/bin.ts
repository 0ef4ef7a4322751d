#!/usr/bin/env node
// Entry point: runs the CLI on the real process and hands the exit code to Node (process.exitCode,
// not process.exit, so buffered output to pipes is flushed first).
import { startScanWorkers } from '@ctxlens/core';
import { processIo } from './io.js';

// `ctxlens ls | head`: the reader went away; stop quietly like other Unix tools.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const args = process.argv.slice(2);
const io = processIo();
if (args.length === 0 && io.isTTY.stdin && io.isTTY.stdout) {
  // Plain `ctxlens` on a terminal opens the TUI: load only that, so its first screen is not kept
  // waiting by the argument parser and every other command (issue #4: first paint within 200 ms).
  const [{ runTui }, { defaultBuilder }] = await Promise.all([import('./tui/run-tui.js'), import('./commands/shared-options.js')]);
  process.exitCode = await runTui({ dir: '.', builder: defaultBuilder(io.env) }, io);
} else {
  // `size` reads the whole tree on two threads, and a thread takes about 40 ms to start: started
  // now, it is ready by the time the argument parser has loaded and run (docs/benchmarks.md).
  // Only the command name is looked at; `--help` or a bad option just leaves the thread unused.
  const scanWorkers = args[0] === 'size' ? startScanWorkers(1) : undefined;
  try {
    const { runCli } = await import('./cli.js');
    process.exitCode = await runCli(args, io, scanWorkers);
  } finally {
    scanWorkers?.close();
  }
}

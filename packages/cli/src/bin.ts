#!/usr/bin/env node
// Entry point: runs the CLI on the real process and hands the exit code to Node (process.exitCode,
// not process.exit, so buffered output to pipes is flushed first).
import { runCli } from './cli.js';
import { processIo } from './io.js';

// `ctxlens ls | head`: the reader went away; stop quietly like other Unix tools.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), processIo());

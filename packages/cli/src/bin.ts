#!/usr/bin/env node
// Entry point: hands the exit code to Node (process.exitCode, not process.exit, so buffered output
// to pipes is flushed first). It stays small, since everything it imports is compiled on every
// run: commands come from dist/chunks/commands.cjs through V8's code cache (compile-cache.ts),
// the TUI from ES module chunks.
import { isatty } from 'node:tty';
import { fileURLToPath } from 'node:url';
import { COMMAND_NAMES } from './command-names.js';
import { compileCacheDirectory, loadCommonJs } from './compile-cache.js';

// `ctxlens ls | head`: the reader went away; stop quietly like other Unix tools.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/** What the commands bundle exports. */
type Commands = typeof import('./run-commands.js');

const args = process.argv.slice(2);
if (args.length === 0 && isatty(0) && isatty(1)) {
  const { runBareTui } = await import('./tui/bare-tui.js');
  process.exitCode = await runBareTui();
} else {
  const command = args[0] !== undefined && COMMAND_NAMES.has(args[0]) ? args[0] : 'default';
  const commands = loadCommonJs(fileURLToPath(new URL('./chunks/commands.cjs', import.meta.url)), compileCacheDirectory(process.env), command);
  // Saved as the process ends, so that the code compiled during the run is in it.
  process.once('exit', commands.saveCache);
  const { runCommandLine, setTuiLoader } = commands.exports as Commands;
  setTuiLoader(() => import('./tui/run-tui.js'));
  process.exitCode = await runCommandLine(args);
}

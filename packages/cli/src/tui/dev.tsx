// Runs the TUI on its own, for trying it out and for the tmux end-to-end test:
//   npx tsx --tsconfig test-fixtures/tsconfig.json packages/cli/src/tui/dev.tsx DIR [--legacy] [-f DOCKERFILE] [--ignore-file FILE] [--target STAGE] [--whole-context]
/** @jsxRuntime automatic */ // tsx runs these files without the package's tsconfig (see dev.tsx)
import { defaultBuilder } from '../commands/shared-options.js';
import { processIo } from '../io.js';
import type { TuiOptions } from './options.js';
import { runTui } from './run-tui.js';

const args = process.argv.slice(2);
const value = (flag: string): string | undefined => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
const flagged = new Set(['-f', '--ignore-file', '--target']);
const dir = args.find((a, i) => !a.startsWith('-') && !flagged.has(args[i - 1] ?? '')) ?? '.';
const io = processIo();
// As the bin does: DOCKER_BUILDKIT=0 picks the legacy builder.
const options: TuiOptions = { dir, builder: args.includes('--legacy') ? 'legacy' : defaultBuilder(io.env), dockerfile: value('-f'), ignoreFile: value('--ignore-file'), target: value('--target'), wholeContext: args.includes('--whole-context') };
const code = await runTui(options, io);
process.exitCode = code;

// `ctxlens size`: how big the context is, with and without the ignore file, from one read of the tree.
import type { ScanWorkers } from '@ctxlens/core/internal';
import type { Argv } from 'yargs';
import { ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { createColors } from '../output/color.js';
import { toJson } from '../output/json.js';
import { sizeJson, sizeTable } from '../output/size-report.js';
import { guarded } from '../report-error.js';
import type { CommandFactory } from './command.js';
import { loadSizes } from './load-context.js';
import { type CommonArgs, type ContextArgs, contextOptions, dirPositional, jsonOption, type ArgvOf, toContextArgs } from './shared-options.js';

/** Options of `size`. */
export const sizeOptions = { ...contextOptions, ...jsonOption } as const;

/** Typed options of runSize. */
export interface SizeOptions extends ContextArgs, CommonArgs {
  readonly json: boolean;
}

/**
 * Prints the context size against the size without the ignore file.
 * @param scanWorkers scan threads started earlier (bin.ts), or undefined to start them here
 * @returns the exit code
 */
export async function runSize(options: SizeOptions, io: Io, scanWorkers?: ScanWorkers): Promise<number> {
  return guarded(io, async () => {
    const both = await loadSizes(options, io, options, scanWorkers);
    if (options.quiet) return ExitCode.Ok;
    if (options.json) io.stdout.write(toJson(sizeJson(both, options)));
    else io.stdout.write(sizeTable(both, createColors(io)).join('\n') + '\n');
    return ExitCode.Ok;
  });
}

/** The yargs module of `size`. */
export const sizeCommand: CommandFactory<ArgvOf<typeof sizeOptions>> = ({ io, setExitCode, scanWorkers }) => ({
  command: 'size [dir]',
  describe: 'Show the context size and file count, with and without the ignore file',
  builder: (y: Argv) =>
    y
      .positional('dir', dirPositional)
      .options(sizeOptions)
      .example('$0 size', 'size of the context of the current directory')
      .example('$0 size --builder legacy --json | jq .tarBytes', 'exact bytes DOCKER_BUILDKIT=0 uploads'),
  handler: async (argv: ArgvOf<typeof sizeOptions>) => {
    setExitCode(await runSize({ ...toContextArgs(argv, io.env), json: argv.json === true }, io, scanWorkers));
  },
});

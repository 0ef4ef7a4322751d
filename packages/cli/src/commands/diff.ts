// `ctxlens diff`: the paths BuildKit and the legacy builder send differently for this directory,
// each explained under both builders. Exit codes like diff(1): 0 same, 1 different, 2 trouble.
import { diffBuilders } from '@ctxlens/core';
import { loadBuilderRules, otherBuilderContext } from '@ctxlens/core/internal';
import type { Argv } from 'yargs';
import { ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { createColors } from '../output/color.js';
import { contextJson } from '../output/context-json.js';
import { diffJson, diffLines } from '../output/diff-report.js';
import { toJson } from '../output/json.js';
import { guarded } from '../report-error.js';
import type { CommandFactory } from './command.js';
import { loadComparison } from './load-context.js';
import { type CommonArgs, type ContextArgs, contextOptions, coreOptions, dirPositional, jsonOption, type ArgvOf, toContextArgs, withStdinDockerfile } from './shared-options.js';

/** Options of `diff`. */
export const diffOptions = { ...contextOptions, ...jsonOption } as const;

/** Typed options of runDiff. */
export interface DiffOptions extends ContextArgs, CommonArgs {
  readonly json: boolean;
}

/**
 * Compares the two builders' contexts (read from disk once).
 * @returns 0 when they send the same files, 1 when not, 2 on bad input
 */
export async function runDiff(options: DiffOptions, io: Io): Promise<number> {
  return guarded(io, async () => {
    const args = await withStdinDockerfile(options, io);
    // BuildKit's context carries the Dockerfile's request; the legacy one is evaluated on its
    // inventory, so the two differ by the request as well as by the rules.
    const { context: buildkit } = await loadComparison({ ...args, builder: 'buildkit' }, io, options);
    const legacy = otherBuilderContext(buildkit, loadBuilderRules(args.dir, coreOptions({ ...args, builder: 'legacy' }, io)));
    const context = options.builder === 'buildkit' ? buildkit : legacy;
    const diff = options.builder === 'buildkit' ? diffBuilders(buildkit, legacy) : diffBuilders(legacy, buildkit);
    if (!options.quiet) {
      if (options.json) io.stdout.write(toJson({ ...contextJson(context, options), ...diffJson(diff, io.cwd) }));
      else io.stdout.write(diffLines(diff, createColors(io), io.cwd).join('\n') + '\n');
    }
    return diff.differences.length === 0 ? ExitCode.Ok : ExitCode.Fail;
  });
}

/** The yargs module of `diff`. */
export const diffCommand: CommandFactory<ArgvOf<typeof diffOptions>> = ({ io, setExitCode }) => ({
  command: 'diff [dir]',
  describe: 'Compare what BuildKit and the legacy builder send for this directory, and why they differ',
  builder: (y: Argv) =>
    y
      .positional('dir', dirPositional)
      .options(diffOptions)
      .example('$0 diff', 'paths only one builder sends, each explained under both')
      .example('$0 diff --json | jq ".differences[].path"', 'just the paths')
      .epilogue('Exit codes: 0 both builders send the same files, 1 they differ, 2 bad usage or input.'),
  handler: async (argv: ArgvOf<typeof diffOptions>) => {
    setExitCode(await runDiff({ ...toContextArgs(argv, io.env), json: argv.json === true }, io));
  },
});

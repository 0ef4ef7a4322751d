// `ctxlens ls`: the files and symlinks Docker sends, one per line in byte order (like `find | sort`
// under LC_ALL=C), so the output diffs cleanly against `tar t` of a real upload.
import type { Argv } from 'yargs';
import { pathBytes } from '@ctxlens/core';
import { ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { contextJson } from '../output/context-json.js';
import { toJson } from '../output/json.js';
import { guarded } from '../report-error.js';
import type { CommandFactory } from './command.js';
import { loadContext } from './load-context.js';
import { type CommonArgs, type ContextArgs, contextOptions, dirPositional, jsonOption, type ArgvOf, toContextArgs } from './shared-options.js';

/** Options of `ls`, declared once for yargs and the types. */
export const lsOptions = {
  ...contextOptions,
  ...jsonOption,
  z: { alias: 'null', type: 'boolean', default: false, describe: 'End each path with NUL instead of a newline (for xargs -0)' },
} as const;

/** Typed options of runLs. */
export interface LsOptions extends ContextArgs, CommonArgs {
  readonly json: boolean;
  /** NUL-terminate paths. */
  readonly nul: boolean;
}

/**
 * Prints the paths of the context.
 * @returns the exit code
 */
export async function runLs(options: LsOptions, io: Io): Promise<number> {
  return guarded(io, async () => {
    const ctx = await loadContext(options, io, options);
    if (options.quiet) return ExitCode.Ok;
    if (options.json) {
      const byPath = new Map(ctx.entries().map((e) => [e.path, e]));
      const files = ctx.filePaths().map((path) => {
        const e = byPath.get(path)!;
        return { path, type: e.kind, size: e.size, ...(e.linkTarget === undefined ? {} : { target: e.linkTarget }), ...(e.hardlinkOf === undefined ? {} : { hardlinkOf: e.hardlinkOf }) };
      });
      io.stdout.write(toJson({ ...contextJson(ctx, options), count: files.length, files }));
      return ExitCode.Ok;
    }
    // Bytes, not text: a name that is not UTF-8 is printed as it is on disk, as Docker sends it.
    const end = Buffer.from(options.nul ? '\0' : '\n');
    const paths = ctx.filePaths();
    if (paths.length > 0) io.stdout.write(Buffer.concat(paths.flatMap((path) => [pathBytes(path), end])));
    return ExitCode.Ok;
  });
}

/** The yargs module of `ls`. */
export const lsCommand: CommandFactory<ArgvOf<typeof lsOptions>> = ({ io, setExitCode }) => ({
  command: 'ls [dir]',
  describe: 'List the files and symlinks Docker sends, one per line, in byte order',
  builder: (y: Argv) =>
    y
      .positional('dir', dirPositional)
      .options(lsOptions)
      .example('$0 ls', 'list the context of the current directory')
      .example('$0 ls app -f app/Dockerfile.prod', 'the context of ./app with another Dockerfile')
      .example('$0 ls --builder legacy | wc -l', 'count what DOCKER_BUILDKIT=0 sends')
      .example('$0 ls -z | xargs -0 du -ch | tail -1', 'NUL-separated, for paths with spaces'),
  handler: async (argv: ArgvOf<typeof lsOptions>) => {
    setExitCode(await runLs({ ...toContextArgs(argv, io.env), json: argv.json === true, nul: argv.z === true }, io));
  },
});

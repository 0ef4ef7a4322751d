// `ctxlens ls`: the entries Docker sends other than directories (files, symlinks, FIFOs, devices;
// under BuildKit sockets too), one per line in byte order (like `find | sort` under LC_ALL=C), so the
// output diffs cleanly against `tar t` of a real upload. `-F` marks what is not a regular file the
// way `ls -F` does (the legacy client puts a FIFO in its tar as a FIFO, with no content).
import type { Argv } from 'yargs';
import { type ContextEntry, pathBytes } from '@ctxlens/core';
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
  F: { alias: 'classify', type: 'boolean', default: false, describe: 'Mark entries that are not regular files as ls -F does: @ symlink, | FIFO, = socket, % device' },
} as const;

/** `ls -F`'s indicator for an entry kind ('' for a regular file); devices, which ls -F leaves bare, get %. */
const CLASSIFY: Readonly<Record<ContextEntry['kind'], string>> = { file: '', dir: '/', symlink: '@', fifo: '|', socket: '=', char: '%', block: '%' };

/** Typed options of runLs. */
export interface LsOptions extends ContextArgs, CommonArgs {
  readonly json: boolean;
  /** NUL-terminate paths. */
  readonly nul: boolean;
  /** Append ls -F's type indicator. */
  readonly classify?: boolean;
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
    const kinds = options.classify ? new Map(ctx.entries().map((e) => [e.path, e.kind])) : undefined;
    const mark = (path: string): Buffer[] => (kinds === undefined ? [] : [Buffer.from(CLASSIFY[kinds.get(path)!])]);
    if (paths.length > 0) io.stdout.write(Buffer.concat(paths.flatMap((path) => [pathBytes(path), ...mark(path), end])));
    return ExitCode.Ok;
  });
}

/** The yargs module of `ls`. */
export const lsCommand: CommandFactory<ArgvOf<typeof lsOptions>> = ({ io, setExitCode }) => ({
  command: 'ls [dir]',
  describe: 'List the files, symlinks and other non-directory entries Docker sends, one per line, in byte order',
  builder: (y: Argv) =>
    y
      .positional('dir', dirPositional)
      .options(lsOptions)
      .example('$0 ls', 'list the context of the current directory')
      .example('$0 ls app -f app/Dockerfile.prod', 'the context of ./app with another Dockerfile')
      .example('$0 ls --builder legacy | wc -l', 'count what DOCKER_BUILDKIT=0 sends')
      .example('$0 ls -z | xargs -0 du -ch | tail -1', 'NUL-separated, for paths with spaces')
      .example('$0 ls -F', 'mark symlinks (@), FIFOs (|), sockets (=) and devices (%)'),
  handler: async (argv: ArgvOf<typeof lsOptions>) => {
    setExitCode(await runLs({ ...toContextArgs(argv, io.env), json: argv.json === true, nul: argv.z === true, classify: argv.F === true }, io));
  },
});

// `ctxlens` with no command: the TUI on a terminal; otherwise a `size`-style summary with the
// biggest offenders, for scripts and CI logs.
import { rankOffenders, significantOffenders } from '@ctxlens/core';
import type { Argv } from 'yargs';
import { ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { createColors } from '../output/color.js';
import { toJson } from '../output/json.js';
import { offenderLines, offendersJson } from '../output/offenders-report.js';
import { sizeJson, sizeTable } from '../output/size-report.js';
import { guarded } from '../report-error.js';
import type { CommandFactory } from './command.js';
import { loadComparison } from './load-context.js';
import { type CommonArgs, type ContextArgs, contextOptions, dirPositional, jsonOption, STDIN_DOCKERFILE, type ArgvOf, toContextArgs } from './shared-options.js';

/** Options of the default command. */
export const defaultOptions = {
  ...contextOptions,
  ...jsonOption,
  tui: { type: 'boolean', default: true, describe: 'Open the interactive view when on a terminal (--no-tui prints the summary)' },
  top: { type: 'number', default: 10, requiresArg: true, describe: 'How many offenders to list' },
} as const;

/** Typed options of runDefault. */
export interface DefaultOptions extends ContextArgs, CommonArgs {
  readonly json: boolean;
  readonly tui: boolean;
  readonly top: number;
}

/**
 * Opens the TUI on a terminal, or prints the summary.
 * @returns the exit code
 */
export async function runDefault(options: DefaultOptions, io: Io): Promise<number> {
  // With -f - stdin carries the Dockerfile, not keys: the summary is printed.
  if (options.tui && !options.json && !options.quiet && io.isTTY.stdout && io.isTTY.stdin && options.dockerfile !== STDIN_DOCKERFILE) {
    // Loaded here, not at the top: Ink and React would slow every other command's start-up.
    const { runTui } = await import('../tui/run-tui.js');
    const { dir, dockerfile, builder, ignoreFile, target, buildArgs, wholeContext, dockerfileText } = options;
    // Held in a variable: the TUI's options gain these fields in its own change (TuiOptions).
    const tuiOptions = { dir, dockerfile, builder, ignoreFile, target, buildArgs, wholeContext, dockerfileText };
    return runTui(tuiOptions, io);
  }
  return guarded(io, async () => {
    const both = await loadComparison(options, io, options);
    if (options.quiet) return ExitCode.Ok;
    // Anything under 1% of the context is not worth a line; the Dockerfile and ignore file never are.
    const offenders = significantOffenders(rankOffenders(both.context, { limit: Math.max(0, options.top) + 2 }), both.context.sizes.bytes).slice(0, Math.max(0, options.top));
    if (options.json) {
      io.stdout.write(toJson({ ...sizeJson(both, options), offenders: offendersJson(offenders) }));
      return ExitCode.Ok;
    }
    const c = createColors(io);
    const lines = sizeTable(both, c);
    const top = offenderLines(offenders, c);
    if (top.length > 0) lines.push('', c.bold('Biggest in the context:'), ...top);
    lines.push('', c.dim('More: ctxlens check (CI gate), ctxlens suggest (lines to add), ctxlens explain PATH (why a path is in or out).'));
    io.stdout.write(lines.join('\n') + '\n');
    return ExitCode.Ok;
  });
}

/** The yargs module of the default command. */
export const defaultCommand: CommandFactory<ArgvOf<typeof defaultOptions>> = ({ io, setExitCode }) => ({
  command: '$0 [dir]',
  describe: 'Open the interactive view (on a terminal) or print a summary: size, file count, biggest offenders',
  builder: (y: Argv) =>
    y
      .positional('dir', dirPositional)
      .options(defaultOptions)
      .example('$0', 'explore the context of the current directory')
      .example('$0 app --no-tui', 'summary of ./app, even on a terminal')
      .example('$0 --json > context.json', 'the summary as JSON'),
  handler: async (argv: ArgvOf<typeof defaultOptions>) => {
    setExitCode(await runDefault({ ...toContextArgs(argv, io.env), json: argv.json === true, tui: argv.tui !== false, top: argv.top ?? 10 }, io));
  },
});

// `ctxlens` with no command: the TUI on a terminal; otherwise a `size`-style summary with the
// biggest offenders, for scripts and CI logs. It leads with the golden rule: secrets sent (and
// whether they reach the image), then the bytes sent or eligible that the Dockerfile never uses.
import { type BuildContext, FIGURES, findCategoryHits, rankOffenders, type UnusedGroup, type UsageAnalysis, UseMark } from '@ctxlens/core';
import { significantOffenders } from '@ctxlens/core/internal';
import type { Argv } from 'yargs';
import { ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { createColors } from '../output/color.js';
import { toJson } from '../output/json.js';
import { goldenRuleLines, offenderLines, offendersJson, type SentSecret, type UnusedSummary } from '../output/offenders-report.js';
import { sizeJson, sizeTable } from '../output/size-report.js';
import { guarded } from '../report-error.js';
import { loadTui } from '../tui/load-tui.js';
import type { CommandFactory } from './command.js';
import { loadGuardedContext } from './guarded-context.js';
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
    const { runTui } = await loadTui();
    const { dir, dockerfile, builder, ignoreFile, target, buildArgs, wholeContext, dockerfileText } = options;
    // Held in a variable: the TUI's options gain these fields in its own change (TuiOptions).
    const tuiOptions = { dir, dockerfile, builder, ignoreFile, target, buildArgs, wholeContext, dockerfileText };
    return runTui(tuiOptions, io);
  }
  return guarded(io, async () => {
    const guard = await loadGuardedContext(options, io, options);
    const both = guard.sizes;
    if (options.quiet) return ExitCode.Ok;
    const secrets = sentSecrets(guard.context, guard.usage);
    const unused = guard.usage === undefined ? undefined : unusedSummary(guard.context, guard.usage);
    // Anything under 1% of the context is not worth a line; the Dockerfile and ignore file never are.
    const offenders = significantOffenders(rankOffenders(both.context, { limit: Math.max(0, options.top) + 2, ...(guard.usage === undefined ? {} : { usage: guard.usage }) }), both.context.sizes.bytes).slice(0, Math.max(0, options.top));
    if (options.json) {
      const usage = guard.usage === undefined ? null : { eligible: guard.usage.eligible, sent: guard.usage.sent, used: guard.usage.used, shipped: guard.usage.shipped };
      io.stdout.write(toJson({ ...sizeJson(both, options), secrets, usage, unused: unused ?? null, offenders: offendersJson(offenders) }));
      return ExitCode.Ok;
    }
    const c = createColors(io);
    const golden = goldenRuleLines(secrets, unused, c, Math.max(0, options.top));
    const lines = [...golden, ...(golden.length > 0 ? [''] : []), ...sizeTable(both, c)];
    const top = offenderLines(offenders, c);
    if (top.length > 0) lines.push('', c.bold(`Biggest in the context (${FIGURES.bytes.label}, ${FIGURES.files.label}):`), ...top);
    lines.push('', c.dim('More: ctxlens check (CI gate), ctxlens suggest (lines to add), ctxlens explain PATH (why a path is in or out).'));
    io.stdout.write(lines.join('\n') + '\n');
    return ExitCode.Ok;
  });
}

/**
 * The secret-category entries this context sends, each with how far it gets into the image.
 * @returns biggest first
 */
function sentSecrets(ctx: BuildContext, usage: UsageAnalysis | undefined): SentSecret[] {
  return findCategoryHits(ctx, { categories: ['secrets'] }).map((h) => {
    const mark = usage?.marks[h.index] ?? 0;
    const use = usage === undefined ? 'unknown' : (mark & UseMark.Shipped) !== 0 ? 'shipped' : (mark & UseMark.Used) !== 0 ? 'build-stage' : 'unused';
    return { path: h.path, dir: h.kind === 'dir', files: h.files, bytes: h.bytes, reason: h.reason, findings: h.findings, use, suggestedLine: h.pattern };
  });
}

/**
 * The golden rule's two lists, as the builder in use sees them: under the legacy builder what is
 * sent is what is eligible, so one list.
 * @returns the unused files by top directory
 */
function unusedSummary(ctx: BuildContext, usage: UsageAnalysis): UnusedSummary {
  const inv = ctx.inventory;
  const of = (groups: readonly UnusedGroup[]) => ({
    files: groups.reduce((n, g) => n + g.files, 0),
    bytes: groups.reduce((n, g) => n + g.bytes, 0),
    groups: groups.map((g) => ({ ...g, dir: inv.isDir(inv.indexOf(g.top, false)) })),
  });
  if (ctx.builder === 'legacy') return { sent: of(usage.eligibleUnused), eligible: undefined };
  return { sent: of(usage.sentUnused), eligible: of(usage.eligibleUnused) };
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

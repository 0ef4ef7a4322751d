// `ctxlens explain PATH...`: why each path is in or out, in `git check-ignore` formats and with its
// exit codes. Like git: without -v only excluded paths are printed; -v prints the deciding rule of
// every path some rule matched (an exception too) and counts it; -n adds "::<TAB>path" for the rest.
// Exit 0 when something was printed-and-counted, 1 when nothing was. -vv adds ctxlens's trace.
// On a terminal a path git would pass over in silence prints "PATH: sent: ..." (same exit code).
import { analyzeUsage, type BuildContext, type Builder, computeContext, type ContextOptions, CtxlensError, type Explanation, secretAtPath, type UsageAnalysis, UseMark } from '@ctxlens/core';
import { EntryState } from '@ctxlens/core/live';
import { explainBoth, loadBothBuilderRules, type PathVerdict } from '@ctxlens/core/internal';
import * as nodePath from 'node:path';
import type { Argv } from 'yargs';
import { ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { quoteCStyle } from '../output/c-quote.js';
import { type PathUse, pathJson, secretText, sentRecord, traceLines, useJson, useText, verboseRecord } from '../output/explain-report.js';
import { toJson } from '../output/json.js';
import { guarded, UsageError } from '../report-error.js';
import type { CommandFactory } from './command.js';
import { type AskedPath, readStdinPaths, toContextPath } from './explain-paths.js';
import { type CommonArgs, type ContextArgs, contextOptions, coreOptions, jsonOption, type ArgvOf, toContextArgs, withStdinDockerfile } from './shared-options.js';

/** Options of `explain`. */
export const explainOptions = {
  dir: { alias: 'C', type: 'string', default: '.', requiresArg: true, describe: 'Run as if started in DIR (like git -C): DIR is the build context and relative PATHs start there' },
  ...contextOptions,
  ...jsonOption,
  stdin: { type: 'boolean', default: false, describe: 'Read paths from standard input, one per line (C-quoted lines are unquoted, like git)' },
  z: { type: 'boolean', default: false, describe: 'With --stdin: paths are NUL-separated on input, and output fields end with NUL' },
  'non-matching': { alias: 'n', type: 'boolean', default: false, describe: 'With -v: also print paths no rule matches, as "::<TAB>PATH"' },
  verbose: { alias: 'v', type: 'count', describe: '-v: the deciding rule, "<source>:<line>:<pattern><TAB><path>"; -vv: also every rule that flipped the path, the deciding parent directory, and the other builder' },
  trace: { type: 'boolean', default: false, describe: 'Same as -vv' },
} as const;

/** Typed options of runExplain. */
export interface ExplainOptions extends ContextArgs, CommonArgs {
  readonly paths: readonly string[];
  readonly json: boolean;
  readonly stdin: boolean;
  readonly nul: boolean;
  readonly nonMatching: boolean;
  /** 0, 1 (-v) or 2 (-vv, --trace). */
  readonly verbosity: number;
}

function validate(o: ExplainOptions): void {
  // git check-ignore's own rules and messages (builtin/check-ignore.c).
  if (o.stdin && o.paths.length > 0) throw new UsageError('cannot specify pathnames with --stdin');
  if (!o.stdin && o.paths.length === 0) throw new UsageError('no path specified', 'Name the paths to explain, or pass --stdin.');
  if (o.quiet && o.paths.length > 1) throw new UsageError('--quiet is only valid with a single pathname');
  if (o.quiet && o.verbosity > 0) throw new UsageError('cannot have both --quiet and --verbose');
  if (o.nonMatching && o.verbosity === 0) throw new UsageError('--non-matching is only valid with --verbose');
  if (o.nul && !o.stdin) throw new UsageError('-z only makes sense with --stdin');
}

/**
 * BuildKit's context, for what the Dockerfile asks for. When the user asked about the legacy
 * builder, a Dockerfile BuildKit refuses only costs the other builder's request line.
 * @returns the context, or undefined when BuildKit would fail and is not the builder asked about
 */
async function buildkitContext(core: ContextOptions, builder: Builder): Promise<BuildContext | undefined> {
  try {
    return await computeContext('.', { ...core, builder: 'buildkit' });
  } catch (error) {
    if (builder === 'buildkit' || !(error instanceof CtxlensError)) throw error;
    return undefined;
  }
}

/**
 * The verdict with BuildKit's side taken from its context: the ignore file's verdict plus whether
 * the Dockerfile asks for the path, and which instructions do.
 * @returns the verdict
 */
function withRequest(verdict: PathVerdict, buildkit: BuildContext | undefined): PathVerdict {
  if (buildkit === undefined) return verdict;
  const explain = (e: Explanation): Explanation => (e.builder === 'buildkit' ? buildkit.explain(e.path) : e);
  const primary = explain(verdict.primary);
  const other = explain(verdict.other);
  return { primary, other, differs: primary.included !== other.included };
}

/**
 * How the Dockerfile uses a context path (BuildKit's reads, which hold for both builders).
 * @returns the use, or undefined when the path is not in the context or the Dockerfile was not read
 */
function pathUse(buildkit: BuildContext | undefined, usage: UsageAnalysis | undefined, relative: string, primary: Explanation): PathUse | undefined {
  if (buildkit === undefined || usage === undefined) return undefined;
  const inv = buildkit.inventory;
  const i = inv.indexOf(relative, false);
  // BuildKit's context reads only what it may send: a path a rule excludes may not be in it.
  if (i <= 0) return !primary.included && primary.rule !== undefined && !primary.rule.exclusion ? { status: 'not-eligible', by: undefined } : undefined;
  // The legacy builder sends everything its own rules let through: no Dockerfile read narrows it.
  if (primary.builder === 'legacy' && !primary.included) return { status: 'not-eligible', by: undefined };
  const use = usage.useOf(relative);
  if (use !== undefined) {
    const by = { dockerfile: buildkit.plan?.requests?.graph.file ?? 'Dockerfile', line: use.request.instruction.line, instruction: use.request.instruction.text, stage: use.stage };
    return { status: (usage.marks[i]! & UseMark.Shipped) !== 0 ? 'shipped' : 'build-stage', by };
  }
  const sent = primary.builder === 'legacy' || buildkit.walk.state[i] === EntryState.Included;
  const eligible = buildkit.eligibleWalk().state[i] === EntryState.Included;
  return { status: sent ? 'sent-unused' : eligible ? 'eligible-unused' : 'not-eligible', by: undefined };
}

/**
 * Explains each path under the chosen builder (and the other one, for -vv and JSON).
 * @returns 0 when at least one path was excluded (with -v: matched by a rule), 1 otherwise, 2 on errors
 */
export async function runExplain(options: ExplainOptions, io: Io): Promise<number> {
  return guarded(io, async () => {
    validate(options);
    // -C: everything, -f and --ignore-file included, is relative to DIR, as in git.
    const cwd = nodePath.resolve(io.cwd, options.dir);
    if (options.stdin && options.dockerfile === '-') throw new UsageError('cannot read both the paths (--stdin) and the Dockerfile (-f -) from standard input');
    const args = await withStdinDockerfile(options, io);
    const core = coreOptions(args, { ...io, cwd });
    const rules = loadBothBuilderRules('.', core);
    // Under BuildKit a path is sent only if the Dockerfile asks for it: BuildKit's context says which
    // instruction does (it reads only the requested parts of the tree).
    const buildkit = await buildkitContext(core, options.builder);
    const names = options.stdin ? await readStdinPaths(io, options.nul) : options.paths;
    const roots = [cwd, rules.primary.inputs.contextDir];
    const asked: AskedPath[] = names.map((p) => toContextPath(p, cwd, roots));
    const verdicts = asked.map((a) => withRequest(explainBoth(rules, a.relative), buildkit));
    const usage = buildkit?.plan?.requests === undefined ? undefined : analyzeUsage(buildkit);
    const uses = asked.map((a, i) => pathUse(buildkit, usage, a.relative, verdicts[i]!.primary));
    // Content is read only when the builder sends the path (as every secret report does), and only
    // for the outputs that show it (JSON, -vv): a plain explain of `git ls-files` reads nothing more.
    const secretOf = (i: number) => secretAtPath(rules.primary.inputs.contextDir, asked[i]!.relative, verdicts[i]!.primary.included);
    const excluded = verdicts.filter((v) => !v.primary.included).length;
    if (options.json) {
      if (!options.quiet) {
        const c = { builder: rules.primary.builder, contextDir: rules.primary.inputs.contextDir, dockerfile: options.dockerfile === '-' ? '-' : rules.primary.inputs.dockerfile, ignoreFile: rules.primary.inputs.ignoreFile ?? null, target: options.target ?? null, buildArgs: options.buildArgs };
        io.stdout.write(toJson({ ...c, paths: asked.map((a, i) => ({ ...pathJson(a, verdicts[i]!, cwd), usage: useJson(uses[i]), secret: secretOf(i) ?? null })) }));
      }
      return excluded > 0 ? ExitCode.Ok : ExitCode.Fail;
    }
    let counted = 0;
    let out = '';
    asked.forEach((a, i) => {
      const v = verdicts[i]!;
      // git: without -v a matching exception does not count; with -v it prints and counts. Without
      // -v every path left out counts, a socket too, which no rule names (-vv tells why).
      const rule = options.verbosity > 0 ? v.primary.rule : v.primary.included ? undefined : v.primary.rule;
      // BuildKit leaves out what the Dockerfile does not ask for: with -v that counts like a rule's match.
      const unrequested = v.primary.eligible === true && !v.primary.included;
      const counts = options.verbosity > 0 ? rule !== undefined || unrequested : !v.primary.included;
      if (counts) counted++;
      if (options.quiet) return;
      // git prints nothing for a path it does not count, which reads as a hang or a failure to a
      // person at a terminal: there, the path says it is sent and why. Scripts (stdout not a TTY)
      // keep git's silence; -n keeps git's "::" record; the exit code is git's either way.
      if (!counts && !options.nonMatching && io.isTTY.stdout && !options.nul) {
        out += sentRecord(v, a, cwd, options.verbosity, uses[i]);
        return;
      }
      if (!counts && !options.nonMatching) return;
      if (options.verbosity === 0) out += options.nul ? `${a.given}\0` : `${quoteCStyle(a.given)}\n`;
      else out += verboseRecord(rule, a, cwd, options.nul);
      if (options.verbosity > 1 && !options.nul) {
        const use = uses[i];
        const secret = secretOf(i);
        out += [...traceLines(v, a.relative, cwd), ...(use === undefined ? [] : [`  ${useText(use)}`]), ...(secret === undefined ? [] : [`  ${secretText(secret)}`])].join('\n') + '\n';
      }
    });
    io.stdout.write(out);
    return counted > 0 ? ExitCode.Ok : ExitCode.Fail;
  });
}

/** The yargs module of `explain`. */
export const explainCommand: CommandFactory<ArgvOf<typeof explainOptions> & { paths?: string[] }> = ({ io, setExitCode }) => ({
  command: 'explain [paths..]',
  describe: 'Tell why each path is in or out of the context (git check-ignore formats and exit codes)',
  builder: (y: Argv) =>
    y
      .positional('paths', { type: 'string', array: true, describe: 'Paths to explain, relative to the current directory (need not exist)' })
      .options(explainOptions)
      .example('$0 explain node_modules/x/index.js', 'prints the path if Docker leaves it out (exit 0), nothing otherwise (exit 1)')
      .example('$0 explain -v .env src/app.ts', '".dockerignore:3:.env<TAB>.env": the rule that decided')
      .example('$0 explain -vv build/app.js.map', 'every rule that flipped it, the parent that decided, and the other builder')
      .example('git ls-files | $0 explain --stdin -v -n', 'why each tracked file is in or out')
      .example('$0 explain -C app --json src/main.go', 'JSON, with app as the context'),
  handler: async (argv: ArgvOf<typeof explainOptions> & { paths?: string[] }) => {
    const verbosity = Math.max(argv.verbose ?? 0, argv.trace === true ? 2 : 0);
    setExitCode(
      await runExplain(
        { ...toContextArgs(argv, io.env), paths: (argv.paths ?? []).map(String), json: argv.json === true, stdin: argv.stdin === true, nul: argv.z === true, nonMatching: argv['non-matching'] === true, verbosity },
        io,
      ),
    );
  },
});

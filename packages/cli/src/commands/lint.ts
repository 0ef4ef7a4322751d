// `ctxlens lint`: checks the ignore file itself (dead and shadowed rules, .gitignore habits that do
// not hold in Docker, exceptions a builder cannot reach, full BuildKit walks), each with file:line
// and a fix; and the Dockerfile: a COPY of a path the context does not carry (the build fails),
// the checklist (multi-stage, pinned base, non-root USER, HEALTHCHECK, a .dockerignore), and a broad
// COPY before a dependency install. Exit 0 clean (info findings allowed), 1 errors or warnings (or info findings
// with --strict), 2 bad input.
import { lintCacheOrder, lintDockerfile, lintIgnoreFile } from '@ctxlens/core';
import { loadBuilderRules } from '@ctxlens/core/internal';
import type { Argv } from 'yargs';
import { ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { inGitHubActions } from '../output/annotations.js';
import { createColors } from '../output/color.js';
import { contextJson } from '../output/context-json.js';
import { toJson } from '../output/json.js';
import { lintAnnotations } from '../output/lint-annotations.js';
import { countFindings, lintJson, lintLines } from '../output/lint-report.js';
import { guarded } from '../report-error.js';
import type { CommandFactory } from './command.js';
import { loadGuardedContext } from './guarded-context.js';
import { type CommonArgs, type ContextArgs, contextOptions, coreOptions, dirPositional, jsonOption, type ArgvOf, toContextArgs, withStdinDockerfile } from './shared-options.js';
import { treeRead, type TreeReadOption } from './tree-read.js';

/** Options of `lint`. */
export const lintOptions = {
  ...contextOptions,
  ...jsonOption,
  strict: { type: 'boolean', default: false, describe: 'Fail on info findings too (rules that match nothing or change nothing)' },
} as const;

/** Typed options of runLint. */
export interface LintOptions extends ContextArgs, CommonArgs, TreeReadOption {
  readonly json: boolean;
  readonly strict: boolean;
}

/**
 * Lints the ignore file on the real tree.
 * @returns the exit code
 */
export async function runLint(options: LintOptions, io: Io): Promise<number> {
  return guarded(io, async () => {
    // The Dockerfile is read the way BuildKit reads it under both builders: a COPY of an excluded
    // path fails the legacy build too ("file not found in build context or excluded by .dockerignore").
    // The ignore file's findings need every entry: a rule that decides nothing is dead or redundant
    // depending on what it matches inside the directories the builder skips, and an exception is
    // unreachable for what it matches there. Without an ignore file only the Dockerfile is linted.
    const args = await withStdinDockerfile(options, io);
    const hasIgnoreFile = loadBuilderRules(args.dir, coreOptions(args, io)).ignoreFile !== undefined;
    const { context, buildkit } = await loadGuardedContext(args, io, options, treeRead(options, hasIgnoreFile));
    const file = context.inputs.ignoreFile;
    const findings = [...(file === undefined ? [] : lintIgnoreFile(context)), ...(buildkit === undefined ? [] : [...lintDockerfile(buildkit), ...lintCacheOrder(buildkit)])];
    const n = countFindings(findings);
    // Under GitHub Actions each finding is also an annotation on its line; JSON and -q keep stdout clean.
    if (inGitHubActions(io.env)) (options.json || options.quiet ? io.stderr : io.stdout).write(lintAnnotations(findings, io.env, io.cwd));
    if (!options.quiet) {
      if (options.json) io.stdout.write(toJson({ ...contextJson(context, options), ...lintJson(findings, io.cwd) }));
      else io.stdout.write(lintLines(findings, createColors(io), io.cwd, file ?? context.inputs.dockerfile).join('\n') + '\n');
    }
    const failing = n.errors + n.warnings + (options.strict ? n.infos : 0);
    return failing > 0 ? ExitCode.Fail : ExitCode.Ok;
  });
}

/** The yargs module of `lint`. */
export const lintCommand: CommandFactory<ArgvOf<typeof lintOptions>> = ({ io, setExitCode }) => ({
  command: 'lint [dir]',
  describe: 'Check the ignore file (dead and shadowed rules, .gitignore habits, unreachable exceptions, slow walks) and the Dockerfile (COPY of excluded paths, the image checklist)',
  builder: (y: Argv) =>
    y
      .positional('dir', dirPositional)
      .options(lintOptions)
      .example('$0 lint', 'lint ./.dockerignore against the tree it applies to')
      .example('$0 lint --builder legacy', 'judge rule effects under DOCKER_BUILDKIT=0')
      .example('$0 lint --strict --json', 'fail on info findings too; JSON findings with file, line and fix')
      .epilogue('Reads the whole tree when there is an ignore file (its rules are judged on what they match inside excluded directories too); without one, only what the builders walk.\nExit codes: 0 no errors or warnings, 1 errors or warnings (info findings too with --strict), 2 bad usage or input.'),
  handler: async (argv: ArgvOf<typeof lintOptions>) => {
    setExitCode(await runLint({ ...toContextArgs(argv, io.env), json: argv.json === true, strict: argv.strict === true }, io));
  },
});

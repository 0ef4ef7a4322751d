// `ctxlens suggest`: .dockerignore lines worth adding, each with the bytes it saves, from the
// categories and from the repository's .gitignore files, after fixing the file's broken lines as lint
// says. --write replaces those lines and appends the others to the ignore file in use (or creates
// .dockerignore), keeping every other byte, atomically (core's writeDocument).
// No line excludes what the Dockerfile uses (under both builders: BuildKit's reads of the same
// Dockerfile guard the legacy view). --allowlist proposes the golden rule's file instead: `*`, then
// `!` lines for exactly what the Dockerfile uses, above the user's own lines.
import { allowlistIgnoreFile, applySuggestions, type BuildContext, insertLine, parseDocument, suggestIgnoreLines, writeDocument } from '@ctxlens/core';
import { ignoreFilePath, ignoreFileToEdit } from '@ctxlens/core/internal';
import type { Argv } from 'yargs';
import { ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { createColors } from '../output/color.js';
import { contextJson } from '../output/context-json.js';
import { toJson } from '../output/json.js';
import { displayPath } from '../output/paths.js';
import { allowlistJson, allowlistLines, suggestJson, suggestLines } from '../output/suggest-report.js';
import { guarded, UsageError } from '../report-error.js';
import type { CommandFactory } from './command.js';
import { loadGuardedContext } from './guarded-context.js';
import { type CommonArgs, type ContextArgs, contextOptions, dirPositional, jsonOption, type ArgvOf, toContextArgs } from './shared-options.js';
import { treeRead, type TreeReadOption } from './tree-read.js';

/** Options of `suggest`. */
export const suggestOptions = {
  ...contextOptions,
  ...jsonOption,
  write: { type: 'boolean', default: false, describe: 'Fix the broken lines in place and append the new ones to the ignore file in use (or create .dockerignore); with --allowlist, put the allowlist above its lines' },
  allowlist: { type: 'boolean', default: false, describe: 'Propose the golden rule\'s allowlist: "*", then a "!" line for exactly what the Dockerfile uses (your lines are kept below)' },
  gitignore: { type: 'boolean', default: true, describe: 'Also draw on .gitignore files (--no-gitignore: categories only)' },
  limit: { type: 'number', default: 20, requiresArg: true, describe: 'Suggest at most this many new lines (fixes of broken lines come first, always)' },
} as const;

/** Typed options of runSuggest. */
export interface SuggestCommandOptions extends ContextArgs, CommonArgs, TreeReadOption {
  readonly json: boolean;
  readonly write: boolean;
  readonly allowlist: boolean;
  readonly gitignore: boolean;
  readonly limit: number;
}

/**
 * The ignore file's bytes as they were when the suggestions were computed (line bytes plus the LF
 * each had), so writeDocument refuses to write if someone changed the file in the meantime.
 */
function bytesAsRead(ctx: BuildContext): Buffer | undefined {
  const source = ctx.ignoreFile?.source;
  if (source === undefined) return undefined;
  const LF = Buffer.from('\n');
  return Buffer.concat(source.lines.flatMap((l) => (l.hasLF ? [l.raw, LF] : [l.raw])));
}

/**
 * Proposes (and with --write, applies) ignore-file lines.
 * @returns the exit code
 */
export async function runSuggest(options: SuggestCommandOptions, io: Io): Promise<number> {
  return guarded(io, async () => {
    // Every line removes only what is sent (each is checked against it), and what the categories,
    // the .gitignore files and the Dockerfile name is sent or eligible: what the builders walk is enough.
    const guard = await loadGuardedContext(options, io, options, treeRead(options, false));
    const { context, usage } = guard;
    if (options.allowlist) return runAllowlist(options, guard.buildkit, context, io);
    if (guard.unguarded !== undefined && !options.quiet && !options.json) io.stderr.write(`ctxlens: note: lines are not checked against the Dockerfile's COPY sources: ${guard.unguarded}.\n`);
    const { suggestions, after } = suggestIgnoreLines(context, { gitignore: options.gitignore, limit: Math.max(0, options.limit), ...(usage === undefined ? {} : { usage }) });
    const target = options.write ? ignoreFileToEdit(context.inputs) : ignoreFilePath(context.inputs);
    let written = false;
    if (options.write && suggestions.length > 0) {
      const original = bytesAsRead(context);
      written = writeDocument(target, applySuggestions(parseDocument(original), suggestions), original);
    }
    if (!options.quiet) {
      if (options.json) io.stdout.write(toJson({ ...contextJson(context, options), ...suggestJson(suggestions, context, after, target, written) }));
      else io.stdout.write(suggestLines(suggestions, context, after, createColors(io), io.cwd, displayPath(target, io.cwd), written).join('\n') + '\n');
    }
    return ExitCode.Ok;
  });
}

/** --allowlist: the golden rule's ignore file, from BuildKit's reads of the Dockerfile, and with --write, written. */
function runAllowlist(options: SuggestCommandOptions, buildkit: BuildContext | undefined, context: BuildContext, io: Io): number {
  if (buildkit === undefined) throw new UsageError('--allowlist needs the Dockerfile, and BuildKit cannot read it', 'Fix the Dockerfile (`ctxlens lint` names the line), then run again.');
  if (buildkit.inputs.ignoreFile !== context.inputs.ignoreFile) throw new UsageError(`--allowlist: the legacy builder reads ${context.inputs.ignoreFile ?? 'no ignore file'} and BuildKit ${buildkit.inputs.ignoreFile ?? 'none'}`, 'Run it with --builder buildkit.');
  const result = allowlistIgnoreFile(buildkit);
  const target = options.write ? ignoreFileToEdit(context.inputs) : ignoreFilePath(context.inputs);
  let written = false;
  if (options.write && result.text !== undefined) {
    const original = bytesAsRead(buildkit);
    // The allowlist goes above the user's lines, which keep their bytes and line endings.
    const head = result.text.split('\n').slice(0, result.text.split('\n').length - 1 - (buildkit.ignoreFile?.source.lines.length ?? 0));
    let doc = parseDocument(original);
    head.forEach((line, k) => (doc = insertLine(doc, line, k)));
    written = writeDocument(target, doc, original);
  }
  if (!options.quiet) {
    if (options.json) io.stdout.write(toJson({ ...contextJson(context, options), ...allowlistJson(result, buildkit, target, written) }));
    else io.stdout.write(allowlistLines(result, buildkit, createColors(io), displayPath(target, io.cwd), written).join('\n') + '\n');
  }
  return ExitCode.Ok;
}

/** The yargs module of `suggest`. */
export const suggestCommand: CommandFactory<ArgvOf<typeof suggestOptions>> = ({ io, setExitCode }) => ({
  command: 'suggest [dir]',
  describe: 'Propose .dockerignore lines, each with the bytes it saves (from known bloat, secrets and .gitignore)',
  builder: (y: Argv) =>
    y
      .positional('dir', dirPositional)
      .options(suggestOptions)
      .example('$0 suggest', 'show what to add and what each line saves')
      .example('$0 suggest --write', 'append them to .dockerignore, keeping its comments, BOM and line endings')
      .example('$0 suggest --no-gitignore --json', 'category-based suggestions only, as JSON')
      .example('$0 suggest --allowlist --write', 'exclude everything the Dockerfile does not use ("*" then "!" lines), keeping your lines'),
  handler: async (argv: ArgvOf<typeof suggestOptions>) => {
    setExitCode(await runSuggest({ ...toContextArgs(argv, io.env), json: argv.json === true, write: argv.write === true, allowlist: argv.allowlist === true, gitignore: argv.gitignore !== false, limit: argv.limit ?? 20 }, io));
  },
});

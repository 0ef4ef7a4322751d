// Builds the yargs parser with every command and runs it against an Io. Adding a command means
// one new file in commands/ and one line in COMMANDS.
import * as fs from 'node:fs';
import yargs from 'yargs';
import type { CommandContext, CommandFactory } from './commands/command.js';
import { checkCommand } from './commands/check.js';
import { defaultCommand } from './commands/default.js';
import { diffCommand } from './commands/diff.js';
import { explainCommand } from './commands/explain.js';
import { lintCommand } from './commands/lint.js';
import { lsCommand } from './commands/ls.js';
import { operandsAfterDashes } from './commands/operands.js';
import { sizeCommand } from './commands/size.js';
import { suggestCommand } from './commands/suggest.js';
import { COMMAND_NAMES } from './command-names.js';
import { ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { UsageError } from './report-error.js';

/** Every command, in the order `--help` lists them (the default command last). */
const COMMANDS: readonly CommandFactory[] = [lsCommand, sizeCommand, explainCommand, checkCommand, lintCommand, diffCommand, suggestCommand, defaultCommand];

// The bundle (scripts/bundle-cli.mjs) writes the version in: its chunks sit one folder below the
// files tsc emits, so a path to package.json could not serve both.
declare const CTXLENS_VERSION: string | undefined;

function version(): string {
  if (typeof CTXLENS_VERSION === 'string') return CTXLENS_VERSION;
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Creates the parser; its handlers record their exit code through `setExitCode`.
 * @param scanWorkers scan threads started earlier, for the commands that read a whole tree
 * @returns a yargs instance, not parsed yet
 */
export function createCli(io: Io, setExitCode: (code: number) => void, scanWorkers?: CommandContext['scanWorkers']) {
  let cli = yargs()
    .scriptName('ctxlens')
    .usage('$0 [command] [DIR] [options]\n\nSee, explain and shrink your Docker build context: exactly what `docker build` sends, given a .dockerignore.')
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing but errors (the exit code still tells)', global: true })
    .strict()
    // Words after `--` are kept apart in argv['--'], then given to the command's positional.
    .parserConfiguration({ 'populate--': true })
    .exitProcess(false)
    .help()
    .alias('help', 'h')
    .version(version())
    .alias('version', 'V')
    .wrap(Math.min(100, io.columns ?? 100))
    .epilogue('Exit codes: 0 ok or pass, 1 check/lint failed (explain: no path excluded), 2 bad usage or input, 3 internal error.\nNO_COLOR and FORCE_COLOR are honoured. Docs: https://github.com/ctxlens/ctxlens#readme');
  const modules = COMMANDS.map((make) => make({ io, setExitCode, scanWorkers }));
  for (const module of modules) cli = cli.command(module);
  const names = modules.flatMap((m) => (typeof m.command === 'string' ? [m.command] : (m.command ?? [])));
  return cli.middleware(operandsAfterDashes(names), true);
}

/**
 * Parses `argv` and runs the command.
 * @param scanWorkers scan threads started earlier, for the commands that read a whole tree; the caller closes them
 * @returns the exit code
 */
export async function runCli(argv: readonly string[], io: Io, scanWorkers?: CommandContext['scanWorkers']): Promise<number> {
  let code: number = ExitCode.Ok;
  const cli = createCli(io, (c) => (code = c), scanWorkers);
  const result = await new Promise<{ error: Error | undefined; output: string }>((resolve) => {
    // The callback gets a handler's error too; the promise's rejection would repeat it.
    cli.parseAsync([...argv], {}, (error: Error | undefined, _parsed: unknown, output: string) => resolve({ error: error ?? undefined, output })).catch(() => undefined);
  });
  if (result.error) {
    const command = argv.find((a) => !a.startsWith('-')) ?? '';
    // A handler's own usage error (a bad --build-arg) carries a hint; yargs's errors do not.
    const hint = result.error instanceof UsageError && result.error.hint !== undefined ? `  hint: ${result.error.hint}\n` : '';
    io.stderr.write(`ctxlens: ${result.error.message}\n${hint}Run \`ctxlens ${COMMAND_NAMES.has(command) ? `${command} ` : ''}--help\` for usage.\n`);
    return ExitCode.Usage;
  }
  if (result.output) io.stdout.write(result.output.endsWith('\n') ? result.output : result.output + '\n');
  return code;
}


// Operands after `--`. yargs leaves them in argv['--'] (with populate--) and never hands them to a
// command's positionals, so `ls -- /x` listed `.` and `explain -- -rf` saw no path. This gives them
// to the positional the command declares, as a POSIX utility would: after `--` a word is an
// operand even when it starts with a dash.
import type { Arguments } from 'yargs';

/** A command's one positional, as its yargs command string declares it (`ls [dir]`, `explain [paths..]`). */
interface Operand {
  readonly name: string;
  readonly variadic: boolean;
}

/**
 * Reads the positional of a yargs command string.
 * @returns the positional, or undefined when the command takes none
 */
function operandOf(command: string): Operand | undefined {
  const m = /[[<]([\w-]+)(\.\.)?[\]>]/.exec(command);
  return m === null ? undefined : { name: m[1]!, variadic: m[2] !== undefined };
}

/**
 * Builds the global middleware that moves the words after `--` into the command's positional. A
 * single positional that already has a value, or a command without one, gets none: the words go
 * back to argv._, where strict mode reports them as unknown arguments, exactly as it reports
 * `ls a b`. The positional must have no yargs default, or a given value could not be told from it.
 * @param commands the command strings, the default one (`$0 …`) included
 * @returns the middleware, to run before validation
 */
export function operandsAfterDashes(commands: readonly string[]): (argv: Arguments) => void {
  const byName = new Map<string, Operand | undefined>();
  for (const command of commands) byName.set(command.split(' ')[0]!, operandOf(command));
  return (argv) => {
    const rest = (argv['--'] as unknown[] | undefined)?.map(String) ?? [];
    delete argv['--'];
    if (rest.length === 0) return;
    const name = argv._.length === 0 ? '$0' : String(argv._[0]);
    const operand = byName.has(name) ? byName.get(name) : byName.get('$0');
    if (operand?.variadic) {
      argv[operand.name] = [...((argv[operand.name] as unknown[] | undefined) ?? []).map(String), ...rest];
      return;
    }
    if (operand !== undefined && argv[operand.name] === undefined) argv[operand.name] = rest.shift();
    argv._.push(...rest);
  };
}

// The commands' names, apart from their modules: the bin needs them before it loads any command.

/** Every named command (the default command has none). */
export const COMMAND_NAMES: ReadonlySet<string> = new Set(['ls', 'size', 'explain', 'check', 'lint', 'diff', 'suggest']);

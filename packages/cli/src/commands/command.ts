// The shape every command file exports: a factory that receives the Io and a way to hand back the
// exit code, and returns a yargs command module whose handler only parses argv and calls run<Name>.
import type { ScanWorkers } from '@ctxlens/core/internal';
import type { CommandModule } from 'yargs';
import type { Io } from '../io.js';

/** What the CLI gives each command. */
export interface CommandContext {
  readonly io: Io;
  /** Records the command's exit code (yargs handlers cannot return one). */
  setExitCode(code: number): void;
  /** Scan threads the bin started before the parser loaded (see bin.ts); the bin closes them. */
  readonly scanWorkers?: ScanWorkers | undefined;
}

/** Builds one yargs command module; `Args` is the parsed argv its handler receives. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandFactory<Args = any> = (ctx: CommandContext) => CommandModule<object, Args>;

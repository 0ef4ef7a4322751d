// Options every command shares, declared once so yargs and the TypeScript types agree.
import type { Builder, ContextOptions } from '@ctxlens/core';
import type { InferredOptionTypes, Options } from 'yargs';
import type { Io } from '../io.js';

/**
 * The `[DIR]` positional: the build context, as given to `docker build`. No yargs default (toContextArgs
 * applies `.`): a default would hide whether DIR was given, which `ls -- DIR` must know (operands.ts).
 */
export const dirPositional = {
  type: 'string',
  describe: 'Build context directory (what you pass to `docker build`) [default: .]',
} as const;

/** -f, --builder and --ignore-file. */
export const contextOptions = {
  file: {
    alias: 'f',
    type: 'string',
    requiresArg: true,
    describe: 'Dockerfile, like `docker build -f` (relative to the current directory) [default: DIR/Dockerfile]',
  },
  builder: {
    type: 'string',
    choices: ['buildkit', 'legacy'],
    describe: 'Which builder\'s rules to reproduce [default: legacy when DOCKER_BUILDKIT=0 is set, as docker build does; else buildkit]',
  },
  'ignore-file': {
    type: 'string',
    requiresArg: true,
    describe: 'Use this ignore file instead of the one Docker would pick',
  },
} as const;

/** --json. */
export const jsonOption = {
  json: { type: 'boolean', default: false, describe: 'Print a JSON document (stable schema, see README)' },
} as const;

/** The context a command works on. */
export interface ContextArgs {
  /** Context directory, relative to the current directory. */
  readonly dir: string;
  readonly dockerfile?: string | undefined;
  readonly builder: Builder;
  readonly ignoreFile?: string | undefined;
}

/** Options that every command accepts. */
export interface CommonArgs {
  /** Print nothing but errors. */
  readonly quiet: boolean;
}

/** The parsed shape of the shared options, as yargs hands them over. */
export interface SharedArgv {
  /** The script name yargs always sets (also keeps this all-optional type from being a "weak" type). */
  readonly $0: string;
  readonly dir?: string | undefined;
  readonly file?: string | undefined;
  readonly builder?: string | undefined;
  readonly 'ignore-file'?: string | undefined;
  readonly quiet?: boolean | undefined;
}

/**
 * The builder `docker build` would use: the legacy one when DOCKER_BUILDKIT is set to a false
 * value (docker/cli reads it with strconv.ParseBool), else BuildKit.
 * @returns the builder
 */
export function defaultBuilder(env: Io['env']): Builder {
  return /^(0|f|F|false|FALSE|False)$/.test(env.DOCKER_BUILDKIT ?? '') ? 'legacy' : 'buildkit';
}

/**
 * Reads the shared options out of parsed arguments.
 * @returns the context arguments with defaults applied
 */
export function toContextArgs(argv: SharedArgv, env: Io['env'] = {}): ContextArgs & CommonArgs {
  return {
    dir: argv.dir ?? '.',
    dockerfile: argv.file,
    builder: argv.builder === 'legacy' || argv.builder === 'buildkit' ? argv.builder : defaultBuilder(env),
    ignoreFile: argv['ignore-file'],
    quiet: argv.quiet === true,
  };
}

/**
 * The core options for these arguments.
 * @returns options for computeContext and friends
 */
export function coreOptions(args: ContextArgs, io: Io, extra: Partial<ContextOptions> = {}): ContextOptions {
  return {
    builder: args.builder,
    cwd: io.cwd,
    // Bridge until the CLI shows BuildKit's send set (issue 11: --target, --build-arg, -f -, the
    // transfer figure): it keeps showing the whole eligible context, as if the Dockerfile ran COPY . .
    wholeContext: true,
    ...(args.dockerfile === undefined ? {} : { dockerfile: args.dockerfile }),
    ...(args.ignoreFile === undefined ? {} : { ignoreFile: args.ignoreFile }),
    ...extra,
  };
}

/**
 * The parsed arguments of a command, typed from its option table (one source for yargs and TypeScript).
 */
export type ArgvOf<O extends Record<string, Options>> = SharedArgv & InferredOptionTypes<O>;

// Options every command shares, declared once so yargs and the TypeScript types agree.
import type { Builder, ContextOptions } from '@ctxlens/core';
import type { InferredOptionTypes, Options } from 'yargs';
import type { Io } from '../io.js';
import { UsageError } from '../report-error.js';

/**
 * The `[DIR]` positional: the build context, as given to `docker build`. No yargs default (toContextArgs
 * applies `.`): a default would hide whether DIR was given, which `ls -- DIR` must know (operands.ts).
 */
export const dirPositional = {
  type: 'string',
  describe: 'Build context directory (what you pass to `docker build`) [default: .]',
} as const;

/** -f, --builder, --ignore-file, --target, --build-arg and --whole-context. */
export const contextOptions = {
  file: {
    alias: 'f',
    type: 'string',
    requiresArg: true,
    describe: 'Dockerfile, like `docker build -f` (relative to the current directory; `-` reads it from stdin, the context still comes from DIR) [default: DIR/Dockerfile]',
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
  target: {
    type: 'string',
    requiresArg: true,
    describe: 'Stage to build, like `docker build --target`: BuildKit sends only what the stages it needs read (the legacy builder uploads the whole filtered context anyway) [default: the last stage]',
  },
  'build-arg': {
    type: 'string',
    array: true,
    requiresArg: true,
    describe: 'K=V, repeatable, like `docker build --build-arg`; K alone takes the value from the environment when set. Can change what COPY and ADD read under BuildKit (not what the legacy builder uploads)',
  },
  'whole-context': {
    type: 'boolean',
    default: false,
    describe: 'Show the whole eligible context, as if the Dockerfile ran `COPY . .`, instead of the paths its instructions read (BuildKit)',
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
  /** `--target`: the stage to build (BuildKit sends what its stages read). */
  readonly target?: string;
  /** `--build-arg`, parsed (parseBuildArgs). */
  readonly buildArgs: Readonly<Record<string, string>>;
  /** `--whole-context`: the whole eligible context, as if the Dockerfile ran `COPY . .`. */
  readonly wholeContext: boolean;
  /** The Dockerfile's content, read from stdin for `-f -` (withStdinDockerfile). */
  readonly dockerfileText?: string;
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
  readonly target?: string | undefined;
  readonly 'build-arg'?: readonly (string | number)[] | undefined;
  readonly 'whole-context'?: boolean | undefined;
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
    ...(argv.target === undefined || argv.target === '' ? {} : { target: argv.target }),
    buildArgs: parseBuildArgs((argv['build-arg'] ?? []).map(String), env),
    wholeContext: argv['whole-context'] === true,
    quiet: argv.quiet === true,
  };
}

/**
 * Reads `--build-arg` values as buildx does: `K=V` sets K (the last one wins), `K` alone takes K's
 * value from the environment when it is set and is left unset otherwise.
 * @returns the build args
 * @throws UsageError for a value with no name (`=V`), with buildx's wording
 */
export function parseBuildArgs(values: readonly string[], env: Io['env']): Record<string, string> {
  const args: Record<string, string> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    const key = eq < 0 ? value : value.slice(0, eq);
    if (key === '') throw new UsageError(`invalid key-value pair "${value}": empty key`, 'Write --build-arg NAME=value (or NAME alone, to take its value from the environment).');
    if (eq >= 0) args[key] = value.slice(eq + 1);
    else if (env[key] !== undefined) args[key] = env[key];
  }
  return args;
}

/** The `-f` value that reads the Dockerfile from stdin, as in `docker build -f -`. */
export const STDIN_DOCKERFILE = '-';

/**
 * The arguments with the Dockerfile read from stdin when `-f -` asks for it (read once: arguments
 * that already hold it are returned as they are).
 * @returns the arguments, with `dockerfileText` set for `-f -`
 */
export async function withStdinDockerfile<A extends ContextArgs>(args: A, io: Io): Promise<A> {
  if (args.dockerfile !== STDIN_DOCKERFILE || args.dockerfileText !== undefined) return args;
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return { ...args, dockerfileText: Buffer.concat(chunks).toString('utf8') };
}

/**
 * The core options for these arguments.
 * @returns options for computeContext and friends
 */
export function coreOptions(args: ContextArgs, io: Io, extra: Partial<ContextOptions> = {}): ContextOptions {
  return {
    builder: args.builder,
    cwd: io.cwd,
    wholeContext: args.wholeContext,
    buildArgs: args.buildArgs,
    ...(args.target === undefined ? {} : { target: args.target }),
    ...(args.dockerfileText === undefined ? {} : { dockerfileText: args.dockerfileText }),
    ...(args.dockerfile === undefined || args.dockerfile === STDIN_DOCKERFILE ? {} : { dockerfile: args.dockerfile }),
    ...(args.ignoreFile === undefined ? {} : { ignoreFile: args.ignoreFile }),
    ...extra,
  };
}

/**
 * The parsed arguments of a command, typed from its option table (one source for yargs and TypeScript).
 */
export type ArgvOf<O extends Record<string, Options>> = SharedArgv & InferredOptionTypes<O>;

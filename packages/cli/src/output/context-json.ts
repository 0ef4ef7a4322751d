// The block every JSON document uses to say which context, Dockerfile, ignore file, builder and
// build options it describes, and what BuildKit asks for.
import type { BuildContext, SendScope } from '@ctxlens/core';

/** The build options that choose BuildKit's send set, as the user gave them. */
export interface RequestArgs {
  /** `-f` as given (`-` when the Dockerfile came from stdin). */
  readonly dockerfile?: string | undefined;
  readonly target?: string | undefined;
  readonly buildArgs?: Readonly<Record<string, string>> | undefined;
}

/** Where a context came from, for JSON output. */
export interface ContextJson {
  readonly builder: string;
  /** Absolute, symlink-resolved context directory. */
  readonly contextDir: string;
  /** Absolute path of the Dockerfile, or `-` when it was read from stdin (`-f -`). */
  readonly dockerfile: string;
  /** Absolute path of the ignore file in use, or null when there is none. */
  readonly ignoreFile: string | null;
  /** `--target`, or null for the last stage. */
  readonly target: string | null;
  /** `--build-arg` values, after reading `K` alone from the environment. */
  readonly buildArgs: Readonly<Record<string, string>>;
  /** BuildKit: what it asks for (`none`, `whole`, `paths`); null under the legacy builder, which uploads the whole filtered context. */
  readonly scope: SendScope | null;
  /** Why the whole context (scope `whole`): `dockerfile` (a read of the root), `option` (--whole-context), `no-dockerfile`; else null. */
  readonly wholeBecause: string | null;
  /** Scope `paths`: the paths BuildKit asks the client for; else null. */
  readonly requestedPaths: readonly string[] | null;
}

/**
 * Describes a context's inputs and BuildKit's request.
 * @returns the JSON block
 */
export function contextJson(ctx: BuildContext, args: RequestArgs = {}): ContextJson {
  return {
    builder: ctx.builder,
    contextDir: ctx.inputs.contextDir,
    dockerfile: args.dockerfile === '-' ? '-' : ctx.inputs.dockerfile,
    ignoreFile: ctx.inputs.ignoreFile ?? null,
    target: args.target ?? null,
    buildArgs: args.buildArgs ?? {},
    scope: ctx.plan?.scope ?? null,
    wholeBecause: ctx.plan?.wholeBecause ?? null,
    requestedPaths: ctx.plan?.followPaths ?? null,
  };
}

// The block every JSON document uses to say which context, Dockerfile, ignore file and builder it describes.
import type { BuildContext } from '@ctxlens/core';

/** Where a context came from, for JSON output. */
export interface ContextJson {
  readonly builder: string;
  /** Absolute, symlink-resolved context directory. */
  readonly contextDir: string;
  readonly dockerfile: string;
  /** Absolute path of the ignore file in use, or null when there is none. */
  readonly ignoreFile: string | null;
}

/**
 * Describes a context's inputs.
 * @returns the JSON block
 */
export function contextJson(ctx: BuildContext): ContextJson {
  return {
    builder: ctx.builder,
    contextDir: ctx.inputs.contextDir,
    dockerfile: ctx.inputs.dockerfile,
    ignoreFile: ctx.inputs.ignoreFile ?? null,
  };
}

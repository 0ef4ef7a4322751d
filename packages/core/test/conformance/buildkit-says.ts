// What ctxlens says a BuildKit build does with a context: the entries sent, the figure, and
// whether the build fails. Shared by the real-BuildKit suite and by ctxlens-as-user.ts, which runs
// it as the unprivileged user a client meets unreadable files as.
import { type BuildContext, computeContext, CtxlensError } from '@ctxlens/core';
import { sortByteOrder } from '../../src/inventory/sort-names.js';

/** One build to predict. */
export interface BuildkitQuestion {
  readonly dir: string;
  readonly dockerfile: string;
  readonly target: string | undefined;
  readonly buildArgs: Readonly<Record<string, string>>;
}

/** What ctxlens predicts. */
export interface BuildkitAnswer {
  readonly paths: string[];
  readonly bytes: number;
  readonly fails: boolean;
  readonly loads: boolean;
  readonly why: string;
}

/**
 * Runs ctxlens's BuildKit model on one build, in this process (so with this process's rights).
 * @returns the entries sent (byte order), the figure, and whether the build fails
 */
export async function ctxlensSays(q: BuildkitQuestion): Promise<BuildkitAnswer> {
  let ctx: BuildContext;
  try {
    ctx = await computeContext(q.dir, { builder: 'buildkit', dockerfileText: q.dockerfile, buildArgs: q.buildArgs, ...(q.target === undefined ? {} : { target: q.target }) });
  } catch (error) {
    if (!(error instanceof CtxlensError)) throw error;
    return { paths: [], bytes: 0, fails: true, loads: false, why: error.message };
  }
  const missing = ctx.diagnostics.find((d) => d.code === 'buildkit-source-missing');
  return {
    paths: sortByteOrder(ctx.entries().map((e) => e.path)),
    bytes: ctx.sizes.transferBytes ?? 0,
    fails: missing !== undefined,
    loads: ctx.plan?.scope !== 'none',
    why: missing?.message ?? '',
  };
}

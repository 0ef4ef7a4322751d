// The context `suggest` works on, with what the Dockerfile uses. The uses come from BuildKit's reads
// of the Dockerfile, which are the same for the legacy builder: under --builder legacy the context is
// the legacy builder's rules evaluated on BuildKit's inventory, so the per-entry marks line up.
import { analyzeUsage, type BuildContext, computeContextWithBaseline, CtxlensError, evaluateRules, type SizeComparison, type UsageAnalysis } from '@ctxlens/core';
import { loadBuilderRules, otherBuilderContext } from '@ctxlens/core/internal';
import type { Io } from '../io.js';
import { loadComparison, type Loudness, printDiagnostics } from './load-context.js';
import { type ContextArgs, coreOptions, withStdinDockerfile } from './shared-options.js';

/** The builder's context, and BuildKit's view of the Dockerfile when it could be read. */
export interface GuardedContext {
  readonly context: BuildContext;
  /** The context and the same directory without the ignore file, for the size table. */
  readonly sizes: SizeComparison;
  /** BuildKit's context over the same inventory, or undefined when BuildKit cannot read the Dockerfile. */
  readonly buildkit: BuildContext | undefined;
  /** What the Dockerfile uses; undefined without a Dockerfile, with --whole-context, or when BuildKit refuses it. */
  readonly usage: UsageAnalysis | undefined;
  /** Why there is no usage, for a note on stderr. */
  readonly unguarded: string | undefined;
}

/**
 * Loads the context (complete inventory) with BuildKit's analysis of the Dockerfile.
 * @returns the context of the builder asked for, BuildKit's context and the usage
 */
export async function loadGuardedContext(options: ContextArgs, io: Io, loud: Loudness): Promise<GuardedContext> {
  const args = await withStdinDockerfile(options, io);
  if (args.builder === 'buildkit') {
    const sizes = await loadComparison(args, io, loud);
    const { context } = sizes;
    const usage = context.plan?.requests === undefined ? undefined : analyzeUsage(context);
    return { context, sizes, buildkit: context, usage, unguarded: usage === undefined ? 'the Dockerfile was not read' : undefined };
  }
  let buildkit: BuildContext;
  try {
    // Read directly, printing nothing: the diagnostics shown are the legacy builder's, below.
    ({ context: buildkit } = await computeContextWithBaseline(args.dir, coreOptions({ ...args, builder: 'buildkit' }, io)));
  } catch (error) {
    if (!(error instanceof CtxlensError)) throw error;
    const sizes = await loadComparison(args, io, loud);
    return { context: sizes.context, sizes, buildkit: undefined, usage: undefined, unguarded: `BuildKit cannot read the Dockerfile (${error.message})` };
  }
  const context = otherBuilderContext(buildkit, loadBuilderRules(args.dir, coreOptions(args, io)));
  // Evaluated from BuildKit's inputs: its note that it reads no ignore file through a link out of
  // the context is BuildKit's alone (the legacy client follows the link).
  printDiagnostics(context.diagnostics.filter((d) => d.code !== 'ignore-file-link-outside-context'), io, loud);
  const usage = buildkit.plan?.requests === undefined ? undefined : analyzeUsage(buildkit);
  // Without an ignore file the legacy builder sends every entry (its forced exceptions change nothing then).
  const sizes = { context, unfilteredSizes: evaluateRules(buildkit, { rules: [], builder: 'legacy' }).sizes };
  return { context, sizes, buildkit, usage, unguarded: usage === undefined ? 'the Dockerfile was not read' : undefined };
}

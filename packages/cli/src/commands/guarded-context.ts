// The context `suggest` works on, with what the Dockerfile uses. The uses come from BuildKit's reads
// of the Dockerfile, which are the same for the legacy builder: under --builder legacy the context is
// the legacy builder's rules evaluated on BuildKit's inventory, so the per-entry marks line up.
import { analyzeUsage, type BuildContext, computeContext, computeContextWithBaseline, CtxlensError, evaluateRules, type SizeComparison, type UsageAnalysis } from '@ctxlens/core';
import { loadBuilderRules, otherBuilderContext } from '@ctxlens/core/internal';
import type { Io } from '../io.js';
import { loadComparison, loadContext, type Loudness, printDiagnostics } from './load-context.js';
import { type ContextArgs, coreOptions, withStdinDockerfile } from './shared-options.js';
import type { TreeRead } from './tree-read.js';

/** The builder's context, and BuildKit's view of the Dockerfile when it could be read. */
export interface GuardedContext {
  readonly context: BuildContext;
  /** BuildKit's context over the same inventory, or undefined when BuildKit cannot read the Dockerfile. */
  readonly buildkit: BuildContext | undefined;
  /** What the Dockerfile uses; undefined without a Dockerfile, with --whole-context, or when BuildKit refuses it. */
  readonly usage: UsageAnalysis | undefined;
  /** Why there is no usage, for a note on stderr. */
  readonly unguarded: string | undefined;
}

/** A guarded context read whole, with the sizes the summary's table shows. */
export interface GuardedSizes extends GuardedContext {
  /** The context and the same directory without the ignore file, for the size table. */
  readonly sizes: SizeComparison;
}

/**
 * Loads the context with BuildKit's analysis of the Dockerfile, reading the whole tree (a complete
 * inventory), or with `read` 'sent' only what the builders walk: BuildKit's send set, what the
 * ignore file lets through (the eligible entries, read when an analysis asks for them) and, under
 * --builder legacy, the legacy walk. The inventory then grows as each walk reads; an entry a later
 * walk reads counts as not reached by the earlier ones, which is what they decided.
 * @returns the context of the builder asked for, BuildKit's context and the usage (and with the
 *   whole read, the sizes without the ignore file)
 */
export async function loadGuardedContext(options: ContextArgs, io: Io, loud: Loudness): Promise<GuardedSizes>;
export async function loadGuardedContext(options: ContextArgs, io: Io, loud: Loudness, read: TreeRead): Promise<GuardedContext>;
export async function loadGuardedContext(options: ContextArgs, io: Io, loud: Loudness, read: TreeRead = 'whole'): Promise<GuardedContext | GuardedSizes> {
  const args = await withStdinDockerfile(options, io);
  const loadOwn = async (): Promise<{ context: BuildContext; sizes: SizeComparison | undefined }> => {
    if (read === 'sent') return { context: await loadContext(args, io, loud), sizes: undefined };
    const sizes = await loadComparison(args, io, loud);
    return { context: sizes.context, sizes };
  };
  if (args.builder === 'buildkit') {
    const { context, sizes } = await loadOwn();
    const usage = context.plan?.requests === undefined ? undefined : analyzeUsage(context);
    return { context, ...(sizes === undefined ? {} : { sizes }), buildkit: context, usage, unguarded: usage === undefined ? 'the Dockerfile was not read' : undefined };
  }
  let buildkit: BuildContext;
  try {
    // Read directly, printing nothing: the diagnostics shown are the legacy builder's, below.
    const core = coreOptions({ ...args, builder: 'buildkit' }, io);
    buildkit = read === 'sent' ? await computeContext(args.dir, core) : (await computeContextWithBaseline(args.dir, core)).context;
  } catch (error) {
    if (!(error instanceof CtxlensError)) throw error;
    const { context, sizes } = await loadOwn();
    return { context, ...(sizes === undefined ? {} : { sizes }), buildkit: undefined, usage: undefined, unguarded: `BuildKit cannot read the Dockerfile (${error.message})` };
  }
  const context = otherBuilderContext(buildkit, loadBuilderRules(args.dir, coreOptions(args, io)));
  // Evaluated from BuildKit's inputs: its note that it reads no ignore file through a link out of
  // the context is BuildKit's alone (the legacy client follows the link).
  printDiagnostics(context.diagnostics.filter((d) => d.code !== 'ignore-file-link-outside-context'), io, loud);
  const usage = buildkit.plan?.requests === undefined ? undefined : analyzeUsage(buildkit);
  const unguarded = usage === undefined ? 'the Dockerfile was not read' : undefined;
  if (read === 'sent') return { context, buildkit, usage, unguarded };
  // Without an ignore file the legacy builder sends every entry (its forced exceptions change nothing then).
  const sizes = { context, unfilteredSizes: evaluateRules(buildkit, { rules: [], builder: 'legacy' }).sizes };
  return { context, sizes, buildkit, usage, unguarded };
}

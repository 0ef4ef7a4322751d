// Reading the context from disk, with the progress line and Docker's diagnostics on stderr.
import { type BuildContext, computeContext, computeContextWithBaseline, type ContextComparison, type Diagnostic, measureContext, type SizeComparison } from '@ctxlens/core';
import type { Io } from '../io.js';
import { createProgress } from '../output/progress.js';
import { type ContextArgs, coreOptions } from './shared-options.js';

/** How loud a command is. */
export interface Loudness {
  readonly quiet: boolean;
  readonly json: boolean;
}

async function withProgress<T>(io: Io, loud: Loudness, run: (onProgress: ReturnType<typeof createProgress>['onProgress']) => Promise<T>): Promise<T> {
  const progress = createProgress(io, !loud.quiet && !loud.json);
  try {
    return await run(progress.onProgress);
  } finally {
    progress.done();
  }
}

/**
 * Computes the context only (reads only what the builder reads). Its walk state arrays may not
 * cover entries read during the walk, so use it only for entries() and sizes.
 * @returns the build context
 */
export async function loadContext(args: ContextArgs, io: Io, loud: Loudness): Promise<BuildContext> {
  const ctx = await withProgress(io, loud, (onProgress) => computeContext(args.dir, coreOptions(args, io, { onProgress })));
  printDiagnostics(ctx.diagnostics, io, loud);
  return ctx;
}

/**
 * Computes the context and the context without the ignore file, from one full read of the tree.
 * @returns both contexts, sharing one complete inventory
 */
export async function loadComparison(args: ContextArgs, io: Io, loud: Loudness): Promise<ContextComparison> {
  const both = await withProgress(io, loud, (onProgress) => computeContextWithBaseline(args.dir, coreOptions(args, io, { onProgress })));
  printDiagnostics(both.context.diagnostics, io, loud);
  return both;
}

/**
 * Computes the context and the size without the ignore file: the whole tree is read once, but only
 * what the builder walks is recorded, so use it when sizes are all the command needs.
 * @returns the context and the unfiltered totals
 */
export async function loadSizes(args: ContextArgs, io: Io, loud: Loudness): Promise<SizeComparison> {
  const both = await withProgress(io, loud, (onProgress) => measureContext(args.dir, coreOptions(args, io, { onProgress })));
  printDiagnostics(both.context.diagnostics, io, loud);
  return both;
}

/**
 * Prints what Docker would tolerate or do silently: errors always, the rest unless quiet.
 * @returns nothing
 */
export function printDiagnostics(diagnostics: readonly Diagnostic[], io: Io, loud: Loudness): void {
  for (const d of diagnostics) {
    if (d.severity === 'info') continue;
    if (loud.quiet && d.severity !== 'error') continue;
    io.stderr.write(`ctxlens: ${d.severity}: ${d.message}\n`);
  }
}

// Reading the context from disk, with the progress line and Docker's diagnostics on stderr.
import { type BuildContext, computeContext, computeContextWithBaseline, type ContextComparison, type ContextOptions, type Diagnostic, measureContext, type SizeComparison } from '@ctxlens/core';
import type { ScanWorkers } from '@ctxlens/core/internal';
import type { Io } from '../io.js';
import { createProgress } from '../output/progress.js';
import { type ContextArgs, coreOptions, withStdinDockerfile } from './shared-options.js';

/** How loud a command is. */
export interface Loudness {
  readonly quiet: boolean;
  readonly json: boolean;
}

/** Runs one of the core's reads with the progress line, then prints the context's diagnostics. */
async function load<T>(args: ContextArgs, io: Io, loud: Loudness, read: (dir: string, options: ContextOptions) => Promise<T>, contextOf: (result: T) => BuildContext): Promise<T> {
  const withDockerfile = await withStdinDockerfile(args, io);
  const progress = createProgress(io, !loud.quiet && !loud.json);
  let result: T;
  try {
    result = await read(args.dir, coreOptions(withDockerfile, io, { onProgress: progress.onProgress }));
  } finally {
    progress.done();
  }
  printDiagnostics(contextOf(result).diagnostics, io, loud);
  return result;
}

/**
 * Computes the context only, reading only what the builder walks (what `ls` reads). Enough for
 * anything about what is sent or eligible: an analysis that walks further (the eligible entries,
 * another builder's rules) reads what it needs, and the earlier walks count those entries as not
 * reached. Not for what the ignore file excludes (use loadComparison).
 * @returns the build context
 */
export function loadContext(args: ContextArgs, io: Io, loud: Loudness): Promise<BuildContext> {
  return load(args, io, loud, computeContext, (ctx) => ctx);
}

/**
 * Computes the context and the context without the ignore file, from one full read of the tree.
 * @returns both contexts, sharing one complete inventory
 */
export function loadComparison(args: ContextArgs, io: Io, loud: Loudness): Promise<ContextComparison> {
  return load(args, io, loud, computeContextWithBaseline, (both) => both.context);
}

/**
 * Computes the context and the size without the ignore file: the whole tree is read once, but only
 * what the builder walks is recorded, so use it when sizes are all the command needs.
 * @param workers scan threads started earlier, or undefined to let the core start them
 * @returns the context and the unfiltered totals
 */
export function loadSizes(args: ContextArgs, io: Io, loud: Loudness, workers?: ScanWorkers): Promise<SizeComparison> {
  return load(args, io, loud, (dir, options) => measureContext(dir, options, workers ? { workers } : {}), (both) => both.context);
}

/** Notes that change what every command shows under BuildKit, printed on stderr. */
const SHOWN_NOTES = new Set(['no-dockerfile', 'no-context-use']);

/**
 * Prints what Docker would tolerate or do silently: errors always, the rest unless quiet.
 * @returns nothing
 */
export function printDiagnostics(diagnostics: readonly Diagnostic[], io: Io, loud: Loudness): void {
  for (const d of diagnostics) {
    // What is shown depends on these two: no Dockerfile (the whole eligible context stands in), or one that reads no context.
    if (d.severity === 'info' && !SHOWN_NOTES.has(d.code)) continue;
    if (d.severity === 'info') {
      if (!loud.quiet && !loud.json) io.stderr.write(`ctxlens: note: ${d.message}\n`);
      continue;
    }
    if (loud.quiet && d.severity !== 'error') continue;
    io.stderr.write(`ctxlens: ${d.severity}: ${d.message}\n`);
  }
}

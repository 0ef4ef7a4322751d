import { AbortError } from '../errors.js';
import { Inventory } from '../inventory/inventory.js';
import { type ParallelScanOptions, scanAllParallel, scanParallel } from '../inventory/parallel-scan.js';
import { readInSlices } from '../inventory/scan-slices.js';
import { type ScanWorkers, startScanWorkers } from '../inventory/scan-workers.js';
import { nodeFs } from '../fs-adapter.js';
import { type Builder, type ContextOptions, resolveOptions, type ResolvedOptions } from '../options.js';
import type { SubtreeTally } from '../inventory/tally.js';
import { guessPrunedDirectory } from '../walk/enter-excluded.js';
import { type BuildContext, checkContextArgument } from './build-context.js';
import { evaluate, evaluateUnfiltered } from './evaluate.js';
import { type BuildInputs, resolveInputs } from './resolve-inputs.js';
import { builderPatternSet, extraRules as toRawRules, loadRules, type RuleSource } from './rule-set.js';
import { planSend, type SendPlan } from './send-plan.js';
import type { ContextSizes } from './sizes.js';
import { recordedTotals, unfilteredSizes } from './unfiltered-sizes.js';
import { ACCEPTS, checkArgument, checkStringList } from '../validate.js';

function newInventory(root: string, options: ResolvedOptions): Inventory {
  const inv = new Inventory(root, options.fs);
  inv.signal = options.signal;
  const report = options.onProgress;
  if (report) {
    const started = performance.now();
    inv.onProgress = (entries, bytes) => report({ entries, bytes, elapsedMs: performance.now() - started });
  }
  return inv;
}

function guard<T>(options: ResolvedOptions, run: () => T): T {
  if (options.signal?.aborted) throw new AbortError();
  try {
    return run();
  } catch (error) {
    if (options.signal?.aborted) throw new AbortError();
    throw error;
  }
}

async function guardAsync<T>(options: ResolvedOptions, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (options.signal?.aborted) throw new AbortError();
    throw error;
  }
}

function evaluateFromDisk(inv: Inventory, resolved: ResolvedOptions, inputs: BuildInputs, source: RuleSource, plan: SendPlan | undefined): BuildContext {
  return evaluate(inv, { builder: resolved.builder, inputs, source, checkReadable: resolved.checkReadable, accessRead: resolved.fs.accessRead, plan });
}

/**
 * A guess, for reading ahead, of the directories BuildKit's walk enters for a plan: those on the
 * way to or below a requested path; every one when a request holds a glob (fsutil then walks them
 * all) or the whole context is asked for; none when nothing is. Symlink targets are left to the walk.
 */
function requestedDirectory(plan: SendPlan | undefined): (dirPath: string) => boolean {
  if (plan === undefined || plan.scope === 'whole') return () => true;
  if (plan.scope === 'none') return () => false;
  const paths = plan.followPaths ?? [];
  if (paths.some((p) => /[*?[\\]/.test(p))) return () => true;
  return (dir) => dir === '' || paths.some((p) => p === dir || p.startsWith(dir + '/') || dir.startsWith(p + '/'));
}

/** BuildKit's request for this build, from the Dockerfile; the legacy builder has none. */
function planFor(resolved: ResolvedOptions, inputs: BuildInputs): SendPlan | undefined {
  return resolved.builder === 'buildkit' ? planSend(resolved, inputs) : undefined;
}

/**
 * Computes the exact build context Docker would send for a directory: reads the ignore file Docker
 * would read, walks the tree the way the chosen builder walks it (pruning what it prunes), and
 * records what is sent. Under BuildKit it also reads the Dockerfile: only the paths the target's
 * instructions read are sent (and only those parts of the tree are read), nothing when it reads none.
 * @example
 * const ctx = await computeContext('.', { builder: 'legacy' });
 * console.log(ctx.sizes.dockerSize, ctx.filePaths().length);
 * @returns the build context
 * @throws InputError for a missing context, Dockerfile or ignore file
 * @throws IgnoreFileError for rules Docker rejects
 * @throws DockerfileError (BuildKit) for a Dockerfile BuildKit refuses, with its message and line
 * @throws AbortError when `options.signal` fires
 */
export async function computeContext(contextDir: string, options: ContextOptions = {}): Promise<BuildContext> {
  const resolved = resolveOptions(contextDir, options);
  const { inputs, source, inv, pruned, plan } = guard(resolved, () => prepare(resolved));
  // The walk reads directories lazily and synchronously, so it would hold the event loop (and any
  // abort) for the whole read. What it will read is read first, in slices; a directory guessed
  // wrong is still read by the walk itself. Under BuildKit that is only what the Dockerfile asks for.
  const requested = requestedDirectory(plan);
  await guardAsync(resolved, () => readInSlices(inv, { enter: (dir) => requested(inv.path(dir)) && !pruned(inv.path(dir)) }));
  return guard(resolved, () => evaluateFromDisk(inv, resolved, inputs, source, plan));
}

/** Docker's inputs and rules, BuildKit's request, a fresh inventory, and a guess of the directories the builder prunes. */
function prepare(resolved: ResolvedOptions): { inputs: BuildInputs; source: RuleSource; inv: Inventory; pruned: (dirPath: string) => boolean; plan: SendPlan | undefined } {
  const inputs = resolveInputs(resolved);
  const source = loadRules(inputs, resolved);
  const set = builderPatternSet(source.rules, resolved.builder, inputs);
  return { inputs, source, inv: newInventory(inputs.contextDir, resolved), pruned: guessPrunedDirectory(set, resolved.builder), plan: planFor(resolved, inputs) };
}

/** A context, and the totals of the same directory without the ignore file. */
export interface SizeComparison {
  readonly context: BuildContext;
  /** The totals of every entry, as if there were no ignore file. */
  readonly unfilteredSizes: ContextSizes;
}

/** A context and the same directory without any ignore file, from one read of the disk. */
export interface ContextComparison extends SizeComparison {
  /** Every entry, as if there were no ignore file. */
  readonly unfiltered: BuildContext;
}

/**
 * Computes the context and the context without the ignore file, reading the whole tree once. The
 * context's inventory then holds every entry, so rule changes can be evaluated without the disk.
 * @returns both contexts, sharing one inventory
 */
export async function computeContextWithBaseline(contextDir: string, options: ContextOptions = {}): Promise<ContextComparison> {
  const resolved = resolveOptions(contextDir, options);
  const { inputs, source, inv, plan } = guard(resolved, () => {
    const inputs = resolveInputs(resolved);
    return { inputs, source: loadRules(inputs, resolved), inv: newInventory(inputs.contextDir, resolved), plan: planFor(resolved, inputs) };
  });
  await guardAsync(resolved, () => scanAllParallel(inv));
  return guard(resolved, () => {
    const unfiltered = evaluateUnfiltered(inv, resolved.builder, inputs);
    return {
      context: evaluateFromDisk(inv, resolved, inputs, source, plan),
      unfiltered,
      get unfilteredSizes() {
        return unfiltered.sizes;
      },
    };
  });
}

/**
 * Computes the context and the size of the directory without the ignore file, reading the whole
 * tree once, on two threads, but recording only what the builder walks: subtrees it prunes
 * (node_modules, .git) are only summed. Faster and smaller than computeContextWithBaseline when
 * sizes are all you need; the context's inventory is incomplete, so evaluate other rules on
 * computeContextWithBaseline's instead.
 * @example
 * const { context, unfilteredSizes } = await measureContext('.');
 * console.log(`${context.sizes.dockerSize} instead of ${unfilteredSizes.dockerSize}`);
 * @param scan thread count, the size below which one thread reads alone, and the entries per task
 *   (tests force threads and small tasks with these); `workers` started earlier with
 *   startScanWorkers, which the caller then closes (the ctxlens CLI starts them before it parses its
 *   arguments; @ctxlens/core/internal, no semver promise)
 * @returns the context and the unfiltered totals
 */
export async function measureContext(contextDir: string, options: ContextOptions = {}, scan: Pick<ParallelScanOptions, 'threads' | 'minEntries' | 'taskBudget' | 'workers'> = {}): Promise<SizeComparison> {
  const resolved = resolveOptions(contextDir, options);
  checkArgument(scan, 'scan', ACCEPTS.object);
  checkArgument(scan.threads, 'scan.threads', ACCEPTS.positiveCount, true);
  checkArgument(scan.minEntries, 'scan.minEntries', ACCEPTS.count, true);
  checkArgument(scan.taskBudget, 'scan.taskBudget', ACCEPTS.positiveCount, true);
  const { workers: started, ...sizing } = scan;
  if (started) return measureWith(resolved, resolved.fs === nodeFs ? started : undefined, sizing);
  // Threads start while the ignore file is read and the top levels are listed; a small tree ends
  // up not needing them.
  // With the default thread count, one more joins when other processes keep a core busy.
  const workers = resolved.fs === nodeFs ? startScanWorkers((scan.threads ?? 2) - 1, { growWhenBusy: scan.threads === undefined }) : undefined;
  try {
    return await measureWith(resolved, workers, sizing);
  } finally {
    workers?.close();
  }
}

async function measureWith(resolved: ResolvedOptions, workers: ScanWorkers | undefined, scan: Pick<ParallelScanOptions, 'minEntries' | 'taskBudget'>): Promise<SizeComparison> {
  const { inputs, source, inv, pruned, plan } = guard(resolved, () => prepare(resolved));
  // The context walk and the recorded entries' totals need only the directories the builder
  // walks: they run as soon as those are recorded, while the other thread still tallies what the
  // builder prunes.
  let context: BuildContext | undefined;
  let recorded: SubtreeTally | undefined;
  const onRecorded = (): void => {
    // Totals first: the directories read so far are exactly the recorded ones, so a directory the
    // walk might still read lazily can never be counted both here and in its tally.
    recorded = recordedTotals(inv);
    context = guard(resolved, () => evaluateFromDisk(inv, resolved, inputs, source, plan));
  };
  const tallies = await guardAsync(resolved, () => scanParallel(inv, { ...scan, tally: (dir) => pruned(inv.path(dir)), onRecorded, ...(workers ? { workers } : {}) }));
  return guard(resolved, () => ({ context: context!, unfilteredSizes: unfilteredSizes(recorded!, tallies, resolved.builder) }));
}

/** What changes when re-evaluating rules on an existing inventory. */
export interface RuleChange {
  /** The rule lines to use instead of the ignore file's, in order (each one `.dockerignore` line). */
  readonly rules: readonly string[];
  /** @default the base context's builder */
  readonly builder?: Builder;
  /** Label for the rules' origin in explanations. @default the base's ignore file path */
  readonly file?: string;
  /**
   * What BuildKit asks for, instead of the base's (another context's `plan`, or the whole context);
   * ignored under the legacy builder. @default the base's plan
   */
  readonly plan?: SendPlan | undefined;
}

/**
 * Evaluates another rule set on a context's inventory, without reading the disk when the inventory
 * is complete (see computeContextWithBaseline). This is what the TUI does on every toggle.
 * @returns the new context
 * @throws IgnoreFileError for rules Docker rejects
 * @throws InputError for a `base` or `change` it does not accept
 */
export function evaluateRules(base: BuildContext, change: RuleChange): BuildContext {
  checkContextArgument(base, 'base');
  checkArgument(change, 'change', ACCEPTS.object);
  checkStringList(change.rules, 'change.rules');
  checkArgument(change.builder, 'change.builder', ACCEPTS.builder, true);
  checkArgument(change.file, 'change.file', ACCEPTS.string, true);
  checkArgument(change.plan, 'change.plan', ACCEPTS.object, true);
  const file = change.file ?? base.inputs.ignoreFile ?? '.dockerignore';
  const source = { ignoreFile: base.ignoreFile, rules: toRawRules(change.rules, file) };
  return evaluate(base.inventory, { builder: change.builder ?? base.builder, inputs: base.inputs, source, checkReadable: false, accessRead: () => undefined, plan: change.plan ?? base.plan });
}

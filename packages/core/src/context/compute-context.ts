import { AbortError } from '../errors.js';
import { extraRules as toRawRules, loadRules } from './rule-set.js';
import { Inventory } from '../inventory/inventory.js';
import { scanAllParallel } from '../inventory/parallel-scan.js';
import { type ContextOptions, resolveOptions, type ResolvedOptions, type Builder } from '../options.js';
import type { BuildContext } from './build-context.js';
import { evaluate, evaluateUnfiltered } from './evaluate.js';
import { resolveInputs } from './resolve-inputs.js';

function newInventory(root: string, options: ResolvedOptions): Inventory {
  const inv = new Inventory(root, options.fs);
  inv.signal = options.signal;
  const started = performance.now();
  const report = options.onProgress;
  if (report) inv.onProgress = (entries, bytes) => report({ entries, bytes, elapsedMs: performance.now() - started });
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

/**
 * Computes the exact build context Docker would send for a directory: reads the ignore file Docker
 * would read, walks the tree the way the chosen builder walks it (pruning what it prunes), and
 * records what is sent.
 * @example
 * const ctx = await computeContext('.', { builder: 'legacy' });
 * console.log(ctx.sizes.dockerSize, ctx.filePaths().length);
 * @returns the build context
 * @throws InputError for a missing context, Dockerfile or ignore file
 * @throws IgnoreFileError for rules Docker rejects
 * @throws AbortError when `options.signal` fires
 */
export async function computeContext(contextDir: string, options: ContextOptions = {}): Promise<BuildContext> {
  const resolved = resolveOptions(contextDir, options);
  return guard(resolved, () => {
    const inputs = resolveInputs(resolved);
    const source = loadRules(inputs, resolved);
    const inv = newInventory(inputs.contextDir, resolved);
    return evaluate(inv, { builder: resolved.builder, inputs, source, checkReadable: resolved.checkReadable, accessRead: resolved.fs.accessRead });
  });
}

/** A context and the same directory without any ignore file, from one read of the disk. */
export interface ContextComparison {
  readonly context: BuildContext;
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
  const { inputs, source, inv } = guard(resolved, () => {
    const inputs = resolveInputs(resolved);
    return { inputs, source: loadRules(inputs, resolved), inv: newInventory(inputs.contextDir, resolved) };
  });
  try {
    await scanAllParallel(inv);
  } catch (error) {
    if (resolved.signal?.aborted) throw new AbortError();
    throw error;
  }
  return guard(resolved, () => {
    const context = evaluate(inv, { builder: resolved.builder, inputs, source, checkReadable: resolved.checkReadable, accessRead: resolved.fs.accessRead });
    return { context, unfiltered: evaluateUnfiltered(inv, resolved.builder, inputs) };
  });
}

/** What changes when re-evaluating rules on an existing inventory. */
export interface RuleChange {
  /** The rule lines to use instead of the ignore file's, in order (each one `.dockerignore` line). */
  readonly rules: readonly string[];
  /** @default the base context's builder */
  readonly builder?: Builder;
  /** Label for the rules' origin in explanations. @default the base's ignore file path */
  readonly file?: string;
}

/**
 * Evaluates another rule set on a context's inventory, without reading the disk when the inventory
 * is complete (see computeContextWithBaseline). This is what the TUI does on every toggle.
 * @returns the new context
 * @throws IgnoreFileError for rules Docker rejects
 */
export function evaluateRules(base: BuildContext, change: RuleChange): BuildContext {
  const file = change.file ?? base.inputs.ignoreFile ?? '.dockerignore';
  const source = { ignoreFile: base.ignoreFile, rules: toRawRules(change.rules, file) };
  return evaluate(base.inventory, { builder: change.builder ?? base.builder, inputs: base.inputs, source, checkReadable: false, accessRead: () => undefined });
}

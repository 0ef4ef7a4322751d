// Reading a whole tree for the TUI without freezing it (exported from internal.ts only: a library
// user starts from computeContextWithBaseline). On the real file system the bulk of the tree is
// read by the two-thread parallel scan, whose main-thread share is small, so the UI paints
// progress as subtrees arrive. With an injected file system the synchronous scan runs in slices of
// a few milliseconds with a macrotask between them. Docker's inputs are resolved before anything
// is read, so a missing directory or Dockerfile is reported at once. Rules are not compiled here:
// the TUI evaluates the ignore file's lines itself and shows Docker's error for a bad one.
import { AbortError, CtxlensError } from '../errors.js';
import { readIgnoreFile } from '../context/rule-set.js';
import type { BuildContext } from '../context/build-context.js';
import { evaluateUnfiltered } from '../context/evaluate.js';
import { resolveInputs, type BuildInputs } from '../context/resolve-inputs.js';
import { planSend, type SendPlan } from '../context/send-plan.js';
import { nodeFs } from '../fs-adapter.js';
import { Inventory } from '../inventory/inventory.js';
import { scanAllParallel } from '../inventory/parallel-scan.js';
import { readInSlices, SLICE_MS } from '../inventory/scan-slices.js';
import { type ContextOptions, resolveOptions } from '../options.js';
import { ACCEPTS, checkArgument } from '../validate.js';

/** Options of scanInSlices(): the usual context options plus the slice length. */
export interface SliceScanOptions extends Omit<ContextOptions, 'extraRules'> {
  /**
   * How long one synchronous slice of the scan may run before yielding (injected file systems only).
   * @default SLICE_MS (16)
   */
  readonly sliceMs?: number;
}

/** What the TUI starts from: Docker's inputs, the whole tree, and the ignore file's bytes. */
export interface ScannedTree {
  readonly inputs: BuildInputs;
  /** The context with no rules at all over the complete inventory: the base every evaluation starts from. */
  readonly unfiltered: BuildContext;
  /** The ignore file's bytes as read (the document to edit and the reference for conflict checks). */
  readonly ignoreFileBytes: Buffer | undefined;
  /**
   * What BuildKit asks for (the Dockerfile's reads, `target`, `buildArgs`, `wholeContext`), read
   * whatever the builder so a switch to BuildKit keeps it; pass it to evaluateRules as `plan`.
   * Undefined only when the builder is legacy and BuildKit would refuse the Dockerfile (`planError`).
   */
  readonly plan: SendPlan | undefined;
  /** Under the legacy builder: BuildKit's error for the Dockerfile, shown if the user switches to BuildKit. */
  readonly planError: CtxlensError | undefined;
}

/** BuildKit's plan; under the legacy builder a Dockerfile BuildKit refuses is kept as an error, not thrown. */
function planFor(resolved: ReturnType<typeof resolveOptions>, inputs: BuildInputs): { plan: SendPlan | undefined; planError: CtxlensError | undefined } {
  try {
    return { plan: planSend(resolved, inputs), planError: undefined };
  } catch (error) {
    if (resolved.builder === 'buildkit' || !(error instanceof CtxlensError)) throw error;
    return { plan: undefined, planError: error };
  }
}

/**
 * Reads the ignore file and the whole tree under the context, leaving the event loop free most of the time.
 * @example
 * const tree = await scanInSlices('.', { onProgress: (p) => paint(p) });
 * const ctx = evaluateRules(tree.unfiltered, { rules: ['node_modules'] });
 * @returns the inputs, the unfiltered context over the full inventory, the ignore file's bytes and BuildKit's plan
 * @throws InputError for a missing context or Dockerfile; CtxlensError when the ignore file is unreadable
 * @throws DockerfileError (builder `buildkit`) for a Dockerfile BuildKit refuses
 * @throws AbortError when `options.signal` fires
 */
export async function scanInSlices(contextDir: string, options: SliceScanOptions = {}): Promise<ScannedTree> {
  const resolved = resolveOptions(contextDir, options);
  checkArgument(options.sliceMs, 'options.sliceMs', ACCEPTS.nonNegativeNumber, true);
  const inputs = resolveInputs(resolved);
  const ignoreFileBytes = inputs.ignoreFile === undefined ? undefined : readIgnoreFile(resolved, inputs.ignoreFile);
  const { plan, planError } = planFor(resolved, inputs);
  const inv = new Inventory(inputs.contextDir, resolved.fs);
  inv.signal = resolved.signal;
  const started = performance.now();
  const report = (): void => resolved.onProgress?.({ entries: inv.count, bytes: inv.scannedBytes, elapsedMs: performance.now() - started });
  try {
    if (resolved.fs === nodeFs) {
      inv.onProgress = report;
      // Workers only: Ink renders the progress and reads keys on this thread.
      await scanAllParallel(inv, { mainThreadReads: false });
    } else await readInSlices(inv, { sliceMs: options.sliceMs ?? SLICE_MS, onSlice: report });
  } catch (error) {
    if (resolved.signal?.aborted) throw new AbortError();
    throw error;
  }
  report();
  return { inputs, unfiltered: evaluateUnfiltered(inv, resolved.builder, inputs), ignoreFileBytes, plan, planError };
}

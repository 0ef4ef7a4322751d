import type { Diagnostic } from '../diagnostics.js';
import type { IgnoreFile, RawRule } from '../ignorefile/read-ignore-file.js';
import type { EntryKind, Inventory } from '../inventory/inventory.js';
import { sortByteOrder } from '../inventory/sort-names.js';
import type { Builder } from '../options.js';
import type { CompiledPattern, PatternSet } from '../patterns/pattern-set.js';
import { EntryState, sentIndex, type WalkResult } from '../walk/walk-result.js';
import { type Explanation, explainPath } from './explain.js';
import type { BuildInputs } from './resolve-inputs.js';
import { formatDockerSize } from '../tar/docker-size.js';
import { checkArgument } from '../validate.js';
import { outsideDockerfileUpload } from '../tar/outside-dockerfile.js';
import { type ContextEntry, type ContextSizes, describeEntries, sumSizes } from './sizes.js';

/**
 * Checks that an argument is a BuildContext (what the analysis entry points take).
 * @returns nothing
 * @throws InputError naming the argument
 */
export function checkContextArgument(value: unknown, name: string): asserts value is BuildContext {
  checkArgument(value, name, { test: (v) => v instanceof BuildContext, accepted: 'a BuildContext (from computeContext or computeContextWithBaseline)' });
}

/** Everything ctxlens knows about one build context under one builder. */
export class BuildContext {
  readonly builder: Builder;
  readonly inputs: BuildInputs;
  /** The ignore file in use, parsed, or undefined. */
  readonly ignoreFile: IgnoreFile | undefined;
  /** Raw rules in evaluation order, including extra rules and rules the legacy client adds. */
  readonly rawRules: readonly RawRule[];
  /** The compiled rules, indexable by `rule.index`. */
  readonly patternSet: PatternSet;
  readonly inventory: Inventory;
  readonly walk: WalkResult;
  readonly diagnostics: readonly Diagnostic[];
  private readonly outsideDockerfileSize: number | undefined;
  private described: ContextEntry[] | undefined;
  private summed: ContextSizes | undefined;

  constructor(init: {
    builder: Builder;
    inputs: BuildInputs;
    ignoreFile: IgnoreFile | undefined;
    rawRules: readonly RawRule[];
    patternSet: PatternSet;
    inventory: Inventory;
    walk: WalkResult;
    diagnostics: readonly Diagnostic[];
    /** Size of a Dockerfile outside the context, which the legacy client adds to its upload. */
    outsideDockerfileSize?: number;
  }) {
    this.outsideDockerfileSize = init.outsideDockerfileSize;
    this.builder = init.builder;
    this.inputs = init.inputs;
    this.ignoreFile = init.ignoreFile;
    this.rawRules = init.rawRules;
    this.patternSet = init.patternSet;
    this.inventory = init.inventory;
    this.walk = init.walk;
    this.diagnostics = init.diagnostics;
  }

  /** The rules, in order. */
  get rules(): readonly CompiledPattern[] {
    return this.patternSet.patterns;
  }

  /**
   * The entries Docker sends, in the builder's send order.
   * @returns entries with sizes and legacy tar bytes
   */
  entries(): readonly ContextEntry[] {
    this.described ??= describeEntries(this.inventory, this.walk.order);
    return this.described;
  }

  /**
   * Paths of the files and symlinks sent (no directories), sorted by byte order: what `ctxlens ls` prints.
   * @returns the sorted paths
   */
  filePaths(): string[] {
    const inv = this.inventory;
    const paths: string[] = [];
    for (const i of this.walk.order) if (!inv.isDir(i)) paths.push(inv.path(i));
    return sortByteOrder(paths);
  }

  /** Totals: counts, file bytes, legacy tar bytes and Docker's printed size. */
  get sizes(): ContextSizes {
    this.summed ??= this.sizesFrom(undefined);
    return this.summed;
  }

  /**
   * The same totals as `sizes`, summed with per-entry tar bytes the caller already holds
   * (entryTarBytes for every inventory entry), as the TUI does after each rule change.
   * @returns the totals
   */
  sizesFrom(entryBytes: Float64Array | undefined): ContextSizes {
    const sums = sumSizes(this.inventory, this.walk.order, entryBytes);
    if (this.builder !== 'legacy' || this.outsideDockerfileSize === undefined) return sums;
    const ignore = sentIndex(this.inventory, this.walk, '.dockerignore');
    const upload = outsideDockerfileUpload(sums.tarBytes, this.outsideDockerfileSize, ignore < 0 ? undefined : this.inventory.sizes[ignore]);
    return { ...sums, tarBytes: upload.bytes, dockerSize: formatDockerSize(upload.bytes), ...(upload.other === undefined || upload.other === upload.bytes ? {} : { otherTarBytes: upload.other }) };
  }

  /** True when the inventory entry at `index` is sent. */
  isIncluded(index: number): boolean {
    return this.walk.state[index] === EntryState.Included;
  }

  /**
   * Why a path is in or out under this context's builder and rules.
   * @param path context-relative, `/`-separated (need not exist)
   * @returns the deciding rule and the trace of matches
   * @throws InputError when `path` is not a string
   */
  explain(path: string): Explanation {
    return explainPath(this.patternSet, this.builder, path, this.kindOf);
  }

  /**
   * The kind of the recorded entry at a cleaned context-relative path, without reading the disk: an
   * entry in a directory not read yet lies below one the walk pruned, so the rules decide it anyway.
   */
  readonly kindOf = (path: string): EntryKind | undefined => {
    const i = this.inventory.indexOf(path, false);
    return i > 0 ? this.inventory.kind(i) : undefined;
  };
}

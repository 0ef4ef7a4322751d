import type { Diagnostic } from '../diagnostics.js';
import type { IgnoreFile, RawRule } from '../ignorefile/read-ignore-file.js';
import type { EntryKind, Inventory } from '../inventory/inventory.js';
import { sortByteOrder } from '../inventory/sort-names.js';
import type { Builder } from '../options.js';
import type { CompiledPattern, PatternSet } from '../patterns/pattern-set.js';
import { EntryState, sentIndex, type WalkResult } from '../walk/walk-result.js';
import { walkBuildKit } from '../walk/buildkit.js';
import type { FollowedPaths } from '../walk/follow-links.js';
import { type Explanation, explainPath, explainRequest } from './explain.js';
import type { SendPlan } from './send-plan.js';
import type { BuildInputs } from './resolve-inputs.js';
import { formatDockerSize } from '../tar/docker-size.js';
import { ACCEPTS, checkArgument } from '../validate.js';
import { toContextRelative } from './context-path.js';
import { outsideDockerfileUpload } from '../tar/outside-dockerfile.js';
import { type ContextEntry, type ContextSizes, describeEntries, type EntryFigures, type OpensFile, sumSizes } from './sizes.js';
import { matchesOrParentMatches } from '../patterns/matcher.js';

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
  /**
   * What BuildKit asks the client for (the Dockerfile's reads), under BuildKit; undefined under the
   * legacy builder, which uploads the whole filtered context.
   */
  readonly plan: SendPlan | undefined;
  /** The requested paths after fsutil's FollowLinks (symlinks followed), when the plan names paths. */
  readonly followed: FollowedPaths | undefined;
  private readonly outsideDockerfileSize: number | undefined;
  private readonly include: PatternSet | undefined;
  private readonly unreadable: ReadonlySet<number> | undefined;
  private eligibleCache: WalkResult | undefined;
  private sentSet: Set<number> | undefined;
  private described: ContextEntry[] | undefined;
  private summed: ContextSizes | undefined;
  private eligibleSummed: ContextSizes | undefined;

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
    plan?: SendPlan | undefined;
    followed?: FollowedPaths | undefined;
    /** The include patterns of BuildKit's walk (the requested paths after FollowLinks), when it had some. */
    include?: PatternSet | undefined;
    /** BuildKit: sent files the client cannot open (a non-root client), which arrive empty. */
    unreadable?: ReadonlySet<number> | undefined;
  }) {
    this.include = init.include;
    this.unreadable = init.unreadable !== undefined && init.unreadable.size > 0 ? init.unreadable : undefined;
    this.plan = init.plan;
    this.followed = init.followed;
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
   * The walk of everything the ignore file lets through ("eligible"), whether or not the Dockerfile
   * asks for it. Under BuildKit with a Dockerfile that reads only some paths, this reads the parts of
   * the tree the send walk skipped; otherwise it is `walk` itself.
   * @returns the walk of the eligible entries
   */
  eligibleWalk(): WalkResult {
    if (this.builder === 'legacy' || this.plan === undefined || (this.plan.scope === 'whole' && this.followed === undefined)) return this.walk;
    this.eligibleCache ??= walkBuildKit(this.inventory, this.patternSet);
    return this.eligibleCache;
  }

  /**
   * The entries Docker sends, in the builder's send order.
   * @returns entries with sizes and legacy tar bytes
   */
  entries(): readonly ContextEntry[] {
    this.described ??= describeEntries(this.inventory, this.walk.order, this.opensFile());
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
   * Totals of the eligible entries (eligibleWalk): what the ignore file lets through, which a
   * `COPY . .` would send, with BuildKit's figure for that. The same as `sizes` when every eligible
   * entry is sent (the legacy builder, or a Dockerfile that reads the whole context).
   */
  get eligibleSizes(): ContextSizes {
    this.eligibleSummed ??= this.eligibleSizesFrom(undefined);
    return this.eligibleSummed;
  }

  /**
   * The same totals as `sizes`, summed with per-entry figures the caller already holds
   * (entryFigures of the inventory), as the TUI does after each rule change.
   * @returns the totals
   */
  sizesFrom(figures: EntryFigures | undefined): ContextSizes {
    const sums = sumSizes(this.inventory, this.walk.order, figures, this.plan?.scope !== 'none', this.opensFile());
    if (this.builder !== 'legacy' || this.outsideDockerfileSize === undefined) return sums;
    const ignore = sentIndex(this.inventory, this.walk, '.dockerignore');
    const upload = outsideDockerfileUpload(sums.tarBytes, this.outsideDockerfileSize, ignore < 0 ? undefined : this.inventory.sizes[ignore]);
    return { ...sums, tarBytes: upload.bytes, dockerSize: formatDockerSize(upload.bytes), ...(upload.other === undefined || upload.other === upload.bytes ? {} : { otherTarBytes: upload.other }) };
  }

  /**
   * The same totals as `eligibleSizes`, summed with per-entry figures the caller already holds
   * (entryFigures of the inventory); the eligible walk is made once and kept (eligibleWalk).
   * @returns the totals
   */
  eligibleSizesFrom(figures: EntryFigures | undefined): ContextSizes {
    const walk = this.eligibleWalk();
    if (walk === this.walk && this.plan?.scope !== 'none') return figures === undefined ? this.sizes : this.sizesFrom(figures);
    return sumSizes(this.inventory, walk.order, figures, true, this.opensFile(false));
  }

  /**
   * BuildKit's sender opens a file only if MatchesOrParentMatches lets it through both the include
   * patterns and the ignore file (the walk decided with parent results, which can differ only when
   * a set has exceptions), and only if the client may read it.
   * @returns the test, or undefined when every sent file is opened
   */
  private opensFile(withInclude = true): OpensFile | undefined {
    if (this.builder !== 'buildkit') return undefined;
    const include = withInclude && this.include?.hasExclusions ? this.include : undefined;
    const exclude = this.patternSet.hasExclusions ? this.patternSet : undefined;
    const unreadable = this.unreadable;
    if (include === undefined && exclude === undefined) return unreadable === undefined ? undefined : (i) => !unreadable.has(i);
    return (i) => {
      if (unreadable?.has(i)) return false;
      const path = this.inventory.path(i);
      try {
        if (include !== undefined && !matchesOrParentMatches(include, path).excluded) return false;
        return exclude === undefined || !matchesOrParentMatches(exclude, path).excluded;
      } catch {
        return false;
      }
    };
  }

  /** True when the inventory entry at `index` is sent. */
  isIncluded(index: number): boolean {
    return this.walk.state[index] === EntryState.Included;
  }

  /**
   * Why a path is sent or not under this context's builder and rules: the ignore file's verdict
   * and, under BuildKit with a Dockerfile, whether the Dockerfile asks for it and which instructions do.
   * @param path relative to the context root, `/`-separated, or absolute inside the context (need not exist)
   * @returns the deciding rule, the trace of matches and the request
   * @throws InputError when `path` is not a string or lies outside the context
   */
  explain(path: string): Explanation {
    checkArgument(path, 'path', ACCEPTS.string);
    const ignore = explainPath(this.patternSet, this.builder, toContextRelative(this.inputs, path), this.kindOf);
    if (this.plan === undefined) return ignore;
    const request = explainRequest(this.plan, this.followed, ignore.path, (p) => {
      const i = this.inventory.indexOf(p, false);
      // A parent directory is sent with its own verdict as state (excluded, not requested): look in the order.
      this.sentSet ??= new Set(this.walk.order);
      return i > 0 && this.sentSet.has(i);
    });
    return { ...ignore, eligible: ignore.included, included: ignore.included && request.kind !== 'not-requested' && request.kind !== 'no-context-use', request };
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

// What one builder sends and the other does not, for the same directory. Both contexts are
// evaluated on one inventory (no second read of the disk), each builder with its own ignore file
// (BuildKit may use <Dockerfile>.dockerignore), and every difference is explained under both.
import { BuildContext, checkContextArgument } from '../context/build-context.js';
import { evaluateRules } from '../context/compute-context.js';
import type { Explanation } from '../context/explain.js';
import type { EntryKind } from '../inventory/inventory.js';
import type { Builder } from '../options.js';
import type { BuilderRules } from './builder-rules.js';
import { wholeContextPlan } from '../context/send-plan.js';

/** A path only one builder sends. */
export interface BuilderDifference {
  readonly path: string;
  readonly index: number;
  readonly kind: EntryKind;
  /** The builder that sends it. */
  readonly sentBy: Builder;
  /** Bytes of the file (0 for symlinks and others). */
  readonly bytes: number;
  /** Why, under the first context's builder. */
  readonly primary: Explanation;
  /** Why, under the other builder. */
  readonly other: Explanation;
}

/** The comparison of two builders' contexts. */
export interface BuilderDiff {
  readonly primary: BuildContext;
  readonly other: BuildContext;
  /** Differing files, symlinks and other non-directories, in path order of the inventory. */
  readonly differences: readonly BuilderDifference[];
}

/**
 * Evaluates the other builder's rules (its own ignore file) on a context's inventory.
 * @param otherRules from loadBuilderRules with the other builder
 * @returns the other builder's context
 * @throws IgnoreFileError when a rule cannot compile
 */
export function otherBuilderContext(ctx: BuildContext, otherRules: BuilderRules): BuildContext {
  const lines = otherRules.ignoreFile?.source.lines.map((l) => l.text) ?? [];
  const evaluated = evaluateRules(ctx, { rules: lines, builder: otherRules.builder, file: otherRules.inputs.ignoreFile ?? '.dockerignore' });
  // evaluateRules keeps the base's inputs; this context must name the other builder's ignore file.
  return new BuildContext({ inputs: otherRules.inputs, ignoreFile: otherRules.ignoreFile, rawRules: evaluated.rawRules, patternSet: evaluated.patternSet, inventory: evaluated.inventory, walk: evaluated.walk, diagnostics: evaluated.diagnostics, builder: evaluated.builder });
}

/**
 * The context of everything the ignore file lets through: the context itself, or under BuildKit
 * with a Dockerfile that reads only some paths, the same rules evaluated as if it ran `COPY . .`.
 * Comparing builders on these tells how each reads the ignore file, apart from what the Dockerfile asks for.
 * @returns the eligible context
 */
export function eligibleContext(ctx: BuildContext): BuildContext {
  checkContextArgument(ctx, 'ctx');
  if (ctx.builder === 'legacy' || ctx.plan === undefined || (ctx.plan.scope === 'whole' && ctx.followed === undefined)) return ctx;
  const lines = ctx.ignoreFile?.source.lines.map((l) => l.text) ?? [];
  const evaluated = evaluateRules(ctx, { rules: lines, plan: wholeContextPlan(), file: ctx.inputs.ignoreFile ?? '.dockerignore' });
  return new BuildContext({ inputs: ctx.inputs, ignoreFile: ctx.ignoreFile, rawRules: evaluated.rawRules, patternSet: evaluated.patternSet, inventory: evaluated.inventory, walk: evaluated.walk, diagnostics: evaluated.diagnostics, builder: evaluated.builder, plan: evaluated.plan });
}

function sentMask(ctx: BuildContext): Uint8Array {
  const mask = new Uint8Array(ctx.inventory.count);
  for (const i of ctx.walk.order) mask[i] = 1;
  return mask;
}

/**
 * Lists the non-directory entries exactly one of two contexts sends. Directory entries are left
 * out: a directory both builders create implicitly differs only in its own tar header.
 * @returns the differences, each explained under both builders
 */
export function diffBuilders(primary: BuildContext, other: BuildContext): BuilderDiff {
  checkContextArgument(primary, 'primary');
  checkContextArgument(other, 'other');
  const inv = primary.inventory;
  const a = sentMask(primary);
  const b = sentMask(other);
  const differences: BuilderDifference[] = [];
  for (let i = 1; i < inv.count; i++) {
    if (a[i] === b[i] || inv.isDir(i)) continue;
    const path = inv.path(i);
    differences.push({
      path,
      index: i,
      kind: inv.kind(i),
      sentBy: a[i] ? primary.builder : other.builder,
      bytes: inv.kind(i) === 'file' ? inv.sizes[i]! : 0,
      primary: primary.explain(path),
      other: other.explain(path),
    });
  }
  return { primary, other, differences };
}

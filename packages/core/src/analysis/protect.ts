// What an ignore proposal must never exclude: the entries the Dockerfile names (a source, a glob's
// match, a bind mount's source) and the paths that must arrive for the build to succeed. A read of
// the whole context (`COPY . .`) protects nothing by itself: excluding from it changes the image,
// not whether the build runs, and it is where .dockerignore matters most.
import type { BuildContext } from '../context/build-context.js';
import type { Inventory } from '../inventory/inventory.js';
import { InputError } from '../errors.js';
import { appendedExclusionEffect } from './exclusion-effect.js';
import type { CompiledPattern } from '../patterns/pattern-set.js';
import { analyzeUsage, UseMark, type UsageAnalysis } from './usage.js';

/**
 * The entries no proposal may exclude, per inventory entry (1 = protected).
 * @returns the mask, or undefined when the Dockerfile's reads are unknown (legacy builder, no Dockerfile)
 */
export function protectedEntries(ctx: BuildContext, usage?: UsageAnalysis): Uint8Array | undefined {
  if (usage === undefined && ctx.plan?.requests === undefined) return undefined;
  const marks = (usage ?? analyzeUsage(ctx)).marks;
  if (marks.length !== ctx.inventory.count) throw new InputError('INPUT_INVALID', 'The usage analysis is over another inventory than this context.', ctx.inputs.contextDir, 'Pass analyzeUsage of the BuildKit context this one was evaluated from (evaluateRules keeps the inventory).', 'usage');
  const out = new Uint8Array(ctx.inventory.count);
  for (let i = 1; i < out.length; i++) out[i] = marks[i]! & (UseMark.Named | UseMark.Required) ? 1 : 0;
  return out;
}

/**
 * Whether appending an exclusion would take away a protected entry.
 * @param included 1 for each entry currently sent
 * @returns true when the line must not be proposed
 */
export function excludesProtected(inv: Inventory, included: Uint8Array, rule: CompiledPattern, guarded: Uint8Array | undefined): boolean {
  if (guarded === undefined) return false;
  const removed = appendedExclusionEffect(inv, included, rule).removed;
  for (let i = 1; i < removed.length; i++) if (removed[i] && guarded[i]) return true;
  return false;
}

/**
 * Per entry: 1 when the entry or something below it is protected (excluding it would take that away).
 * @returns the mask, indexed like the inventory
 */
export function holdsProtected(inv: Inventory, guarded: Uint8Array): Uint8Array {
  const out = Uint8Array.from(guarded);
  for (let i = inv.count - 1; i > 0; i--) if (out[i]) out[inv.parent[i]!] = 1;
  return out;
}

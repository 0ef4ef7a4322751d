// The .dockerignore lines to propose for "ignore this path" and "re-include this path":
// names written so Docker's reader and matcher take them literally, and `**/name` when the same
// name shows up elsewhere in the tree (node_modules in every workspace package, say).
import type { Inventory } from '../inventory/inventory.js';
import { literalPattern } from '../analysis/docker-pattern.js';
import { compileExclusion } from '../analysis/exclusion-effect.js';
import { excludesProtected } from '../analysis/protect.js';

/** What an ignore proposal must not take away (protectedEntries), and what is sent now (1 per sent entry). */
export interface ProposalGuard {
  readonly protected: Uint8Array;
  readonly included: Uint8Array;
}

/** A rule to propose, with why. */
export interface ProposedRule {
  /** The .dockerignore line. */
  readonly line: string;
  readonly reason: string;
}

/** True when `i` is `ancestor` or lies below it (parents precede children in the inventory). */
function isWithin(inv: Inventory, i: number, ancestor: number): boolean {
  for (let p = i; p > 0 && p >= ancestor; p = inv.parent[p]!) if (p === ancestor) return true;
  return false;
}

/**
 * Counts other entries of the same name and type outside the entry's own subtree.
 * @returns how many times the name recurs elsewhere in the tree
 */
export function recurrences(inv: Inventory, index: number): number {
  const name = inv.name(index);
  const slashName = '/' + name;
  const dir = inv.isDir(index);
  let n = 0;
  for (let i = 1; i < inv.count; i++) {
    if (i === index || inv.isDir(i) !== dir) continue;
    // endsWith on the stored path, so no name string is cut out of a million paths.
    const path = inv.path(i);
    if (path !== name && !path.endsWith(slashName)) continue;
    if (!isWithin(inv, i, index)) n++;
  }
  return n;
}

/**
 * The rules that would ignore an entry, best first: the path itself (`node_modules` at the root),
 * or `**\/name` first when the name recurs elsewhere in the tree. With a guard, a rule that would
 * exclude something the Dockerfile uses is left out (it would break the build).
 * @returns up to two proposals (none when the path holds a line break, or every rule is unsafe)
 */
export function proposeIgnoreRules(inv: Inventory, index: number, guard?: ProposalGuard): ProposedRule[] {
  const proposals = unguardedProposals(inv, index);
  if (guard === undefined) return proposals;
  return proposals.filter((p) => {
    const rule = compileExclusion(p.line);
    return rule !== undefined && !excludesProtected(inv, guard.included, rule, guard.protected);
  });
}

function unguardedProposals(inv: Inventory, index: number): ProposedRule[] {
  const path = inv.path(index);
  const name = inv.name(index);
  const line = literalPattern(path);
  // A line break in a name cannot be written in a .dockerignore line: nothing to propose.
  if (line === undefined) return [];
  const exact: ProposedRule = { line, reason: index > 0 && inv.parent[index] === 0 ? 'this entry, at the root only' : 'this path only' };
  const others = recurrences(inv, index);
  if (others === 0) return [exact];
  const everywhere: ProposedRule = { line: '**/' + literalPattern(name)!, reason: `every "${name}", here and ${others} more elsewhere` };
  return [everywhere, exact];
}

/**
 * The exception that re-includes an entry: `!` and the literal path, appended after the rules
 * that exclude it (last match wins).
 * @returns the .dockerignore line, or undefined when the path holds a line break
 */
export function proposeException(inv: Inventory, index: number): ProposedRule | undefined {
  const line = literalPattern(inv.path(index));
  return line === undefined ? undefined : { line: '!' + line, reason: 're-include this path' };
}

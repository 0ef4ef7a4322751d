// Rules that never change any path's state. A rule decides an entry when it is the last one to flip
// it (walk.deciding); one that decides nothing either matches nothing here or is undone by later
// exceptions (dead), only meets paths an earlier rule already put in its state (redundant, e.g.
// `node_modules/x` after `node_modules`), or is an exception a later exclusion overrides everywhere
// it matches (shadowed, e.g. `!a.txt` before `*.txt`: last match wins).
import type { BuildContext } from '../context/build-context.js';
import { IgnoreFileError } from '../errors.js';
import type { CompiledPattern } from '../patterns/pattern-set.js';
import { EntryState } from '../walk/walk-result.js';
import { examples, type LintFinding } from './lint-types.js';

/** The rule that decides entry `i`: its own, or that of the directory pruned above it. */
function deciderOf(ctx: BuildContext, i: number): number {
  const { state, deciding } = ctx.walk;
  let e = i;
  while (e > 0 && state[e] === EntryState.Unreached) e = ctx.inventory.parent[e]!;
  return deciding[e] ?? -1;
}

function ref(rule: CompiledPattern): string {
  return `line ${rule.origin.line} (${rule.origin.text.trim()})`;
}

/**
 * Finds dead, redundant, shadowed and invalid rules among `rules`.
 * @param rules the ignore file's rules (not the legacy client's additions)
 * @returns one finding per such rule
 */
export function lintRuleEffects(ctx: BuildContext, rules: readonly CompiledPattern[]): LintFinding[] {
  const inv = ctx.inventory;
  const decided = new Uint32Array(ctx.rules.length);
  for (let i = 1; i < inv.count; i++) {
    const d = ctx.walk.deciding[i] ?? -1;
    if (d >= 0) decided[d]!++;
  }
  const out: LintFinding[] = [];
  for (const rule of rules) {
    const at = { file: rule.origin.file, line: rule.origin.line, text: rule.origin.text };
    const program = rule.compiled();
    if (program instanceof IgnoreFileError) {
      out.push({ ...at, code: 'invalid-rule', severity: 'error', message: `Docker fails with "${program.message}" as soon as a path reaches this rule`, fix: program.hint ?? 'Rewrite the pattern.' });
      continue;
    }
    if (decided[rule.index]! > 0) continue;
    const matched: number[] = [];
    for (let i = 1; i < inv.count; i++) if (rule.matches(inv.path(i))) matched.push(i);
    if (matched.length === 0) {
      out.push({ ...at, code: 'dead-rule', severity: 'info', message: 'matches nothing in this context', fix: 'Keep it if it guards against files that may appear later; otherwise delete it.' });
      continue;
    }
    // Who decides the paths this rule matches instead: earlier rules (redundant) or later ones (shadowed).
    const byDecider = new Map<number, number[]>();
    for (const i of matched) {
      const d = deciderOf(ctx, i);
      byDecider.set(d, [...(byDecider.get(d) ?? []), i]);
    }
    const later = [...byDecider.keys()].filter((d) => d > rule.index).sort((a, b) => byDecider.get(b)!.length - byDecider.get(a)!.length);
    const paths = matched.map((i) => inv.path(i));
    if (later.length > 0) {
      const winner = ctx.rules[later[0]!]!;
      const detail = `matches ${paths.length} path${paths.length === 1 ? '' : 's'}: ${examples(paths)}`;
      if (rule.exclusion) {
        // An exception placed before the exclusion it should override: the classic ordering mistake.
        out.push({ ...at, code: 'shadowed-rule', severity: 'warning', message: `never decides anything: ${ref(winner)} comes later and excludes the paths again (last match wins)`, detail, fix: `Move this line below ${ref(winner)}.` });
      } else {
        // "Exclude, then re-include": here the exceptions re-include everything this line excludes.
        out.push({ ...at, code: 'dead-rule', severity: 'info', message: `changes nothing: ${ref(winner)} re-includes every path it excludes`, detail, fix: 'Delete it, or check that it matches what you meant to exclude.' });
      }
      continue;
    }
    const earlier = [...byDecider.keys()].filter((d) => d >= 0).sort((a, b) => byDecider.get(b)!.length - byDecider.get(a)!.length);
    const what = rule.exclusion ? 'included' : 'excluded';
    const reason = earlier.length > 0 ? `${ref(ctx.rules[earlier[0]!]!)} already decides every path it matches` : `every path it matches is ${what} already`;
    out.push({ ...at, code: 'redundant-rule', severity: 'info', message: `changes nothing: ${reason}`, detail: `matches ${examples(paths)}`, fix: 'Delete it, unless you keep it for clarity.' });
  }
  return out;
}

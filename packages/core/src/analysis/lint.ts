// `ctxlens lint`: problems with the ignore file itself, found by evaluating it on the real tree
// under both builders. See lint-effect.ts (dead, redundant, shadowed, invalid rules), lint-habits.ts
// (.gitignore habits) and lint-reach.ts (exceptions a builder cannot reach, full BuildKit walks).
import { type BuildContext, checkContextArgument } from '../context/build-context.js';
import { evaluateRules } from '../context/compute-context.js';
import { LEGACY_FORCED_RULES } from '../context/rule-set.js';
import { IgnoreFileError } from '../errors.js';
import type { CompiledPattern } from '../patterns/pattern-set.js';
import { otherBuilder } from './check.js';
import { lintRuleEffects } from './lint-effect.js';
import { lintHabits } from './lint-habits.js';
import { lintFullWalk, lintUnreachableExceptions } from './lint-reach.js';
import type { LintFinding } from './lint-types.js';
import { includedTotals } from './subtree-totals.js';

/** The ignore file's own rules: not the exceptions the legacy client adds, not extra rules. */
function ownRules(ctx: BuildContext): CompiledPattern[] {
  const file = ctx.inputs.ignoreFile;
  return ctx.rules.filter((r) => r.origin.file !== LEGACY_FORCED_RULES && (file === undefined || r.origin.file === file));
}

/**
 * Lints the context's ignore file. Needs a context over a complete inventory
 * (computeContextWithBaseline); the other builder is evaluated on the same inventory with the same lines.
 * @returns findings sorted by line
 */
export function lintIgnoreFile(ctx: BuildContext): LintFinding[] {
  checkContextArgument(ctx, 'ctx');
  if (ctx.ignoreFile === undefined) return [];
  const lines = ctx.ignoreFile.source.lines.map((l) => l.text);
  const rules = ownRules(ctx);
  const findings = [...lintRuleEffects(ctx, rules), ...lintHabits(ctx, rules, includedTotals(ctx))];
  let other: BuildContext | undefined;
  try {
    other = evaluateRules(ctx, { rules: lines, builder: otherBuilder(ctx.builder), file: ctx.ignoreFile.file });
  } catch (error) {
    // A rule the other builder stops on is reported as invalid-rule above.
    if (!(error instanceof IgnoreFileError)) throw error;
  }
  if (other !== undefined) {
    const buildkit = ctx.builder === 'buildkit' ? ctx : other;
    const legacy = ctx.builder === 'legacy' ? ctx : other;
    findings.push(...lintUnreachableExceptions([legacy, buildkit], rules), ...lintFullWalk(buildkit, ownRules(buildkit)));
  }
  // Stable: by line, then in the order the checks ran.
  return findings.map((f, i) => ({ f, i })).sort((a, b) => a.f.line - b.f.line || a.i - b.i).map(({ f }) => f);
}

// suggest's first step: the ignore file's own broken lines, each replaced by the fix lint gives for
// it (line-fix.ts), before any line is appended. Appending `**/coverage` next to the broken
// `coverage   # test reports` would leave a line that does nothing and hide lint's finding; fixing
// the line in place keeps one line per intent, and the lines proposed after it see its effect
// (`**/.env*` already covers `src/.env.local`). A fix that would exclude what the Dockerfile needs
// is not proposed, as for appended lines (protect.ts).
import type { BuildContext } from '../context/build-context.js';
import { evaluateRules } from '../context/compute-context.js';
import { IgnoreFileError } from '../errors.js';
import { contextReachesDeeper, fixIgnoreLine } from './line-fix.js';
import type { Suggestion } from './suggest.js';

/** The ignore file with its broken lines fixed, and what each fix changes. */
export interface FixedLines {
  /** One per fixed line, in file order; each has `replaces`. */
  readonly fixes: readonly Suggestion[];
  /** The ignore file's lines after the fixes. */
  readonly lines: readonly string[];
  /** The context under those lines (the base context when nothing was fixed). */
  readonly context: BuildContext;
}

/**
 * Fixes the broken lines of the context's ignore file, by the fixes lint gives, guarded.
 * @param guarded 1 for each entry no proposal may exclude (protectedEntries), or undefined
 * @returns the fixes, the fixed lines and the context they give
 */
export function fixBrokenLines(ctx: BuildContext, guarded: Uint8Array | undefined): FixedLines {
  const source = ctx.ignoreFile;
  const file = ctx.inputs.ignoreFile ?? '.dockerignore';
  if (source === undefined) return { fixes: [], lines: [], context: ctx };
  const original = source.source.lines.map((l) => l.text);
  // The evidence comes from the context as it is, for every line: lint's hints are computed the same way.
  const reaches = contextReachesDeeper(ctx);
  const fixes: Suggestion[] = [];
  const replaced = new Map<number, readonly string[]>();
  let before = ctx;
  original.forEach((text, index) => {
    const fix = fixIgnoreLine(text, reaches);
    if (fix === undefined) return;
    const trial = new Map(replaced).set(index, fix.replacement);
    let next: BuildContext;
    try {
      next = evaluateRules(ctx, { rules: original.flatMap((t, k) => trial.get(k) ?? [t]), file, builder: ctx.builder });
    } catch (error) {
      // A fix Docker would reject is no fix.
      if (error instanceof IgnoreFileError) return;
      throw error;
    }
    if (guarded !== undefined && takesGuarded(before, next, guarded)) return;
    replaced.set(index, fix.replacement);
    fixes.push({
      line: fix.replacement.at(-1)!,
      sources: [{ kind: 'lint', codes: fix.codes }],
      files: before.sizes.files - next.sizes.files,
      bytes: before.sizes.bytes - next.sizes.bytes,
      tarBytes: before.sizes.tarBytes - next.sizes.tarBytes,
      replaces: { line: index + 1, text, lines: fix.replacement },
    });
    before = next;
  });
  return { fixes, lines: original.flatMap((t, k) => replaced.get(k) ?? [t]), context: before };
}

function takesGuarded(before: BuildContext, after: BuildContext, guarded: Uint8Array): boolean {
  for (let i = 1; i < guarded.length; i++) if (guarded[i] && before.isIncluded(i) && !after.isIncluded(i)) return true;
  return false;
}

// .gitignore habits that do not hold in a .dockerignore:
// - a bare name (`node_modules`, `*.md`) matches at any depth in git, only at the root in Docker;
// - a trailing `/` means "directories only" in git; Docker's filepath.Clean drops it;
// - `[!x]` negates a class in git; Go's filepath.Match only knows `[^x]` (`!` is literal);
// - `#` starts a comment only in column 1, in both, but git users write `name  # why`.
import type { BuildContext } from '../context/build-context.js';
import type { CompiledPattern } from '../patterns/pattern-set.js';
import { examples, type LintFinding } from './lint-types.js';
import { includedTotals, type SubtreeTotals } from './subtree-totals.js';
import { formatDockerSize } from '../tar/docker-size.js';
import { contextReachesDeeper, deepNameMatches, fixIgnoreLine } from './line-fix.js';

/** A finding before its line's fix is known: its hint names the fixed line (the pattern written last). */
type Draft = Omit<LintFinding, 'fix' | 'replacement'> & { readonly fix: (fixed: string | undefined) => string };

function at(rule: CompiledPattern): Pick<LintFinding, 'file' | 'line' | 'text'> {
  return { file: rule.origin.file, line: rule.origin.line, text: rule.origin.text };
}

function anchoredName(ctx: BuildContext, rule: CompiledPattern, totals: SubtreeTotals): Draft | undefined {
  if (rule.text.includes('/') || rule.text.startsWith('**') || rule.kind === undefined) return undefined;
  // An exclusion is meant to catch the deeper ones that are still sent; an exception to rescue the deeper ones still left out.
  const hits = deepNameMatches(ctx, rule, !rule.exclusion);
  if (hits.length === 0) return undefined;
  const inv = ctx.inventory;
  const paths = hits.map((i) => inv.path(i));
  let detail: string;
  if (rule.exclusion) detail = `${hits.length} matching name${hits.length === 1 ? '' : 's'} below the root ${hits.length === 1 ? 'stays' : 'stay'} excluded: ${examples(paths)}`;
  else {
    const files = hits.reduce((n, i) => n + (inv.isDir(i) ? totals.files[i]! : 1), 0);
    const bytes = hits.reduce((n, i) => n + totals.bytes[i]!, 0);
    detail = `${hits.length} matching name${hits.length === 1 ? '' : 's'} below the root ${hits.length === 1 ? 'is' : 'are'} still sent (${files} file${files === 1 ? '' : 's'}, ${formatDockerSize(bytes)}): ${examples(paths)}`;
  }
  return {
    ...at(rule),
    code: 'anchored-name',
    severity: 'warning',
    message: `"${rule.text}" only matches at the context root: Docker patterns are anchored, unlike .gitignore's`,
    detail,
    fix: (fixed) => `Write "${fixed ?? `**/${rule.text}`}" to match it at any depth.`,
  };
}

function trailingSlash(ctx: BuildContext, rule: CompiledPattern): Draft | undefined {
  const written = rule.origin.text.trim();
  if (!written.endsWith('/') || written.replace(/^!/, '').trim().length <= 1) return undefined;
  const inv = ctx.inventory;
  const files: string[] = [];
  for (let i = 1; i < inv.count; i++) if (!inv.isDir(i) && rule.matches(inv.path(i))) files.push(inv.path(i));
  const bang = rule.exclusion ? '!' : '';
  return {
    ...at(rule),
    code: 'trailing-slash',
    severity: files.length > 0 ? 'warning' : 'info',
    message: `Docker drops the trailing "/": "${written}" also matches a file named "${rule.text}", not only a directory`,
    detail: files.length > 0 ? `it matches ${files.length} non-director${files.length === 1 ? 'y' : 'ies'}: ${examples(files)}` : undefined,
    fix: (fixed) => `Write "${fixed ?? `${bang}${rule.text}`}" (same meaning), or "${bang}${rule.text}/**" to match only what is inside a directory.`,
  };
}

function bracketNegation(rule: CompiledPattern): Draft | undefined {
  if (!/(^|[^\\])\[!/.test(rule.text)) return undefined;
  return {
    ...at(rule),
    code: 'bracket-negation',
    severity: 'warning',
    message: '"[!…]" does not negate in Docker: Go\'s filepath.Match negates with "[^…]", so "!" is matched literally',
    fix: (fixed) => `Write "${fixed ?? '[^…]'}".`,
  };
}

function inlineComment(rule: CompiledPattern): Draft | undefined {
  const written = rule.origin.text;
  const indented = /^\s+#/.test(written);
  const trailing = /\s#/.test(written.trim());
  if (!indented && !trailing) return undefined;
  return {
    ...at(rule),
    code: 'inline-comment',
    severity: 'warning',
    message: indented ? 'this is a pattern, not a comment: only "#" in the first column starts a comment' : 'Docker has no end-of-line comments: the "#" and what follows are part of the pattern',
    fix: (fixed) => (indented ? 'Remove the leading white space.' : `Put the comment on its own line${fixed === undefined ? '' : ` and write "${fixed}"`}.`),
  };
}

/**
 * Finds the .gitignore habits among `rules`, with evidence from the context where there is some.
 * @returns the findings
 */
export function lintHabits(ctx: BuildContext, rules: readonly CompiledPattern[], totals: SubtreeTotals = includedTotals(ctx)): LintFinding[] {
  const out: LintFinding[] = [];
  const reaches = contextReachesDeeper(ctx);
  for (const rule of rules) {
    if (rule.kind === undefined) continue;
    const found = [inlineComment(rule), anchoredName(ctx, rule, totals), trailingSlash(ctx, rule), bracketNegation(rule)].filter((f) => f !== undefined);
    if (found.length === 0) continue;
    // Every finding on a line gives the same whole-line fix, the one suggest writes (line-fix.ts).
    const fix = fixIgnoreLine(rule.origin.text, reaches);
    const replacement = fix?.replacement;
    for (const finding of found) out.push({ ...finding, fix: finding.fix(replacement?.at(-1)), replacement });
  }
  return out;
}

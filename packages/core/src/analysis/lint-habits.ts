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

function at(rule: CompiledPattern): Pick<LintFinding, 'file' | 'line' | 'text'> {
  return { file: rule.origin.file, line: rule.origin.line, text: rule.origin.text };
}

/** Outermost entries below the root whose name alone the pattern matches (as git would match them). */
function deepNameMatches(ctx: BuildContext, rule: CompiledPattern, wantIncluded: boolean): number[] {
  const inv = ctx.inventory;
  const taken = new Uint8Array(inv.count);
  const out: number[] = [];
  for (let i = 1; i < inv.count; i++) {
    const p = inv.parent[i]!;
    if (taken[p]) {
      taken[i] = 1;
      continue;
    }
    if (p === 0 || ctx.isIncluded(i) !== wantIncluded) continue;
    // For an exception, only entries left out on their own count: re-including files inside an
    // excluded directory (node_modules/x/README.md) is not what `!README.md` was written for.
    if (!wantIncluded && !ctx.isIncluded(p)) continue;
    if (rule.matches(inv.name(i), 0)) {
      taken[i] = 1;
      out.push(i);
    }
  }
  return out;
}

function anchoredName(ctx: BuildContext, rule: CompiledPattern, totals: SubtreeTotals): LintFinding | undefined {
  if (rule.text.includes('/') || rule.text.startsWith('**') || rule.kind === undefined) return undefined;
  // An exclusion is meant to catch the deeper ones that are still sent; an exception to rescue the deeper ones still left out.
  const hits = deepNameMatches(ctx, rule, !rule.exclusion);
  if (hits.length === 0) return undefined;
  const inv = ctx.inventory;
  const paths = hits.map((i) => inv.path(i));
  const fixed = `${rule.exclusion ? '!' : ''}**/${rule.text}`;
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
    fix: `Write "${fixed}" to match it at any depth.`,
    replacement: [fixed],
  };
}

function trailingSlash(ctx: BuildContext, rule: CompiledPattern): LintFinding | undefined {
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
    fix: `Write "${bang}${rule.text}" (same meaning), or "${bang}${rule.text}/**" to match only what is inside a directory.`,
    replacement: [`${bang}${rule.text}`],
  };
}

function bracketNegation(rule: CompiledPattern): LintFinding | undefined {
  if (!/(^|[^\\])\[!/.test(rule.text)) return undefined;
  const fixed = (rule.exclusion ? '!' : '') + rule.text.replace(/(^|[^\\])\[!/g, '$1[^');
  return {
    ...at(rule),
    code: 'bracket-negation',
    severity: 'warning',
    message: '"[!…]" does not negate in Docker: Go\'s filepath.Match negates with "[^…]", so "!" is matched literally',
    fix: `Write "${fixed}".`,
    replacement: [fixed],
  };
}

function inlineComment(rule: CompiledPattern): LintFinding | undefined {
  const written = rule.origin.text;
  const indented = /^\s+#/.test(written);
  const trailing = /\s#/.test(written.trim());
  if (!indented && !trailing) return undefined;
  const fixed = written.replace(/\s+#.*$/, '').trim();
  return {
    ...at(rule),
    code: 'inline-comment',
    severity: 'warning',
    message: indented ? 'this is a pattern, not a comment: only "#" in the first column starts a comment' : 'Docker has no end-of-line comments: the "#" and what follows are part of the pattern',
    fix: indented ? 'Remove the leading white space.' : `Put the comment on its own line and write "${fixed}".`,
    replacement: indented ? [written.trimStart()] : fixed === '' ? undefined : [fixed],
  };
}

/**
 * Finds the .gitignore habits among `rules`, with evidence from the context where there is some.
 * @returns the findings
 */
export function lintHabits(ctx: BuildContext, rules: readonly CompiledPattern[], totals: SubtreeTotals = includedTotals(ctx)): LintFinding[] {
  const out: LintFinding[] = [];
  for (const rule of rules) {
    if (rule.kind === undefined) continue;
    for (const finding of [inlineComment(rule), anchoredName(ctx, rule, totals), trailingSlash(ctx, rule), bracketNegation(rule)]) {
      if (finding !== undefined) out.push(finding);
    }
  }
  return out;
}

// The rules of `ctxlens check`, the CI and pre-commit gate: size and file-count limits, bytes sent
// that the Dockerfile never uses, categories that must not be sent, and agreement between the two builders. Each rule yields PASS, FAIL or
// SKIP with the offending paths and a .dockerignore line for each; wording is left to the CLI.
import { type BuildContext, checkContextArgument } from '../context/build-context.js';
import { ACCEPTS, checkArgument } from '../validate.js';
import type { Builder } from '../options.js';
import type { BuilderDiff } from './builder-diff.js';
import { CATEGORY_NAMES, type CategoryName } from './categories.js';
import { findCategoryHits } from './category-hits.js';
import { literalPattern } from './docker-pattern.js';
import { rankOffenders, significantOffenders } from './offenders.js';
import type { SecretFinding } from './secret-content.js';
import { secretsFlow, type SecretFlow } from './secrets-flow.js';
import { includedTotals, subtreeTotals } from './subtree-totals.js';
import { analyzeUsage, UseMark } from './usage.js';

/** What `deny` may name: a category, or secrets by how far they get (`secrets-sent`: the builder sees them; `secrets-shipped`: they reach the image). */
export type DenyName = CategoryName | 'secrets-sent' | 'secrets-shipped';

/** Every deny name, in the order results list them. */
export const DENY_NAMES: readonly DenyName[] = [...CATEGORY_NAMES, 'secrets-sent', 'secrets-shipped'];

/** What `check` enforces; absent limits are skipped. */
export interface CheckConfig {
  /** Largest allowed upload, in bytes (compared with the legacy tar size, the figure Docker prints). */
  readonly maxSize?: number | undefined;
  /** Largest allowed number of regular files. */
  readonly maxFiles?: number | undefined;
  /** Most bytes sent that the Dockerfile never uses: a byte count, or a percent of the bytes sent. */
  readonly maxUnused?: UnusedLimit | undefined;
  /** Categories that must not be sent (and `secrets-sent`, `secrets-shipped`). */
  readonly deny: readonly DenyName[];
  /** Fail when BuildKit and the legacy builder would send different files. */
  readonly builderDivergence: boolean;
}

/** The limit of `maxUnused`: bytes, or a percent (0-100) of the bytes the builder sends. */
export type UnusedLimit = { readonly bytes: number } | { readonly percent: number };

/** A path a rule complains about. */
export interface CheckOffender {
  readonly path: string;
  readonly isDir: boolean;
  readonly files: number;
  readonly bytes: number;
  /** Why it is listed (category reason, or which builder sends it). */
  readonly reason: string | undefined;
  /** A .dockerignore line that would exclude it. */
  readonly suggestedLine: string | undefined;
  /** For a secret: what its content holds (detector and line, never the value). */
  readonly findings?: readonly SecretFinding[];
}

/** The outcome of one rule. */
export interface CheckResult {
  /** `maxSize`, `maxFiles`, `maxUnused`, `deny:<category>` or `builderDivergence`. */
  readonly rule: string;
  readonly status: 'pass' | 'fail' | 'skip';
  /** The measured value: bytes, files, or offending paths. */
  readonly actual: number;
  /** The configured limit, when the rule has one. */
  readonly limit: number | undefined;
  /** The offenders, biggest first (at most `offenderLimit`). */
  readonly offenders: readonly CheckOffender[];
  /** How many offenders there are in all. */
  readonly offenderCount: number;
}

/** Inputs of runChecks. */
export interface CheckInput {
  /**
   * The context: from computeContext (only what the builder walks, which every rule but
   * builderDivergence needs) or over a complete inventory (computeContextWithBaseline).
   */
  readonly context: BuildContext;
  /** Both builders' contexts, needed only when builderDivergence is on. */
  readonly builders?: BuilderDiff | undefined;
  /** @default 20 */
  readonly offenderLimit?: number;
}

/**
 * Runs every rule: maxSize, maxFiles, maxUnused, one deny rule per denied category (or one skipped `deny`),
 * builderDivergence.
 * @returns one result per rule, in that order
 */
export function runChecks(input: CheckInput, config: CheckConfig): CheckResult[] {
  checkArgument(input, 'input', ACCEPTS.object);
  checkContextArgument(input.context, 'input.context');
  checkArgument(input.offenderLimit, 'input.offenderLimit', ACCEPTS.nonNegativeNumber, true);
  checkArgument(config, 'config', ACCEPTS.object);
  const { context } = input;
  const limit = input.offenderLimit ?? 20;
  const totals = includedTotals(context);
  const hits = findCategoryHits(context, { totals });
  const results: CheckResult[] = [];
  const sizes = context.sizes;

  const measured = (rule: string, actual: number, max: number | undefined, measure: 'bytes' | 'files'): CheckResult => {
    if (max === undefined) return { rule, status: 'skip', actual, limit: undefined, offenders: [], offenderCount: 0 };
    if (actual <= max) return { rule, status: 'pass', actual, limit: max, offenders: [], offenderCount: 0 };
    const total = measure === 'files' ? sizes.files : sizes.bytes;
    const top = significantOffenders(rankOffenders(context, { limit: Math.min(limit, 10) + 2, totals, hits, measure }), total, { measure })
      .slice(0, Math.min(limit, 10))
      .map((o) => ({ path: o.path, isDir: o.kind === 'dir', files: o.files, bytes: o.bytes, reason: o.category, suggestedLine: o.pattern }));
    return { rule, status: 'fail', actual, limit: max, offenders: top, offenderCount: top.length };
  };
  results.push(measured('maxSize', sizes.tarBytes, config.maxSize, 'bytes'));
  results.push(measured('maxFiles', sizes.files, config.maxFiles, 'files'));
  results.push(unusedRule(context, config.maxUnused, limit));

  const denied = DENY_NAMES.filter((c) => config.deny.includes(c));
  if (denied.length === 0) results.push({ rule: 'deny', status: 'skip', actual: 0, limit: undefined, offenders: [], offenderCount: 0 });
  const secrets = denied.includes('secrets-sent') || denied.includes('secrets-shipped') ? secretsFlow(context) : undefined;
  for (const category of denied) {
    if (category === 'secrets-sent' || category === 'secrets-shipped') {
      results.push(secretsRule(category, secrets!.files, secrets!.usageKnown, limit));
      continue;
    }
    const found = hits.filter((h) => h.category === category);
    const offenders = found.slice(0, limit).map((h) => ({ path: h.path, isDir: h.kind === 'dir', files: h.files, bytes: h.bytes, reason: h.reason, suggestedLine: h.pattern, findings: category === 'secrets' ? h.findings : undefined }));
    results.push({ rule: `deny:${category}`, status: found.length > 0 ? 'fail' : 'pass', actual: found.length, limit: 0, offenders, offenderCount: found.length });
  }

  if (!config.builderDivergence || input.builders === undefined) {
    results.push({ rule: 'builderDivergence', status: 'skip', actual: 0, limit: undefined, offenders: [], offenderCount: 0 });
  } else {
    const diffs = input.builders.differences;
    const offenders = [...diffs]
      .sort((x, y) => y.bytes - x.bytes)
      .slice(0, limit)
      .map((d) => {
        const line = literalPattern(d.path);
        // An exception naming the path makes both builders send it: its text starts with every
        // parent directory, so the legacy builder enters them (moby TarWithOptions).
        return { path: d.path, isDir: false, files: 1, bytes: d.bytes, reason: `only ${d.sentBy === 'buildkit' ? 'BuildKit' : 'the legacy builder'} sends it`, suggestedLine: line === undefined ? undefined : `!${line}` };
      });
    results.push({ rule: 'builderDivergence', status: diffs.length > 0 ? 'fail' : 'pass', actual: diffs.length, limit: 0, offenders, offenderCount: diffs.length });
  }
  return results;
}

/**
 * `maxUnused`: the bytes sent that no needed stage copies or mounts (analyzeUsage's sent-but-unused
 * list), against the limit. Skipped when the Dockerfile's reads are unknown (legacy builder, no
 * Dockerfile): then nothing says what is used. The limit of a percent is measured on the bytes sent.
 */
function unusedRule(context: BuildContext, max: UnusedLimit | undefined, limit: number): CheckResult {
  const boundOf = (sent: number) => (max === undefined ? undefined : 'bytes' in max ? max.bytes : Math.floor((sent * max.percent) / 100));
  // Skipped with its limit set when configured (the reads are unknown), without when not configured.
  if (max === undefined || context.builder !== 'buildkit' || context.plan?.requests === undefined) return { rule: 'maxUnused', status: 'skip', actual: 0, limit: boundOf(context.sizes.bytes), offenders: [], offenderCount: 0 };
  const usage = analyzeUsage(context);
  const actual = usage.sentUnused.reduce((n, g) => n + g.bytes, 0);
  const bound = boundOf(usage.sent.bytes)!;
  if (actual <= bound) return { rule: 'maxUnused', status: 'pass', actual, limit: bound, offenders: [], offenderCount: 0 };
  const inv = context.inventory;
  const used = subtreeTotals(inv, (i) => (usage.marks[i]! & UseMark.Used) !== 0);
  const offenders = usage.sentUnused.slice(0, limit).map((g) => {
    const at = inv.indexOf(g.top);
    // A line that excluded a directory the Dockerfile partly uses would break the build: only wholly unused tops get one.
    const whollyUnused = at >= 0 && used.files[at] === 0;
    return { path: g.top, isDir: at >= 0 && inv.isDir(at), files: g.files, bytes: g.bytes, reason: 'sent, never used by the Dockerfile', suggestedLine: whollyUnused ? literalPattern(g.top) : undefined };
  });
  return { rule: 'maxUnused', status: 'fail', actual, limit: bound, offenders, offenderCount: usage.sentUnused.length };
}

/** `deny:secrets-sent` or `deny:secrets-shipped`: skipped when what the Dockerfile ships is unknown (legacy builder, no Dockerfile). */
function secretsRule(rule: 'secrets-sent' | 'secrets-shipped', files: readonly SecretFlow[], usageKnown: boolean, limit: number): CheckResult {
  if (rule === 'secrets-shipped' && !usageKnown) return { rule: `deny:${rule}`, status: 'skip', actual: 0, limit: undefined, offenders: [], offenderCount: 0 };
  const found = files.filter((f) => (rule === 'secrets-sent' ? f.sent : f.shipped));
  const offenders = found.slice(0, limit).map((f) => ({
    path: f.path,
    isDir: f.isDir,
    files: f.files,
    bytes: f.bytes,
    reason: `${f.reason}; ${reachWords(f, usageKnown)}`,
    // Excluding a file a COPY names breaks the build: that one needs a secret mount, not an ignore line.
    suggestedLine: f.use === undefined || f.use.request.wholeContext ? f.ignoreLine : undefined,
    findings: f.findings,
  }));
  return { rule: `deny:${rule}`, status: found.length > 0 ? 'fail' : 'pass', actual: found.length, limit: 0, offenders, offenderCount: found.length };
}

function reachWords(f: SecretFlow, usageKnown: boolean): string {
  const at = f.use === undefined ? '' : ` by line ${f.use.request.instruction.line} (${f.use.request.instruction.text})`;
  if (f.reach === 'shipped') return `shipped in the image${at}; use RUN --mount=type=secret`;
  if (f.reach === 'build-stage') return `copied into build stage ${f.use?.stage ?? ''}${at}, not shipped`;
  return usageKnown ? 'sent, never used' : 'sent';
}

/**
 * The builder that is not `builder`.
 * @returns the other builder
 */
export function otherBuilder(builder: Builder): Builder {
  return builder === 'buildkit' ? 'legacy' : 'buildkit';
}

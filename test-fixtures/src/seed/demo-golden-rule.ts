// The golden rule on the seed scenario, for `pnpm demo`: the three sets (eligible, sent, used) of
// the course's multi-stage Dockerfile, what reaches the final image, the two unused lists, and the
// allowlist's savings, or why the Dockerfile admits none. Figures from @ctxlens/core.
import { allowlistIgnoreFile, analyzeUsage, computeContext, type FileTotals, formatDockerSize, type UnusedGroup } from '@ctxlens/core';
import { COURSE_MULTI_STAGE_DOCKERFILE } from './course-project.js';

/** The golden rule's figures for one Dockerfile on one tree. */
export interface GoldenRuleReport {
  readonly eligible: FileTotals;
  readonly sent: FileTotals;
  readonly used: FileTotals;
  readonly shipped: FileTotals;
  readonly sentUnused: readonly UnusedGroup[];
  readonly eligibleUnused: readonly UnusedGroup[];
  /** The same Dockerfile with no .dockerignore: what would be eligible, and what of it the Dockerfile uses. */
  readonly withoutIgnoreFile: { readonly eligible: FileTotals; readonly used: FileTotals };
  /** The allowlist's lines and savings, or the reason there is none. */
  readonly allowlist: { readonly lines: readonly string[]; readonly reason: string | undefined; readonly eligibleBytes: number; readonly eligibleFiles: number; readonly legacyTarBytes: number; readonly sentBytes: number };
}

/**
 * Works out the golden rule's report for a Dockerfile (by default the course's multi-stage one) on `dir`.
 * @returns the three sets, the unused lists and the allowlist's savings
 */
export async function goldenRuleReport(dir: string, dockerfileText = COURSE_MULTI_STAGE_DOCKERFILE): Promise<GoldenRuleReport> {
  const ctx = await computeContext(dir, { builder: 'buildkit', dockerfileText });
  const usage = analyzeUsage(ctx);
  const allow = allowlistIgnoreFile(ctx);
  const bare = analyzeUsage(await computeContext(dir, { builder: 'buildkit', dockerfileText, ignoreFile: false }));
  return {
    eligible: usage.eligible,
    sent: usage.sent,
    used: usage.used,
    shipped: usage.shipped,
    sentUnused: usage.sentUnused,
    eligibleUnused: usage.eligibleUnused,
    withoutIgnoreFile: { eligible: bare.eligible, used: bare.used },
    allowlist: { lines: allow.lines, reason: allow.reason, ...allow.saved },
  };
}

const num = (n: number): string => n.toLocaleString('en-US');
const totals = (t: FileTotals): string => `${num(t.files).padStart(7)} files ${formatDockerSize(t.bytes).padStart(9)}`;
const groups = (list: readonly UnusedGroup[]): string => (list.length === 0 ? 'none' : list.slice(0, 5).map((g) => `${g.top} ${formatDockerSize(g.bytes)} (${num(g.files)} files)`).join(', '));

/**
 * Prints the report as the demo shows it.
 * @returns the lines
 */
export function formatGoldenRuleReport(report: GoldenRuleReport): string[] {
  const a = report.allowlist;
  return [
    `The golden rule ("anything your Dockerfile does not COPY belongs in .dockerignore") on the course's multi-stage Dockerfile:`,
    `  eligible (what .dockerignore lets through; the legacy builder sends it) ${totals(report.eligible)}`,
    `  sent by BuildKit for target production                                  ${totals(report.sent)}`,
    `  used (copied into a stage the target needs)                             ${totals(report.used)}`,
    `    of which shipped (reaches the final image)                            ${totals(report.shipped)}`,
    `  sent but never used: ${groups(report.sentUnused)}`,
    `  eligible but never used: ${groups(report.eligibleUnused)}`,
    `  without .dockerignore: eligible ${totals(report.withoutIgnoreFile.eligible).trim()}, used ${totals(report.withoutIgnoreFile.used).trim()}`,
    a.reason !== undefined
      ? `  allowlist (\`*\`, then \`!\` for what is used): none, ${a.reason}; it saves nothing here`
      : `  allowlist (${a.lines.join(' ')}): saves ${formatDockerSize(a.eligibleBytes)} eligible (${num(a.eligibleFiles)} files), ${num(a.legacyTarBytes)} bytes of the legacy upload, ${num(a.sentBytes)} bytes BuildKit sends`,
  ];
}

/**
 * Prints the golden rule's report for the seed scenario.
 * @returns when done
 */
export async function showGoldenRule(dir: string): Promise<void> {
  console.log();
  for (const line of formatGoldenRuleReport(await goldenRuleReport(dir))) console.log(line);
}

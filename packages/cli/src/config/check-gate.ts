// The CLI's policy over the core's check results: categories configured to warn report WARN
// instead of FAIL, and allowlisted paths are taken out of a category's offenders. The core finds
// what is sent; which findings fail a CI job is the gate's configuration.
import type { CheckResult } from '@ctxlens/core';
import { isAllowed } from './allow-list.js';
import type { GateConfig } from './check-config.js';

/** A rule's outcome as `check` reports it. */
export interface GateResult extends Omit<CheckResult, 'status'> {
  readonly status: CheckResult['status'] | 'warn';
  /** Offenders left out because the allowlist names them (category rules only). */
  readonly allowed: number;
}

/** How many offenders a rule lists. */
export const OFFENDERS_SHOWN = 20;

/**
 * The core's config for runChecks: every denied or warned category is looked for.
 * @returns the config to pass to runChecks (with an unlimited offender list, so the allowlist sees every path)
 */
export function coreCheckConfig(config: GateConfig): GateConfig {
  return { ...config, deny: [...new Set([...config.deny, ...config.warn])] };
}

/**
 * Applies warn levels and the allowlist.
 * @param results runChecks' results for coreCheckConfig(config), with every offender listed
 * @returns the results `check` reports, at most OFFENDERS_SHOWN offenders each
 */
export function applyGate(results: readonly CheckResult[], config: GateConfig): GateResult[] {
  return results.map((r) => {
    // A deny rule the core could not judge (deny:secrets-shipped without the Dockerfile's reads) stays skipped.
    if (!r.rule.startsWith('deny:') || r.status === 'skip') return { ...r, offenders: r.offenders.slice(0, OFFENDERS_SHOWN), allowed: 0 };
    const category = r.rule.slice('deny:'.length);
    const kept = r.offenders.filter((o) => !isAllowed(config.allow, category, o.path));
    const warnOnly = !(config.deny as readonly string[]).includes(category);
    const status = kept.length === 0 ? 'pass' : warnOnly ? 'warn' : 'fail';
    return { ...r, rule: warnOnly ? `warn:${category}` : r.rule, status, actual: kept.length, offenders: kept.slice(0, OFFENDERS_SHOWN), offenderCount: kept.length, allowed: r.offenders.length - kept.length };
  });
}

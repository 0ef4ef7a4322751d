// The figures dialogs show before you confirm, computed with core calls on the inventory: what a
// proposed rule saves, whether each builder honours an exception, the offenders, and where the
// builders differ. Called from a hook; the result reaches the reducer as a `mode-data` action.
import type { UsageAnalysis } from '@ctxlens/core';
import { EntryState, explainWithLines, groupOffenders, type OffenderGroups, type OffenderRow, type ProposalGuard, proposeException, proposeIgnoreRules, protectedEntries } from '@ctxlens/core/live';
import type { Evaluation } from '../state/derive.js';
import { sentBytes } from '../state/figures.js';
import { appendRule, documentLines, type RulesModel } from '../state/rules-model.js';
import type { Mode, ModeData } from '../state/types.js';
import { computeUsage } from '../state/usage.js';
import { builderDifferences } from './builder-diff.js';
import type { Session } from './session.js';

function linesWith(rules: RulesModel, line: string): string[] {
  return documentLines(appendRule(rules, line).model);
}

/**
 * Bloat and secrets the ignore file lets through that BuildKit is not asked for: not sent by this
 * build, but a `COPY . .` (or the legacy builder) would send them, so the ignore file should catch them.
 * @returns the rows, none when BuildKit is asked for everything
 */
function notRequestedOffenders(evaluation: Evaluation, sent: OffenderGroups, usage: UsageAnalysis | undefined): OffenderRow[] {
  if (evaluation.eligible === undefined) return [];
  // The eligible context has no Dockerfile reads of its own: guard it with the send set's. Content
  // is read only from what is sent.
  const eligible = groupOffenders(evaluation.eligible.context, { usage, contentFrom: evaluation.context });
  const listed = new Set([...sent.bloat, ...sent.secrets].map((r) => r.path));
  return [...eligible.bloat, ...eligible.secrets].filter((r) => !listed.has(r.path));
}

/**
 * What the Dockerfile uses, for guarding proposals: the evaluation's own analysis under BuildKit,
 * or, under the legacy builder, that of the same rules under BuildKit (same inventory).
 * @returns the analysis, undefined when the Dockerfile's reads are unknown
 */
function usageFor(session: Session, evaluation: Evaluation): UsageAnalysis | undefined {
  if (evaluation.builder === 'buildkit' || session.evaluator.from.plan?.requests === undefined) return computeUsage(evaluation);
  const bk = session.evaluator.evaluate(evaluation.lines, 'buildkit', true);
  return bk.ok ? computeUsage(bk.evaluation) : undefined;
}

function guardFor(session: Session, evaluation: Evaluation): ProposalGuard | undefined {
  const usage = usageFor(session, evaluation);
  const guarded = usage === undefined ? undefined : protectedEntries(evaluation.context, usage);
  if (guarded === undefined) return undefined;
  return { protected: guarded, included: Uint8Array.from(evaluation.context.walk.state, (s) => (s === EntryState.Included ? 1 : 0)) };
}

/**
 * Whether mode data is the one the mode needs for this evaluation.
 * @returns true when nothing has to be computed
 */
export function modeDataFits(mode: Mode, data: ModeData | undefined, key: string): boolean {
  const needed = mode.kind === 'confirm-ignore' || mode.kind === 'confirm-include' || mode.kind === 'offenders' || mode.kind === 'builder-diff';
  if (!needed) return true;
  if (data === undefined || data.key !== key) return false;
  switch (mode.kind) {
    case 'confirm-ignore':
      return data.kind === 'ignore-preview' && data.index === mode.index;
    case 'confirm-include':
      return data.kind === 'include-preview' && data.index === mode.index;
    case 'offenders':
      return data.kind === 'offenders';
    case 'builder-diff':
      return data.kind === 'builder-diff';
    default:
      return true;
  }
}

/**
 * Computes what the open dialog needs.
 * @returns the data, or undefined when the mode needs none
 */
export function computeModeData(session: Session, rules: RulesModel, mode: Mode, evaluation: Evaluation): ModeData | undefined {
  const { evaluator } = session;
  const inv = evaluator.from.totals.inventory;
  const key = evaluation.key;
  const sent = (e: Evaluation): number => sentBytes(e.sizes, evaluation.builder);
  const now = sent(evaluation);
  switch (mode.kind) {
    case 'confirm-ignore': {
      // Never a line that takes away what the Dockerfile uses: the build would fail or the image change.
      const safe = proposeIgnoreRules(inv, mode.index, guardFor(session, evaluation));
      const withheld = proposeIgnoreRules(inv, mode.index).length - safe.length;
      const options = safe.map((rule) => {
        // Exactly the lines confirming produces, so the evaluation is cached for it.
        const outcome = evaluator.evaluate(linesWith(rules, rule.line), evaluation.builder, true);
        return { rule, savesBytes: outcome.ok ? now - sent(outcome.evaluation) : undefined };
      });
      return { kind: 'ignore-preview', index: mode.index, key, options, withheld };
    }
    case 'confirm-include': {
      const rule = proposeException(inv, mode.index);
      if (rule === undefined) return { kind: 'include-preview', index: mode.index, key, rule, addsBytes: undefined, legacyHonours: false, buildkitHonours: false };
      const lines = linesWith(rules, rule.line);
      const outcome = evaluator.evaluate(lines, evaluation.builder, true);
      const path = inv.path(mode.index);
      const honours = (builder: 'legacy' | 'buildkit'): boolean => explainWithLines(evaluation.context, lines, builder, path, session.ignoreLabel).included;
      return {
        kind: 'include-preview',
        index: mode.index,
        key,
        rule,
        addsBytes: outcome.ok ? sent(outcome.evaluation) - now : undefined,
        legacyHonours: honours('legacy'),
        buildkitHonours: honours('buildkit'),
      };
    }
    case 'offenders': {
      const usage = usageFor(session, evaluation);
      const offenders = groupOffenders(evaluation.context, { usage });
      return { kind: 'offenders', key, offenders, notRequested: notRequestedOffenders(evaluation, offenders, usage), sentUnused: evaluation.builder === 'buildkit' ? usage?.sentUnused : undefined };
    }
    case 'builder-diff': {
      const other = evaluator.evaluate(documentLines(rules), mode.from);
      if (!other.ok) return undefined;
      const { rows, more } = builderDifferences(evaluator.from.totals, evaluation, other.evaluation);
      return { kind: 'builder-diff', key, other: mode.from, otherSizes: other.evaluation.sizes, rows, more };
    }
    default:
      return undefined;
  }
}

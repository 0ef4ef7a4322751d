// The figures dialogs show before you confirm, computed with core calls on the inventory: what a
// proposed rule saves, whether each builder honours an exception, the offenders, and where the
// builders differ. Called from a hook; the result reaches the reducer as a `mode-data` action.
import { explainWithLines, proposeException, proposeIgnoreRules, tuiOffenders } from '@ctxlens/core';
import type { Evaluation } from '../state/derive.js';
import { appendRule, documentLines, type RulesModel } from '../state/rules-model.js';
import type { Mode, ModeData } from '../state/types.js';
import { builderDifferences } from './builder-diff.js';
import type { Session } from './session.js';

function linesWith(rules: RulesModel, line: string): string[] {
  return documentLines(appendRule(rules, line).model);
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
  const now = evaluation.sizes.tarBytes;
  switch (mode.kind) {
    case 'confirm-ignore': {
      const options = proposeIgnoreRules(inv, mode.index).map((rule) => {
        // Exactly the lines confirming produces, so the evaluation is cached for it.
        const outcome = evaluator.evaluate(linesWith(rules, rule.line), evaluation.builder, true);
        return { rule, savesBytes: outcome.ok ? now - outcome.evaluation.sizes.tarBytes : undefined };
      });
      return { kind: 'ignore-preview', index: mode.index, key, options };
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
        addsBytes: outcome.ok ? outcome.evaluation.sizes.tarBytes - now : undefined,
        legacyHonours: honours('legacy'),
        buildkitHonours: honours('buildkit'),
      };
    }
    case 'offenders':
      return { kind: 'offenders', key, offenders: tuiOffenders(evaluation.context) };
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

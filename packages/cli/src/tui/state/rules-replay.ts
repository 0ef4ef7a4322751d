// Bringing the user's edits over a newer version of the ignore file (reloaded after a conflict, or
// rescanned): the core replays them by line content and refuses where they conflict; here the
// replayed steps are applied through the model's own functions, so switched-off rules stay
// switchable and the edits stay recorded for the next replay.
import { parseDocument, type ReplayConflict, replayEdits } from '@ctxlens/core';
import { deleteRule, editsOf, insertRule, moveRule, type RulesModel, rulesFromBytes, setLine } from './rules-model.js';

/** A model brought over other bytes, or the edit that could not be. */
export type ReplayedRules = { readonly ok: true; readonly model: RulesModel } | { readonly ok: false; readonly conflict: ReplayConflict };

/**
 * Replays a model's edits onto the file's bytes as they are now.
 * @returns the model over those bytes (its base), or the first conflict
 */
export function replayRules(model: RulesModel, bytes: Buffer | undefined): ReplayedRules {
  const replayed = replayEdits(parseDocument(bytes), editsOf(model));
  if (!replayed.ok) return replayed;
  let next = rulesFromBytes(bytes);
  for (const { edit, at, to } of replayed.steps) {
    if (edit.kind === 'insert') next = insertRule(next, edit.text, at);
    else if (edit.kind === 'remove') next = deleteRule(next, at);
    else if (edit.kind === 'move') next = moveRule(next, at, to);
    else next = setLine(next, at, edit.text);
  }
  return { ok: true, model: next };
}

/** Whether two versions of the file hold the same bytes (undefined: no file). */
export function sameFileBytes(a: Buffer | undefined, b: Buffer | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.equals(b);
}

/**
 * An undo step as it applies over the current file: as it was when its base is the current one,
 * else its edits replayed onto the current base (a step from before a reload).
 * @returns the model to restore, or the conflict
 */
export function restoreStep(step: RulesModel, current: RulesModel): ReplayedRules {
  return sameFileBytes(step.base, current.base) ? { ok: true, model: step } : replayRules(step, current.base);
}

/**
 * The undo steps after a save of `saved`: each as it applies over the file before the save, now
 * counted from the saved bytes. Steps that no longer apply (and those older) are dropped.
 * @returns the new undo stack
 */
export function historyAfterSave(history: readonly RulesModel[], current: RulesModel, saved: Buffer): RulesModel[] {
  const out: RulesModel[] = [];
  for (const step of history) {
    const restored = restoreStep(step, current);
    if (!restored.ok) {
      out.length = 0;
      continue;
    }
    // Their edits are read off a diff against the saved file if ever needed (editsOf).
    out.push({ ...restored.model, base: saved, edits: undefined });
  }
  return out;
}

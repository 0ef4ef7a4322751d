// What the Dockerfile does with each tree entry (issue 12, the golden rule), as the tree shows it:
// a file or directory whose sent files are all copied or mounted is "used", one that sends files
// nothing uses is "sent-unused", one with both is "mixed". Computed once per evaluation, in O(n).
import { UseMark } from '@ctxlens/core';
import { EntryState } from '@ctxlens/core/live';
import { ignoreFileRelative } from '@ctxlens/core/internal';
import type { Evaluation } from './derive.js';
import { usageOf } from './usage.js';

/** Bits of UseFlags: the subtree holds a sent file the Dockerfile uses, or one it never uses. */
export const HOLDS_USED = 1;
export const HOLDS_UNUSED = 2;

/** How an entry is used: undefined when nothing of it is sent or the Dockerfile's reads are unknown. */
export type UseState = 'used' | 'sent-unused' | 'mixed' | undefined;

const memo = new WeakMap<Evaluation, Uint8Array | undefined>();

/**
 * Per inventory entry, HOLDS_USED and HOLDS_UNUSED over its sent files (the Dockerfile and the
 * ignore file, which the builder reads itself, count as used).
 * @returns the flags, or undefined when the evaluation has no usage analysis
 */
export function useFlags(evaluation: Evaluation | undefined): Uint8Array | undefined {
  const usage = usageOf(evaluation);
  if (evaluation === undefined || usage === undefined) return undefined;
  if (memo.has(evaluation)) return memo.get(evaluation);
  const inv = evaluation.context.inventory;
  const marks = usage.marks;
  const state = evaluation.context.walk.state;
  // The builder reads these itself: analyzeUsage never lists them as unused, nor does the tree.
  const own = new Set([evaluation.context.inputs.dockerfileRelative, ignoreFileRelative(evaluation.context)].map((p) => inv.indexOf(p, false)).filter((i) => i > 0));
  const flags = new Uint8Array(inv.count);
  for (let i = inv.count - 1; i > 0; i--) {
    if (inv.kind(i) !== 'dir' && state[i] === EntryState.Included) {
      flags[i]! |= (marks[i]! & UseMark.Used) !== 0 || own.has(i) ? HOLDS_USED : HOLDS_UNUSED;
    }
    const p = inv.parent[i]!;
    if (p > 0) flags[p]! |= flags[i]!;
  }
  memo.set(evaluation, flags);
  return flags;
}

/**
 * The use state of an entry from its flags.
 * @returns the state, undefined when nothing of it is sent
 */
export function useStateOf(flags: number): UseState {
  if (flags === HOLDS_USED) return 'used';
  if (flags === HOLDS_UNUSED) return 'sent-unused';
  return flags === 0 ? undefined : 'mixed';
}

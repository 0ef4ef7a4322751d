// Why a path is in or out, like `git check-ignore -v`: replays the builder's walk down the path's
// ancestors, so parent matching, inherited matches and pruned directories are explained the way
// Docker decides them. Works for paths that do not exist too. Rules are not all: an entry the walks
// never send whatever the rules say (a socket) is explained as left out, with the reason.
import { goClean } from '../ignorefile/go-strings.js';
import { type MatchInfo, matchesUsingParentResults } from '../patterns/matcher.js';
import type { CompiledPattern, PatternSet } from '../patterns/pattern-set.js';
import type { EntryKind } from '../inventory/inventory.js';
import type { Builder } from '../options.js';
import { excludedDirEntry } from '../walk/enter-excluded.js';
import { ACCEPTS, checkArgument } from '../validate.js';
import { unsentReason } from '../walk/walk-result.js';

/** The kind of the entry at a cleaned context-relative path, or undefined when there is none (or it is not known). */
export type EntryKindLookup = (path: string) => EntryKind | undefined;

/** One rule match that set the path's state. */
export interface TraceStep {
  readonly rule: CompiledPattern;
  /** The path (or ancestor directory) the rule's pattern matched. */
  readonly matchedAt: string;
  readonly effect: 'exclude' | 'include';
}

/** The answer to "why is this path in or out of the context?". */
export interface Explanation {
  /** The path asked about, cleaned. */
  readonly path: string;
  readonly builder: Builder;
  readonly included: boolean;
  /** The rule that decided, or undefined when no rule matched (included by default). */
  readonly rule: CompiledPattern | undefined;
  /** Every match that set the state, in evaluation order; the last one decided. */
  readonly trace: readonly TraceStep[];
  /** Set when an ancestor directory was excluded and never entered: that directory decided. */
  readonly prunedAt: string | undefined;
  /**
   * Set when the rules send the path but the builder still leaves its entry out (a socket): why.
   * `included` is then false and `rule` is what the rules decided.
   */
  readonly notSent?: string;
}

/**
 * Explains a path under one builder's rules.
 * @param path context-relative path, POSIX separators
 * @param kindOf the kind of the entry at the cleaned path, so that an entry no walk sends (a
 *   socket) is explained as not sent; without it only the rules decide
 * @returns the decision, the deciding rule and the trace of matches
 * @throws IgnoreFileError when a rule reached on the way does not compile
 * @throws InputError when `path` is not a string or `builder` not a builder
 */
export function explainPath(set: PatternSet, builder: Builder, path: string, kindOf?: EntryKindLookup): Explanation {
  checkArgument(path, 'path', ACCEPTS.string);
  checkArgument(builder, 'builder', ACCEPTS.builder);
  const clean = goClean(path).replace(/^\/+/, '');
  const parts = clean === '.' || clean === '' ? [] : clean.split('/');
  const matchedAt: (string | undefined)[] = new Array(set.patterns.length).fill(undefined);
  const enters = excludedDirEntry(set, builder);
  let info: MatchInfo | undefined;
  let trace: TraceStep[] = [];
  let included = true;
  let deciding = -1;
  for (let depth = 0; depth < parts.length; depth++) {
    const prefix = parts.slice(0, depth + 1).join('/');
    trace = [];
    const verdict = matchesUsingParentResults(set, prefix, info, (index, inherited) => {
      const rule = set.patterns[index]!;
      if (!inherited) matchedAt[index] = prefix;
      trace.push({ rule, matchedAt: matchedAt[index] ?? prefix, effect: rule.exclusion ? 'include' : 'exclude' });
    });
    included = !verdict.excluded;
    deciding = verdict.deciding;
    info = verdict.info;
    const isLast = depth === parts.length - 1;
    if (!isLast && verdict.excluded && !enters(prefix)) {
      return { path: clean, builder, included: false, rule: set.patterns[deciding], trace, prunedAt: prefix };
    }
  }
  const rule = deciding >= 0 ? set.patterns[deciding] : undefined;
  // The walks send every entry the rules include, except what unsentReason names (WalkRecorder.send).
  const notSent = included && parts.length > 0 && kindOf !== undefined ? unsentReason(builder, kindOf(clean)) : undefined;
  if (notSent !== undefined) return { path: clean, builder, included: false, rule, trace, prunedAt: undefined, notSent };
  return { path: clean, builder, included, rule, trace, prunedAt: undefined };
}

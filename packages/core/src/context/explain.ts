// Why a path is in or out, like `git check-ignore -v`: replays the builder's walk down the path's
// ancestors, so parent matching, inherited matches and pruned directories are explained the way
// Docker decides them. Works for paths that do not exist too.
import { goClean } from '../ignorefile/go-strings.js';
import { type MatchInfo, matchesUsingParentResults } from '../patterns/matcher.js';
import type { CompiledPattern, PatternSet } from '../patterns/pattern-set.js';
import type { Builder } from '../options.js';
import { excludedDirEntry } from '../walk/enter-excluded.js';

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
}

/**
 * Explains a path under one builder's rules.
 * @param path context-relative path, POSIX separators
 * @returns the decision, the deciding rule and the trace of matches
 * @throws IgnoreFileError when a rule reached on the way does not compile
 */
export function explainPath(set: PatternSet, builder: Builder, path: string): Explanation {
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
  return { path: clean, builder, included, rule: deciding >= 0 ? set.patterns[deciding] : undefined, trace, prunedAt: undefined };
}

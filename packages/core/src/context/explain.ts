// Why a path is in or out, like `git check-ignore -v`: replays the builder's walk down the path's
// ancestors, so parent matching, inherited matches and pruned directories are explained the way
// Docker decides them. Works for paths that do not exist too. Rules are not all: an entry the walks
// never send whatever the rules say (a socket) is explained as left out, with the reason.
import type { ContextRequest } from '../dockerfile/requests.js';
import { goClean } from '../ignorefile/go-strings.js';
import { type MatchInfo, matchesUsingParentResults } from '../patterns/matcher.js';
import { type CompiledPattern, compileRules, type PatternSet } from '../patterns/pattern-set.js';
import type { EntryKind } from '../inventory/inventory.js';
import type { Builder } from '../options.js';
import { excludedDirEntry } from '../walk/enter-excluded.js';
import type { FollowedPaths } from '../walk/follow-links.js';
import { ACCEPTS, checkArgument } from '../validate.js';
import { unsentReason } from '../walk/walk-result.js';
import type { SendPlan } from './send-plan.js';

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
  /** True when the path is sent: the ignore file lets it through and (BuildKit) the Dockerfile asks for it. */
  readonly included: boolean;
  /** Whether the ignore file lets it through, requested or not (set when there is a `request`). */
  readonly eligible?: boolean;
  /** Under BuildKit with a plan: whether the Dockerfile asks for the path, and which instructions. */
  readonly request?: RequestExplanation;
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

/** Whether and why the Dockerfile asks for a path (BuildKit). */
export interface RequestExplanation {
  /**
   * `whole`: the whole context is asked for; `path`: a read covers the path; `parent`: a directory
   * sent on the way to requested paths; `not-requested`: no instruction reads it; `no-context-use`:
   * the build reads no context at all.
   */
  readonly kind: 'whole' | 'path' | 'parent' | 'not-requested' | 'no-context-use';
  /** The reads that ask for it. */
  readonly by: readonly ContextRequest[];
  /** Those reads as `Dockerfile:12 COPY src ./src`. */
  readonly instructions: readonly string[];
  /** One sentence for people. */
  readonly reason: string;
}

/** A pattern of the followed paths matching the path or one of its parent directories (a matched directory is sent whole). */
function coversPath(pattern: string, path: string, match: (pattern: string, path: string) => boolean): boolean {
  const parts = path.split('/');
  for (let depth = 1; depth <= parts.length; depth++) if (match(pattern, parts.slice(0, depth).join('/'))) return true;
  return false;
}

/**
 * Explains a path against BuildKit's request: which of the Dockerfile's reads ask for it.
 * @param isSent whether the send walk sent the entry (tells parent directories apart)
 * @returns the request's verdict and the instructions behind it
 */
export function explainRequest(plan: SendPlan, followed: FollowedPaths | undefined, path: string, isSent: (path: string) => boolean): RequestExplanation {
  const requests = plan.requests?.requests ?? [];
  const file = plan.requests?.graph.file ?? 'Dockerfile';
  const label = (by: readonly ContextRequest[]): string[] => [...new Set(by.map((r) => `${file}:${r.instruction.line} ${r.instruction.text}`))];
  const answer = (kind: RequestExplanation['kind'], by: readonly ContextRequest[], reason: string): RequestExplanation => ({ kind, by, instructions: label(by), reason });
  if (plan.scope === 'none') return answer('no-context-use', [], 'not requested by the Dockerfile: no instruction of the target reads the build context, so BuildKit sends nothing');
  if (plan.scope === 'whole' || followed?.patterns === undefined) {
    if (plan.wholeBecause === 'option') return answer('whole', [], 'the whole context was asked for (as if COPY . .)');
    if (plan.wholeBecause === 'no-dockerfile') return answer('whole', [], 'there is no Dockerfile, so the whole context is shown');
    const by = plan.scope === 'whole' ? requests.filter((r) => r.wholeContext) : requestsFor(requests, followed?.origins.get('.') ?? []);
    return answer('whole', by, 'the Dockerfile reads the whole context');
  }
  const matching = followed.patterns.filter((p) => coversPath(p, path, matchOne));
  if (matching.length > 0) {
    const origins = matching.flatMap((p) => followed.origins.get(p) ?? []);
    return answer('path', requestsFor(requests, origins), 'requested by the Dockerfile');
  }
  if (path !== '' && isSent(path)) {
    const below = [...followed.origins.keys()].filter((p) => p.startsWith(path + '/'));
    return answer('parent', requestsFor(requests, below.flatMap((p) => followed.origins.get(p) ?? [])), 'sent as a parent directory of requested paths');
  }
  return answer('not-requested', [], 'not requested by the Dockerfile');
}

function requestsFor(requests: readonly ContextRequest[], followPaths: readonly string[]): ContextRequest[] {
  const wanted = new Set(followPaths);
  return requests.filter((r) => wanted.has(r.path));
}

const compiledOnce = new Map<string, PatternSet>();

/** One include pattern against one path, as Docker's matcher does (compiled once per pattern). */
function matchOne(pattern: string, path: string): boolean {
  let set = compiledOnce.get(pattern);
  if (set === undefined) {
    set = compileRules([{ pattern, origin: { file: '(requested paths)', line: 0, text: pattern } }]);
    if (compiledOnce.size > 1000) compiledOnce.clear();
    compiledOnce.set(pattern, set);
  }
  try {
    return set.patterns[0]?.matches(path) ?? false;
  } catch {
    return false;
  }
}

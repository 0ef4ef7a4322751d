// BuildKit's Dockerfile frontend matches every COPY and ADD source read from the context against
// the ignore file (dockerfile2llb validateCopySourcePath, for its CopyIgnoredFile check), with
// patternmatcher's MatchesOrParentMatches, in dispatch order, and discards the result's error.
// patternmatcher compiles a rule's regexp on its first match: when that fails it returns
// ErrBadPattern but leaves the rule marked as a regexp rule with no regexp, so the next match that
// reaches the same rule dereferences nil. In dockerd 28.5.2 that panic takes the whole daemon down
// (SIGSEGV in patternmatcher.(*Pattern).match, seen while running random cases on the real
// BuildKit). One reaching source is harmless there: the error is dropped, and the client's walk
// meets the rule on its own (walk/buildkit.ts).
import { IgnoreFileError } from '../errors.js';
import { matchesOrParentMatches } from '../patterns/matcher.js';
import type { PatternSet } from '../patterns/pattern-set.js';
import type { SendPlan } from './send-plan.js';

/**
 * Replays the frontend's source checks and finds the one that would crash the daemon.
 * @returns nothing
 * @throws IgnoreFileError (the rule's, phase `match`) naming both instructions whose checks meet it
 */
export function checkFrontendIgnoreMatches(set: PatternSet, plan: SendPlan | undefined): void {
  if (plan?.requests === undefined || !set.patterns.some((p) => p.compiled() instanceof IgnoreFileError)) return;
  const failedOnce = new Map<number, string>();
  for (const request of plan.requests.requests) {
    if (request.kind !== 'copy' && request.kind !== 'add') continue;
    try {
      matchesOrParentMatches(set, request.path);
    } catch (error) {
      if (!(error instanceof IgnoreFileError)) throw error;
      const where = `${plan.requests.graph.file}:${request.instruction.line} ${request.instruction.text}`;
      const first = failedOnce.get(error.line);
      if (first === undefined) {
        failedOnce.set(error.line, where);
        continue;
      }
      // A rule error, like the walk's: callers that handle ignore-file errors (lint, the TUI) handle this one.
      throw new IgnoreFileError(
        `BuildKit fails, and dockerd 28.5.2 crashes: its Dockerfile frontend checks each COPY and ADD source against ${error.file}, and the rule at line ${error.line} (${JSON.stringify(error.pattern)}) is not a valid pattern (${error.message}). The check of ${first} drops that error; the check of ${where} meets the same rule again, whose regexp was never made, and the daemon dies with a nil dereference in patternmatcher.`,
        { file: error.file, line: error.line, text: error.pattern },
        'match',
        'Fix or remove that rule: escape [ ] * ? and \\ with a backslash when they are part of a name.',
      );
    }
  }
}

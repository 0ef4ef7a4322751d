// Validating a .dockerignore line as it is typed, with Docker's own error: load-time errors
// (patternmatcher.New) and regexp errors Docker only raises once a path reaches the rule.
import { IgnoreFileError } from '../errors.js';
import { readAllPattern } from '../ignorefile/read-ignore-file.js';
import { compileRules } from '../patterns/pattern-set.js';

/** What Docker would make of one typed line. */
export type RuleLineCheck =
  | { readonly kind: 'rule'; readonly pattern: string; readonly exclusion: boolean }
  | { readonly kind: 'not-a-rule'; readonly reason: string }
  | { readonly kind: 'error'; readonly error: IgnoreFileError };

/**
 * Checks a line as if it stood at `line` of `file`.
 * @returns the pattern Docker would keep, why the line adds no rule, or Docker's error
 */
export function checkRuleLine(text: string, file: string, line: number): RuleLineCheck {
  const pattern = readAllPattern(text);
  if (pattern === undefined) return { kind: 'not-a-rule', reason: text.startsWith('#') ? 'a comment adds no rule' : 'a blank line adds no rule' };
  const origin = { file, line, text };
  try {
    const set = compileRules([{ pattern, origin }]);
    const compiled = set.patterns[0];
    if (compiled === undefined) return { kind: 'not-a-rule', reason: 'the line adds no rule' };
    const program = compiled.compiled();
    if (program instanceof IgnoreFileError) return { kind: 'error', error: program };
    return { kind: 'rule', pattern: compiled.text, exclusion: compiled.exclusion };
  } catch (error) {
    if (error instanceof IgnoreFileError) return { kind: 'error', error };
    throw error;
  }
}

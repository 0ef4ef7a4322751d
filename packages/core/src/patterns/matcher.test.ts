import { describe, expect, it } from 'vitest';
import { type MatchInfo, matchesOrParentMatches, matchesSingleDepth, matchesUsingParentResults } from './matcher.js';
import { ruleSetVectors } from './matcher.vectors.js';
import { compileRules, type PatternSet } from './pattern-set.js';

const compile = (rules: string[]): PatternSet =>
  compileRules(rules.map((pattern, i) => ({ pattern, origin: { file: '.dockerignore', line: i + 1, text: pattern } })));

function walkTo(set: PatternSet, path: string): boolean {
  const parts = path.split('/');
  let info: MatchInfo | undefined;
  let excluded = false;
  for (let i = 0; i < parts.length; i++) {
    const verdict = matchesUsingParentResults(set, parts.slice(0, i + 1).join('/'), info);
    ({ excluded, info } = verdict);
  }
  return excluded;
}

describe.each(ruleSetVectors)('$rules on $path ($from)', ({ rules, path, mop, walk, single }) => {
  const set = compile(rules);
  it('MatchesOrParentMatches', () => expect(matchesOrParentMatches(set, path).excluded).toBe(mop));
  it('MatchesUsingParentResults, walked top-down', () => expect(walkTo(set, path)).toBe(walk));
  it('deprecated Matches', () => expect(matchesSingleDepth(set, path)).toBe(single));
});

describe('deciding rule', () => {
  it('is the last rule that matched and set the state', () => {
    const set = compile(['*.log', 'logs', '!logs/keep.log']);
    expect(matchesOrParentMatches(set, 'logs/keep.log').deciding).toBe(2);
    expect(matchesOrParentMatches(set, 'logs/other.log').deciding).toBe(1);
    expect(matchesOrParentMatches(set, 'src/a.ts').deciding).toBe(-1);
  });
});

/**
 * Whole-rule-set evaluation. `mop` is MatchesOrParentMatches, `walk` is MatchesUsingParentResults
 * fed top-down as both builders' walkers do, `single` is the deprecated single-depth Matches.
 * Where they disagree, the walkers decide what Docker sends.
 */
export const ruleSetVectors: readonly { rules: string[]; path: string; mop: boolean; walk: boolean; single: boolean; from: string }[] = [
  { rules: ['foo/x', '!foo'], path: 'foo/x', mop: false, walk: true, single: false, from: 'issue #2: with foo/x then !foo, foo/x stays excluded (walkers)' },
  { rules: ['d/*', '!d'], path: 'd/x', mop: false, walk: true, single: false, from: 'the walker never tested !d at d, so d/x cannot inherit it' },
  { rules: ['foo', '!foo/bar'], path: 'foo/bar', mop: false, walk: false, single: false, from: 'exception re-includes' },
  { rules: ['foo', '!foo/bar'], path: 'foo/bar/baz', mop: false, walk: false, single: false, from: 'inherited exception' },
  { rules: ['foo', '!foo/bar'], path: 'foo/baz', mop: true, walk: true, single: true, from: 'parent match' },
  { rules: ['*.md', '!README.md'], path: 'docs/a.md', mop: false, walk: false, single: false, from: '*.md only at the root' },
  { rules: ['**/*.md'], path: 'docs/a.md', mop: true, walk: true, single: true, from: 'handwritten' },
  { rules: ['a/**/c'], path: 'a/c/x', mop: true, walk: true, single: false, from: 'deprecated Matches checks only the ancestor at the pattern depth' },
  { rules: ['node_modules'], path: 'src/node_modules/x', mop: false, walk: false, single: false, from: 'no match at depth without **' },
  { rules: ['*', '!keep'], path: 'keep', mop: false, walk: false, single: false, from: 'last match wins' },
  { rules: ['!keep', '*'], path: 'keep', mop: true, walk: true, single: true, from: 'last match wins' },
  { rules: ['*', '[z-a]'], path: 'x/y', mop: true, walk: true, single: true, from: 'issue #2: the bad rule is never reached, so no error' },
];

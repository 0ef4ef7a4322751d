// Public surface of the analysis layer: everything that judges a context (offenders, categories,
// checks, lint, builder differences, suggestions). Re-exported by the package index.
export { CATEGORIES, CATEGORY_NAMES, categoryByName } from './categories.js';
export type { Category, CategoryName, FileRule } from './categories.js';
export { findCategoryHits, readHead } from './category-hits.js';
export type { CategoryHit, CategoryScanOptions } from './category-hits.js';
export { anyDepthPattern, lineExcludes, literalPattern } from './docker-pattern.js';
export { ignoreFileRelative, rankOffenders, significantOffenders } from './offenders.js';
export type { RankedOffender, RankOptions } from './offenders.js';
export { includedTotals, subtreeTotals } from './subtree-totals.js';
export type { SubtreeTotals } from './subtree-totals.js';
export { explainBoth, loadBothBuilderRules, loadBuilderRules } from './builder-rules.js';
export type { BothBuilderRules, BuilderRules, PathVerdict } from './builder-rules.js';
export { diffBuilders, otherBuilderContext } from './builder-diff.js';
export type { BuilderDiff, BuilderDifference } from './builder-diff.js';
export { otherBuilder, runChecks } from './check.js';
export type { CheckConfig, CheckInput, CheckOffender, CheckResult } from './check.js';
export { lintIgnoreFile } from './lint.js';
export type { LintCode, LintFinding } from './lint-types.js';
export { suggestIgnoreLines } from './suggest.js';
export type { SuggestOptions, SuggestResult, Suggestion, SuggestionSource } from './suggest.js';
export { findGitignoreFiles, gitIgnoredMask, translateGitignoreLine } from './gitignore-rules.js';
export type { GitignoreFile } from './gitignore-rules.js';
export { appendedExclusionEffect, compileExclusion } from './exclusion-effect.js';
export type { ExclusionEffect } from './exclusion-effect.js';

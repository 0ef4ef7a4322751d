// The public API of @ctxlens/core: the stable surface, covered by semver. Nothing inside core
// imports this file. Each name is documented where it is declared (TSDoc); this file only picks.
//
// Three entries (packages/core/package.json "exports"):
// - `@ctxlens/core` (this file): compute a build context, explain it, read and edit ignore files,
//   the Dockerfile model, the analyses (check, lint, suggest, offenders, usage), errors and types.
// - `@ctxlens/core/live` (live/index.ts): live re-evaluation on an in-memory inventory, by inventory
//   index and typed arrays, for interactive tools (the TUI, an editor extension). Public too.
// - `@ctxlens/core/internal` (internal.ts): what only the ctxlens CLI, its tests and benchmarks
//   use. No semver promise.
// packages/core/src/public-surface.test.ts pins the names of the two public entries.

// Computing a context, and re-evaluating rules on its inventory without the disk.
export { computeContext, computeContextWithBaseline, evaluateRules, measureContext } from './context/compute-context.js';
export type { ContextComparison, RuleChange, SizeComparison } from './context/compute-context.js';
export { BuildContext } from './context/build-context.js';
export type { BuildInputs } from './context/resolve-inputs.js';
export type { ContextEntry, ContextSizes, EntryFigures } from './context/sizes.js';
export { countsAsFile, FIGURES } from './context/figures.js';
export type { Figure, FigureName } from './context/figures.js';
export type { Explanation, RequestExplanation, TraceStep } from './context/explain.js';
export type { SendPlan, SendScope } from './context/send-plan.js';
export type { FollowedPaths } from './walk/follow-links.js';
export type { Builder, ContextOptions, ScanProgressEvent } from './options.js';
export type { Diagnostic } from './diagnostics.js';
export type { FsAdapter } from './fs-adapter.js';
export type { EntryKind } from './inventory/inventory.js';

// Errors: the CLI and callers tell them apart with instanceof, never by message.
export { AbortError, CtxlensError, DockerfileError, IgnoreFileError, InputError } from './errors.js';
export type { CtxlensErrorCode, RuleOrigin } from './errors.js';

// Ignore files: Docker's reader (ignorefile.ReadAll), its pattern compiler and matcher
// (moby/patternmatcher), and lossless, atomic editing that keeps every untouched byte.
export { parseIgnoreFile } from './ignorefile/read-ignore-file.js';
export type { IgnoreFile, RawRule } from './ignorefile/read-ignore-file.js';
export type { IgnoreLine, SplitIgnoreFile } from './ignorefile/lines.js';
export { compileRules, CompiledPattern } from './patterns/pattern-set.js';
export type { PatternSet } from './patterns/pattern-set.js';
export type { MatchKind } from './patterns/compile.js';
export { matchesOrParentMatches, matchesUsingParentResults } from './patterns/matcher.js';
export {
  documentRules,
  IgnoreFileConflictError,
  insertLine,
  lineText,
  moveLine,
  parseDocument,
  removeLine,
  replaceLine,
  serializeDocument,
  writeDocument,
} from './ignorefile/edit.js';
export type { DocumentLine, IgnoreDocument } from './ignorefile/edit.js';
export { anchorAt, applyLineEdit, insertEdit, locateLine, moveEdit } from './ignorefile/line-edits.js';
export type { AppliedEdit, EditStep, LineAnchor, LineEdit, LinePlace, Unlocated } from './ignorefile/line-edits.js';
export { replayEdits } from './ignorefile/replay.js';
export type { ReplayConflict, ReplayResult } from './ignorefile/replay.js';

// The Dockerfile, read as BuildKit's Dockerfile frontend reads it: parseDockerfile (syntax and
// instruction checks), buildStageGraph (target, global ARGs, stage dependencies) and requestedPaths
// (the context paths the target's stages read, and whether the whole context is sent).
export { buildStageGraph, parseDockerfile } from './dockerfile/stages.js';
export type { BuildOptions, Dockerfile, Platform, StageGraph, StageNode, StageSource } from './dockerfile/stages.js';
export { requestedPaths } from './dockerfile/requests.js';
export type { ContextRequest, ContextRequests, CopyOrigin, RequestKind, StageCopy } from './dockerfile/requests.js';
export type { CopyInstruction, Instruction, InstructionSource, ParsedStage, RunInstruction } from './dockerfile/instructions.js';
export type { DockerfileAst, DockerfileNode, Heredoc, ParserDirective, ParseWarning } from './dockerfile/parser.js';
export type { MountType, RunMount } from './dockerfile/mounts.js';
export type { SyntaxDirective } from './dockerfile/directives.js';

// Figures as Docker prints them, and names as bytes (a name that is not UTF-8 stays escaped).
export { formatDockerSize } from './tar/docker-size.js';
export { formatProgressBytes } from './transfer/progress-bytes.js';
export { pathBytes, pathFromBytes } from './inventory/raw-names.js';

// Analysis: what a context costs and risks, and what to do about it.
export { CATEGORIES, CATEGORY_NAMES, categoryByName } from './analysis/categories.js';
export type { Category, CategoryName, FileRule } from './analysis/categories.js';
export { findCategoryHits } from './analysis/category-hits.js';
export type { CategoryHit, CategoryScanOptions } from './analysis/category-hits.js';
export { rankOffenders } from './analysis/offenders.js';
export type { RankedOffender, RankOptions } from './analysis/offenders.js';
export { diffBuilders } from './analysis/builder-diff.js';
export type { BuilderDiff, BuilderDifference } from './analysis/builder-diff.js';
export { DENY_NAMES, runChecks } from './analysis/check.js';
export type { CheckConfig, CheckInput, CheckOffender, CheckResult, DenyName, UnusedLimit } from './analysis/check.js';
export { lintIgnoreFile } from './analysis/lint.js';
export type { LintCode, LintFinding } from './analysis/lint-types.js';
export { lintDockerfile } from './analysis/dockerfile-lint.js';
export type { DockerfileFinding, DockerfileLintCode } from './analysis/dockerfile-lint.js';
export { lintCacheOrder } from './analysis/cache-order.js';
export type { CacheOrderFinding } from './analysis/cache-order.js';
export { suggestIgnoreLines } from './analysis/suggest.js';
export { applySuggestions } from './analysis/apply-suggestions.js';
export type { SuggestOptions, SuggestResult, Suggestion, SuggestionSource } from './analysis/suggest.js';
export { analyzeUsage, UseMark } from './analysis/usage.js';
export type { EntryUse, FileTotals, UnusedGroup, UsageAnalysis } from './analysis/usage.js';
export { copySourceErrors } from './analysis/copy-errors.js';
export type { CopyError, CopyErrorCause } from './analysis/copy-errors.js';
export { allowlistIgnoreFile } from './analysis/allowlist.js';
export type { AllowlistResult, AllowlistSavings } from './analysis/allowlist.js';
export { secretsFlow } from './analysis/secrets-flow.js';
export type { SecretFlow, SecretReach, SecretsFlowOptions, SecretsReport } from './analysis/secrets-flow.js';
// Secrets by content (issue 13 point 11): precise token formats in small files, never their values.
export { findSecretsInBytes, findSecretsInText, SECRET_DETECTORS } from './analysis/secret-content.js';
export type { SecretDetector, SecretDetectorId, SecretFinding } from './analysis/secret-content.js';
export { secretAtPath } from './analysis/secret-at-path.js';
export type { PathSecret } from './analysis/secret-at-path.js';
export type { SecretContentReader } from './analysis/secret-content-scan.js';

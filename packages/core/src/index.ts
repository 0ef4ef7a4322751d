// Public API of @ctxlens/core. Nothing inside core imports this file.

export { computeContext, computeContextWithBaseline, evaluateRules, measureContext } from './context/compute-context.js';
export type { ContextComparison, RuleChange, SizeComparison } from './context/compute-context.js';
export { BuildContext } from './context/build-context.js';
export type { BuildInputs } from './context/resolve-inputs.js';
export { ignoreFilePath, ignoreFileToEdit } from './context/resolve-inputs.js';
export type { ContextEntry, ContextSizes } from './context/sizes.js';
export { countsAsFile, FIGURES } from './context/figures.js';
export type { Figure, FigureName } from './context/figures.js';
export type { Explanation, RequestExplanation, TraceStep } from './context/explain.js';
export type { SendPlan, SendScope } from './context/send-plan.js';
export type { FollowedPaths } from './walk/follow-links.js';
export { explainPath } from './context/explain.js';
export { LEGACY_FORCED_RULES, EXTRA_RULES } from './context/rule-set.js';

export type { Builder, ContextOptions, ScanProgressEvent } from './options.js';
export type { Diagnostic } from './diagnostics.js';
export { CtxlensError, IgnoreFileError, InputError, AbortError, DockerfileError } from './errors.js';
export type { CtxlensErrorCode, RuleOrigin } from './errors.js';

// The Dockerfile, read as BuildKit's Dockerfile frontend reads it: parseDockerfile (syntax and
// instruction checks), buildStageGraph (target, global ARGs, stage dependencies) and requestedPaths
// (the context paths the target's stages read, and whether the whole context is sent).
export { parseDockerfile, buildStageGraph, platformArgs } from './dockerfile/stages.js';
export type { BuildOptions, Dockerfile, Platform, StageGraph, StageNode, StageSource } from './dockerfile/stages.js';
export { requestedPaths } from './dockerfile/requests.js';
export type { ContextRequest, ContextRequests, CopyOrigin, RequestKind, StageCopy } from './dockerfile/requests.js';
export type { Instruction, InstructionSource, CopyInstruction, RunInstruction, ParsedStage } from './dockerfile/instructions.js';
export { dumpAst, parseDockerfileAst } from './dockerfile/parser.js';
export type { DockerfileAst, DockerfileNode, Heredoc, ParserDirective, ParseWarning } from './dockerfile/parser.js';
export { lexWord, ShellLexError } from './dockerfile/shell-lex.js';
export type { LexOptions, LexResult } from './dockerfile/shell-lex.js';
export type { RunMount, MountType } from './dockerfile/mounts.js';
export { detectSyntax } from './dockerfile/directives.js';
export type { SyntaxDirective } from './dockerfile/directives.js';

export { parseIgnoreFile, readAllPattern } from './ignorefile/read-ignore-file.js';
export type { IgnoreFile, RawRule } from './ignorefile/read-ignore-file.js';
export type { IgnoreLine, SplitIgnoreFile } from './ignorefile/lines.js';
export { goClean, goTrimSpace } from './ignorefile/go-strings.js';

export { compileRules, CompiledPattern } from './patterns/pattern-set.js';
export type { PatternSet } from './patterns/pattern-set.js';
export type { MatchKind } from './patterns/compile.js';
export { matchesOrParentMatches, matchesUsingParentResults } from './patterns/matcher.js';

export { Inventory } from './inventory/inventory.js';
export { startScanWorkers } from './inventory/scan-workers.js';
export type { ScanWorkers } from './inventory/scan-workers.js';
export { pathBytes, pathFromBytes } from './inventory/raw-names.js';
export type { FsAdapter } from './fs-adapter.js';
export { IGNORE_FILE_LIMITS, MAX_INPUT_FILE_BYTES, readInputFile } from './input-file.js';
export type { InputFileRead, InputReadLimits } from './input-file.js';
export type { EntryKind } from './inventory/inventory.js';
export { EntryState } from './walk/walk-result.js';
export type { WalkResult } from './walk/walk-result.js';
export { buildkitPrunesByPrefix } from './walk/enter-excluded.js';

export { formatDockerSize } from './tar/docker-size.js';
// BuildKit's `transferring context` figure: fsutil's packet sizes and its progress formatting.
export { formatProgressBytes } from './transfer/progress-bytes.js';
export { dataPacketsBytes, goFileMode, statPacketBytes } from './transfer/fsutil-wire.js';
export type { WireStat } from './transfer/fsutil-wire.js';
export { tarEntryBytes, TAR_TRAILER_BYTES } from './tar/tar-size.js';

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

// Terminal UI support (scanning in slices, O(n) totals, proposals, offenders).
export * from './analysis/tui-index.js';

// Analysis for the CLI (categories, offender ranking, check, lint, builder diff, suggest).
export * from './analysis/index.js';

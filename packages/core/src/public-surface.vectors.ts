// The names each public entry of @ctxlens/core exports, as data: adding, removing or renaming one is
// an API change, made here on purpose (and in the README's library section), never by accident.
// `@ctxlens/core/internal` is not pinned name by name (no semver promise); INTERNAL_ONLY lists names
// that must stay out of the public entries, each with why.

/** One public entry point: its specifier, source file and the names it exports. */
export interface EntrySurface {
  /** The specifier users import (a key of packages/core/package.json "exports"). */
  readonly entry: string;
  /** Its source, relative to packages/core/src. */
  readonly source: string;
  /** Names exported as values (they exist at run time). */
  readonly values: readonly string[];
  /** Names exported as types only. */
  readonly types: readonly string[];
}

/** The public entries, pinned. */
export const PUBLIC_SURFACE: readonly EntrySurface[] = [
  {
    entry: '@ctxlens/core',
    source: 'index.ts',
    values: [
      // computing and explaining a context
      'BuildContext', 'computeContext', 'computeContextWithBaseline', 'evaluateRules', 'measureContext',
      // the figures every command reports, defined once (issue 13 point 12)
      'countsAsFile', 'FIGURES',
      // errors
      'AbortError', 'CtxlensError', 'DockerfileError', 'IgnoreFileConflictError', 'IgnoreFileError', 'InputError',
      // ignore files: reading, compiling, matching, lossless editing
      'CompiledPattern', 'compileRules', 'matchesOrParentMatches', 'matchesUsingParentResults', 'parseIgnoreFile',
      'documentRules', 'insertLine', 'lineText', 'moveLine', 'parseDocument', 'removeLine', 'replaceLine', 'serializeDocument', 'writeDocument',
      // replaying edits onto a file changed on disk (issue 13 point 7)
      'anchorAt', 'applyLineEdit', 'insertEdit', 'locateLine', 'moveEdit', 'replayEdits',
      // the Dockerfile model
      'buildStageGraph', 'parseDockerfile', 'requestedPaths',
      // figures and names
      'formatDockerSize', 'formatProgressBytes', 'pathBytes', 'pathFromBytes',
      // analysis
      'CATEGORIES', 'CATEGORY_NAMES', 'categoryByName', 'findCategoryHits', 'rankOffenders', 'diffBuilders', 'DENY_NAMES', 'runChecks',
      'lintCacheOrder', 'lintDockerfile', 'lintIgnoreFile', 'suggestIgnoreLines', 'applySuggestions', 'analyzeUsage', 'UseMark', 'copySourceErrors',
      'allowlistIgnoreFile', 'secretsFlow', 'findSecretsInBytes', 'findSecretsInText', 'SECRET_DETECTORS', 'secretAtPath',
    ],
    types: [
      'BuildInputs', 'Builder', 'ContextComparison', 'ContextEntry', 'ContextOptions', 'ContextSizes', 'EntryFigures', 'Figure', 'FigureName', 'Diagnostic', 'EntryKind',
      'Explanation', 'FollowedPaths', 'FsAdapter', 'RequestExplanation', 'RuleChange', 'ScanProgressEvent', 'SendPlan', 'SendScope',
      'SizeComparison', 'TraceStep',
      'CtxlensErrorCode', 'RuleOrigin',
      'DocumentLine', 'IgnoreDocument', 'AppliedEdit', 'EditStep', 'LineAnchor', 'LineEdit', 'LinePlace', 'Unlocated', 'ReplayConflict', 'ReplayResult', 'IgnoreFile', 'IgnoreLine', 'MatchKind', 'PatternSet', 'RawRule', 'SplitIgnoreFile',
      'BuildOptions', 'ContextRequest', 'ContextRequests', 'CopyInstruction', 'CopyOrigin', 'Dockerfile', 'DockerfileAst', 'DockerfileNode',
      'Heredoc', 'Instruction', 'InstructionSource', 'MountType', 'ParsedStage', 'ParserDirective', 'ParseWarning', 'Platform',
      'RequestKind', 'RunInstruction', 'RunMount', 'StageCopy', 'StageGraph', 'StageNode', 'StageSource', 'SyntaxDirective',
      'AllowlistResult', 'AllowlistSavings', 'BuilderDiff', 'BuilderDifference', 'CacheOrderFinding', 'Category', 'CategoryHit',
      'CategoryName', 'CategoryScanOptions', 'CheckConfig', 'CheckInput', 'CheckOffender', 'CheckResult', 'CopyError', 'CopyErrorCause',
      'DenyName', 'DockerfileFinding', 'DockerfileLintCode', 'EntryUse', 'FileRule', 'FileTotals', 'LintCode', 'LintFinding',
      'RankedOffender', 'RankOptions', 'SecretFlow', 'SecretReach', 'SecretsFlowOptions', 'SecretsReport', 'SecretDetector', 'SecretDetectorId', 'SecretFinding', 'PathSecret', 'SecretContentReader', 'Suggestion',
      'SuggestionSource', 'SuggestOptions', 'SuggestResult', 'UnusedGroup', 'UnusedLimit', 'UsageAnalysis',
    ],
  },
  {
    entry: '@ctxlens/core/live',
    source: 'live/index.ts',
    values: [
      'EntryState', 'SOME_EXCLUDED', 'SOME_INCLUDED', 'SOME_NOT_REQUESTED', 'inventoryTotals', 'selectionTotals',
      'proposeException', 'proposeIgnoreRules', 'protectedEntries', 'recurrences',
      'explainBothBuilders', 'explainUnder', 'explainWithLines', 'checkRuleLine', 'groupOffenders',
    ],
    types: [
      'Inventory', 'WalkResult', 'InventoryTotals', 'SelectionTotals', 'ProposalGuard', 'ProposedRule', 'BuilderExplanations',
      'RuleLineCheck', 'GroupOffendersOptions', 'OffenderGroups', 'OffenderRow', 'OffenderUse',
    ],
  },
];

/** Names that must not reach a public entry: `from` says who needs them (or why they went). */
export const INTERNAL_ONLY: readonly { readonly name: string; readonly from: string }[] = [
  { name: 'goClean', from: 'issue 13 point 6: the conformance suites compare it with Go' },
  { name: 'goTrimSpace', from: 'the conformance suites compare it with Go' },
  { name: 'startScanWorkers', from: 'issue 13 point 6: the CLI starts workers before parsing argv' },
  { name: 'scanInSlices', from: "issue 13 point 6: the TUI's load, which leaves the event loop to Ink" },
  { name: 'fastContextSizes', from: "issue 13 point 6: the TUI's redraw; context.sizes gives the same figures" },
  { name: 'wholeContextPlan', from: "the TUI's `--whole-context` view" },
  { name: 'readInputFile', from: 'the CLI reads its config files with it' },
  { name: 'readAllPattern', from: "the CLI's line checks" },
  { name: 'LEGACY_FORCED_RULES', from: "the CLI's rule origins" },
  { name: 'ignoreFilePath', from: 'the CLI names the ignore file it edits' },
  { name: 'loadBothBuilderRules', from: '`ctxlens explain` under both builders' },
  { name: 'otherBuilderContext', from: '`ctxlens diff`' },
  { name: 'significantOffenders', from: "the default command's summary" },
  { name: 'SECRET_NAME_ALLOWED_WORDS_DOCKER_28', from: 'compared with the real Docker CLI by the conformance suite' },
];

/** Names that were exported once and are now gone from every entry (renamed, or no longer exported). */
export const REMOVED: readonly { readonly name: string; readonly from: string }[] = [
  { name: 'tuiOffenders', from: 'issue 13 point 6: named after its caller; now groupOffenders in @ctxlens/core/live' },
  { name: 'TuiOffenderRow', from: 'issue 13 point 6: now OffenderRow in @ctxlens/core/live' },
  { name: 'TuiOffenders', from: 'issue 13 point 6: now OffenderGroups in @ctxlens/core/live' },
  { name: 'TuiOffendersOptions', from: 'issue 13 point 6: now GroupOffendersOptions in @ctxlens/core/live' },
  { name: 'tarEntryBytes', from: 'byte counting behind context.sizes' },
  { name: 'statPacketBytes', from: 'byte counting behind context.sizes.transferBytes' },
  { name: 'lexWord', from: 'the Dockerfile shell lexer behind parseDockerfile' },
  { name: 'dumpAst', from: 'a debugging view of the Dockerfile parser' },
];

// @ctxlens/core/internal: what only the ctxlens CLI, its tests, benchmarks and fixtures use.
// NO SEMVER PROMISE: any name here may change or go in any release. Tools outside this repository
// should use `@ctxlens/core` or `@ctxlens/core/live`; if you need something from here, open an
// issue saying what for, so it can become public with a documented, stable shape.
// packages/core/src/public-surface.test.ts checks that none of these reach the public entries.

// Start-up and loading, tuned for the CLI: scan workers started before the command is parsed
// (`ctxlens size`), and the TUI's whole-tree load that leaves its event loop to Ink.
export { startScanWorkers } from './inventory/scan-workers.js';
export type { ScanWorkers } from './inventory/scan-workers.js';
export { scanInSlices } from './live/load.js';
export type { ScannedTree, SliceScanOptions } from './live/load.js';
export { fastContextSizes } from './live/totals.js';
export { wholeContextPlan } from './context/send-plan.js';

// Inputs as the CLI names and reads them.
export { ignoreFilePath, ignoreFileToEdit } from './context/resolve-inputs.js';
export { LEGACY_FORCED_RULES } from './context/rule-set.js';
export { IGNORE_FILE_LIMITS, readInputFile } from './input-file.js';
export type { InputFileRead, InputReadLimits } from './input-file.js';
export { readAllPattern } from './ignorefile/read-ignore-file.js';

// Go's string helpers as Docker's reader uses them (the conformance suites compare them with Go).
export { goClean, goTrimSpace } from './ignorefile/go-strings.js';

// The builder comparison behind `ctxlens explain` and `ctxlens diff`.
export { explainBoth, loadBothBuilderRules, loadBuilderRules } from './analysis/builder-rules.js';
export type { BothBuilderRules, BuilderRules, PathVerdict } from './analysis/builder-rules.js';
export { eligibleContext, otherBuilderContext } from './analysis/builder-diff.js';
export { otherBuilder } from './analysis/check.js';
export { ignoreFileRelative, significantOffenders } from './analysis/offenders.js';

// Secret-name word lists, compared with the real Docker CLI by the conformance suite.
export { SECRET_NAME_ALLOWED_WORDS_DOCKER_28, secretVariables } from './analysis/secret-names.js';
export { describeFindings } from './analysis/category-hits.js';
export type { SecretVariable } from './analysis/secret-names.js';

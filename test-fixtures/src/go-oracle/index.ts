// Public surface of the Go oracle: Docker's real patternmatcher and Go's RE2 / filepath / strings, queried over JSON lines.
export { goOracleStatus, startGoOracle, GO_ORACLE_INSTALL_HINT } from './go-oracle.js';
export type {
  GoCompileResult,
  GoFilepathMatchResult,
  GoMatchPathResult,
  GoMatchResult,
  GoOracle,
  GoOracleStatus,
  GoRegexpResult,
} from './go-oracle.js';

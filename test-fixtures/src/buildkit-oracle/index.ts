// The real-BuildKit oracle: Debian sid's dockerd and buildx in a chroot (scripts/buildkit-oracle.sh),
// driven from tests to see what a first build transfers and which files arrive.
export { BUILD_USER_ID, BUSYBOX_IMAGE, CONTEXTS_IN_CHROOT, DEFAULT_BUILDKIT_ROOT, SOCKET_IN_CHROOT, buildkitOracle, buildkitOracleOrSkip, lockDaemon, makeBuildkitContext, pathInChroot } from './oracle.js';
export type { BuildkitContext, BuildkitOracle, BuildkitOracleSkip } from './oracle.js';
export { runBuildkitBuild, runInChroot } from './run-buildkit-build.js';
export type { BuildUser, BuildkitBuildOptions, BuildkitBuildResult, ChrootCliOptions, DockerfileSource } from './run-buildkit-build.js';
export { formatBuildkitSize } from './buildkit-size.js';
export { LOAD_IGNORE_STEP } from './received-tree.js';
export { LOAD_CONTEXT_STEP, buildxErrorLine, parseRawjsonProgress } from './progress.js';
export type { ProgressSummary } from './progress.js';
export type { ReceivedEntry, ReceivedKind } from './received-tree.js';
export { ENGINE_API_VERSION, listBuildCache, pruneBuildCache } from './docker-api.js';
export type { BuildCacheRecord } from './docker-api.js';
export { FSUTIL_ORACLE_IN_CHROOT, fsutilOracleMissing, startFsutilOracle } from './fsutil-oracle.js';
export type { FsutilFilter, FsutilOracle, FsutilTransfer } from './fsutil-oracle.js';

// The "real Docker client" oracle: a fake daemon plus a runner that captures the exact build
// context the Docker CLI's legacy builder uploads.
export { FAKE_DAEMON_API_VERSION, RUN_TAG_HEADER, startFakeDaemon } from './fake-daemon.js';
export type { BuildRequest, FakeDaemon, FakeDaemonOptions, RequestLogEntry } from './fake-daemon.js';
export { TarFormatError, readTar, tarEntryData } from './tar-reader.js';
export type { TarArchive, TarEntry, TarEntryType } from './tar-reader.js';
export { dockerCliPath, dockerCliStatus, parsePrintedSize, runLegacyBuild } from './run-docker-build.js';
export type { DockerCliStatus, LegacyBuildOptions, LegacyBuildResult } from './run-docker-build.js';
export { formatDecimalSize } from './human-size.js';

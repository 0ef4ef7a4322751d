// Public surface of the test fixtures package: tree builders, the seed scenario and the oracles.
export * from './go-oracle/index.js';
export * from './docker-oracle/index.js';
export * from './buildkit-oracle/index.js';
export { buildTree } from './trees/build-tree.js';
export type { BuildTreeOptions } from './trees/build-tree.js';
export { makeTempDir, removeTree } from './trees/make-temp-dir.js';
export type { TempDir } from './trees/make-temp-dir.js';
export { runLimited } from './trees/run-limited.js';
export type { TreeEntry, TreeSpec } from './trees/tree-spec.js';
export * from './random/index.js';
export * from './seed/index.js';
export { BASE62, FAKE_GCP_SERVICE_ACCOUNT, FAKE_GITHUB_TOKEN, fakeChars, SECRETS_PROJECT } from './trees/secret-files.js';

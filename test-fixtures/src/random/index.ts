// Seeded random conformance cases: hostile trees and .dockerignore files for the Docker and Go oracles.
export { generateCase, writeCase, MAX_CASE_ENTRIES } from './generate-case.js';
export type { RandomCase } from './generate-case.js';
export { escapeGlob, INVALID_PATTERNS } from './gen-patterns.js';
export { Rng as CaseRng } from './rng.js';
export { generateDockerfileCase } from './gen-dockerfile.js';
export type { DockerfileCase } from './gen-dockerfile.js';

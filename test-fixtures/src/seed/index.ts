// Public surface of the seed fixtures, for test-fixtures/src/index.ts to re-export.
export {
  COURSE_BAD_DOCKERFILE, COURSE_COMPLETE_DOCKERIGNORE, COURSE_MINIMAL_DOCKERIGNORE, COURSE_MULTI_STAGE_DOCKERFILE, COURSE_PACKAGE_JSON, COURSE_RECOMMENDED_DOCKERIGNORE,
  COURSE_SERVER_JS, courseProjectSpec, writeCourseProject,
} from './course-project.js';
export type { WriteCourseProjectOptions } from './course-project.js';
export { SEED_TARGET_BYTES } from './calibrate-seed.js';
export { DEFAULT_SEED_CACHE_ROOT, seedScenarioDir } from './seed-cache.js';
export type { SeedScenarioDirOptions } from './seed-cache.js';
export { generateSeedScenario, planSeedScenario, SEED_DOCKERIGNORE, SEED_EXPECTED, SEED_GENERATOR_VERSION, SEED_NOW } from './seed-scenario.js';
export type { SeedRegionSummary, SeedScenarioOptions, SeedScenarioPlan } from './seed-scenario.js';

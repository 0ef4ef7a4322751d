// The course's story as a directory: a Node API whose checkout weighs 1.24GB, of which 2.1MB matters to `docker build`.
import { buildTree } from '../trees/build-tree.js';
import type { TreeEntry, TreeSpec } from '../trees/tree-spec.js';
import { calibrateSeed } from './calibrate-seed.js';
import { specTarBytes, TAR_TRAILER_BYTES } from './legacy-tar-cost.js';
import { planBulkyExtras } from './plan-bulky-extras.js';
import { planCoverage } from './plan-coverage.js';
import { planGit } from './plan-git.js';
import { planNodeModules } from './plan-node-modules.js';
import { planIgnoredProjectFiles, planShippedProjectFiles } from './plan-project-files.js';
import { planSource, planTests } from './plan-source.js';
import { createRng } from './prng.js';
import type { Rng } from './prng.js';
import { SEED_DOCKERIGNORE } from './seed-dockerignore.js';
import type { SeedRegion } from './seed-region.js';

export { SEED_DOCKERIGNORE };

/** Bump whenever the generated tree changes, so cached copies (seedScenarioDir) are regenerated. */
export const SEED_GENERATOR_VERSION = 1;

/** What `docker build` (legacy builder) prints: without the .dockerignore, then with it. */
export const SEED_EXPECTED = { totalBytesPrinted: '1.24GB', contextPrinted: '2.1MB' } as const;

/** mtime of directories and of files with no story of their own: the afternoon the course's user runs docker build. */
export const SEED_NOW = new Date('2024-05-14T16:20:00Z');

// Upload-byte budgets of the big regions; data/dump.sql takes whatever is left of the 1.24GB.
const BUDGETS = { nodeModules: 350_000_000, git: 120_000_000, coverage: 45_000_000, logs: 250_000_000, data: 60_000_000, dist: 25_000_000, heapSnapshots: 130_000_000 };

/** Options for planSeedScenario() and generateSeedScenario(). */
export interface SeedScenarioOptions {
  /**
   * Write SEED_DOCKERIGNORE; `false` gives the course's "before" state.
   * @default true
   */
  readonly dockerignore?: boolean;
  /**
   * PRNG seed; another seed gives other contents with the same printed figures.
   * @default 'ctxlens-seed'
   */
  readonly seed?: string;
}

/** Size of one region as planned. */
export interface SeedRegionSummary {
  readonly name: string;
  readonly ignored: boolean;
  /** Entries, implied directories included. */
  readonly entries: number;
  /** Legacy-builder upload bytes (headers and padding included, trailer excluded). */
  readonly tarBytes: number;
}

/** The planned scenario: its tree spec and the upload sizes the generator aimed at. */
export interface SeedScenarioPlan {
  readonly spec: TreeSpec;
  readonly regions: readonly SeedRegionSummary[];
  /** Upload bytes of the whole tree as written (trailer included). */
  readonly totalTarBytes: number;
  /** Upload bytes of the build context under SEED_DOCKERIGNORE (trailer included). */
  readonly contextTarBytes: number;
}

/**
 * Plans the seed scenario in memory, without touching the disk.
 * @returns the spec and its expected sizes
 */
export function planSeedScenario(options: SeedScenarioOptions = {}): SeedScenarioPlan {
  const rng = createRng(options.seed ?? 'ctxlens-seed');
  const nodeModules = planNodeModules(rng.fork('node_modules'), BUDGETS.nodeModules);
  const src = planSource(rng.fork('src'), spreadMtimes(rng.fork('src-mtimes')));
  const sources = src.entries.flatMap((entry) => ('file' in entry && entry.file.endsWith('.js') ? [entry.file] : []));
  const dockerignore = options.dockerignore === false ? undefined : SEED_DOCKERIGNORE;
  const shipped = planShippedProjectFiles(rng.fork('project'), nodeModules.packages, dockerignore, SEED_NOW);
  const regions: SeedRegion[] = calibrateSeed(rng.fork('calibration'), [
    nodeModules.region,
    planGit(rng.fork('git'), BUDGETS.git, SEED_NOW),
    planCoverage(rng.fork('coverage'), sources, BUDGETS.coverage, new Date('2024-05-13T18:47:03Z')),
    src,
    planTests(rng.fork('test'), spreadMtimes(rng.fork('test-mtimes'))),
    ...shipped,
    ...planBulkyExtras(rng.fork('bulky'), { logs: BUDGETS.logs, dataWithoutDump: BUDGETS.data, dist: BUDGETS.dist }, SEED_NOW),
    ...planIgnoredProjectFiles(rng.fork('ignored'), BUDGETS.heapSnapshots, SEED_NOW),
  ]);
  const all: TreeEntry[] = regions.flatMap((region) => region.entries);
  return {
    spec: all,
    regions: regions.map((region) => ({ name: region.name, ignored: region.ignored, entries: countEntries(region.entries), tarBytes: specTarBytes(region.entries) })),
    totalTarBytes: specTarBytes(all) + TAR_TRAILER_BYTES,
    contextTarBytes: specTarBytes(regions.filter((region) => !region.ignored).flatMap((region) => region.entries)) + TAR_TRAILER_BYTES,
  };
}

/**
 * Writes the seed scenario into `dir` (created if missing; it should be empty).
 * @returns the plan that was written, with its region sizes
 * @throws when an entry already exists or the filesystem refuses one
 * @example
 * const plan = await generateSeedScenario('/tmp/seed'); // docker build /tmp/seed -> "Sending build context to Docker daemon  2.1MB"
 */
export async function generateSeedScenario(dir: string, options: SeedScenarioOptions = {}): Promise<SeedScenarioPlan> {
  const plan = planSeedScenario(options);
  await buildTree(dir, plan.spec, { mtime: SEED_NOW });
  return plan;
}

function spreadMtimes(rng: Rng): () => Date {
  const start = Date.UTC(2024, 0, 8);
  const span = Date.UTC(2024, 4, 14) - start;
  return () => new Date(Math.floor((start + rng.next() * span) / 1000) * 1000);
}

function countEntries(entries: readonly TreeEntry[]): number {
  const paths = new Set<string>();
  for (const entry of entries) {
    const path = 'file' in entry ? entry.file : 'dir' in entry ? entry.dir.replace(/\/+$/, '') : 'symlink' in entry ? entry.symlink : '';
    const segments = path.split('/');
    for (let depth = 1; depth <= segments.length; depth++) paths.add(segments.slice(0, depth).join('/'));
  }
  return paths.size;
}

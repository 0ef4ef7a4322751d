// One generated copy of the seed scenario per checkout, shared by every test that needs it.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTree } from '../trees/make-temp-dir.js';
import { generateSeedScenario, SEED_GENERATOR_VERSION } from './seed-scenario.js';

/** Where cached scenarios live unless told otherwise: ignored by git, wiped with node_modules. */
export const DEFAULT_SEED_CACHE_ROOT = fileURLToPath(new URL('../../../node_modules/.cache/ctxlens-seed/', import.meta.url));

const MARKER = 'generator.json';

/** Options for seedScenarioDir(). */
export interface SeedScenarioDirOptions {
  /**
   * Directory holding one subdirectory per generator version.
   * @default DEFAULT_SEED_CACHE_ROOT
   */
  readonly cacheRoot?: string;
}

/**
 * Returns a generated seed scenario (with its .dockerignore), generating it only when no copy made by
 * this SEED_GENERATOR_VERSION exists. The copy is built aside and renamed into place with its marker,
 * so a crashed or concurrent run never leaves a half-written tree behind the marker.
 * @returns the absolute path of the scenario's root directory
 * @throws when generation fails
 */
export async function seedScenarioDir(options: SeedScenarioDirOptions = {}): Promise<string> {
  const cacheRoot = options.cacheRoot ?? DEFAULT_SEED_CACHE_ROOT;
  const versionDir = join(cacheRoot, `v${SEED_GENERATOR_VERSION}`);
  const tree = join(versionDir, 'tree');
  if (await hasMarker(versionDir)) return tree;

  await mkdir(cacheRoot, { recursive: true });
  const staging = join(cacheRoot, `.staging-${process.pid}-${randomUUID()}`);
  try {
    const plan = await generateSeedScenario(join(staging, 'tree'));
    const marker = { version: SEED_GENERATOR_VERSION, totalTarBytes: plan.totalTarBytes, contextTarBytes: plan.contextTarBytes };
    await writeFile(join(staging, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
    await publish(staging, versionDir);
  } finally {
    await removeTree(staging);
  }
  await removeOtherVersions(cacheRoot, `v${SEED_GENERATOR_VERSION}`);
  return tree;
}

// rename() refuses a non-empty target, so a copy another process already published is never replaced;
// only a directory without a marker (left by hand or by an older layout) is cleared first.
async function publish(staging: string, versionDir: string): Promise<void> {
  try {
    await rename(staging, versionDir);
  } catch (error) {
    if (await hasMarker(versionDir)) return;
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    await removeTree(versionDir);
    await rename(staging, versionDir);
  }
}

async function hasMarker(versionDir: string): Promise<boolean> {
  try {
    const marker = JSON.parse(await readFile(join(versionDir, MARKER), 'utf8')) as { version?: unknown };
    return marker.version === SEED_GENERATOR_VERSION;
  } catch {
    return false;
  }
}

async function removeOtherVersions(cacheRoot: string, keep: string): Promise<void> {
  for (const name of await readdir(cacheRoot).catch(() => [])) {
    if (/^v\d+$/.test(name) && name !== keep) await removeTree(join(cacheRoot, name)).catch(() => undefined);
  }
}

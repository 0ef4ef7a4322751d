// Sizes the two filler files so Docker prints exactly 1.24GB (whole tree) and 2.1MB (context).
import type { TreeEntry } from '../trees/tree-spec.js';
import { padToBlock, specTarBytes, TAR_TRAILER_BYTES } from './legacy-tar-cost.js';
import { DUMP_SQL_HEAD, DUMP_SQL_PATH } from './plan-bulky-extras.js';
import { PRODUCTS_JSON_PATH } from './plan-source.js';
import { productsJson } from './products-catalog.js';
import type { Rng } from './prng.js';
import type { SeedRegion } from './seed-region.js';

/** Upload sizes aimed at: the centres of the ranges docker's `%.4g` formatting prints as 1.24GB and 2.1MB. */
export const SEED_TARGET_BYTES = { total: 1_240_000_000, context: 2_100_000 } as const;

/** Path of the file SEED_DOCKERIGNORE is written to; it is left out of the "before" total. */
export const DOCKERIGNORE_PATH = '.dockerignore';

/**
 * Adds src/data/products.json and sizes data/dump.sql so the context (shipped regions) and the whole tree
 * without .dockerignore land within 256 bytes of SEED_TARGET_BYTES. Both fillers change in whole tar blocks,
 * which is why the figures can be hit exactly rather than approximately.
 * @returns the regions with both fillers in place
 * @throws when the shipped files alone already exceed the context target
 */
export function calibrateSeed(rng: Rng, regions: readonly SeedRegion[]): SeedRegion[] {
  const shipped = regions.filter((region) => !region.ignored).flatMap((region) => region.entries);
  const contextBase = specTarBytes([...shipped, { file: PRODUCTS_JSON_PATH }]) + TAR_TRAILER_BYTES;
  const productsBlocks = Math.round((SEED_TARGET_BYTES.context - contextBase) / 512);
  if (productsBlocks < 1) throw new Error(`seed: shipped files take ${contextBase} bytes, over the ${SEED_TARGET_BYTES.context} target`);
  const products: TreeEntry = {
    file: PRODUCTS_JSON_PATH,
    content: productsJson(rng, productsBlocks * 512 - rng.int(0, 400)),
    mtime: new Date('2024-05-10T14:02:11Z'),
  };
  const withProducts = regions.map((region) => (region.name === 'src' ? { ...region, entries: [...region.entries, products] } : region));

  const beforeIgnore = withProducts.flatMap((region) => region.entries).filter((entry) => !('file' in entry && entry.file === DOCKERIGNORE_PATH));
  const totalBase = specTarBytes(beforeIgnore) + TAR_TRAILER_BYTES;
  const dumpHead = padToBlock(Buffer.byteLength(DUMP_SQL_HEAD));
  const dumpSize = dumpHead + Math.round((SEED_TARGET_BYTES.total - totalBase) / 512) * 512 - rng.int(0, 400);
  if (dumpSize < Buffer.byteLength(DUMP_SQL_HEAD)) throw new Error(`seed: regions take ${totalBase} bytes, over the ${SEED_TARGET_BYTES.total} target`);
  return withProducts.map((region) =>
    region.name !== 'data'
      ? region
      : { ...region, entries: region.entries.map((entry) => ('file' in entry && entry.file === DUMP_SQL_PATH ? { ...entry, size: dumpSize } : entry)) },
  );
}

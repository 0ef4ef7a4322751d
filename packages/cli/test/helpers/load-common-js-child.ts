// Runs loadCommonJs in a process of its own, as the bin does (V8 keeps code it compiled in memory,
// so a second load in the same process never consults the cache file): prints the exports and
// whether the cache served as JSON, and saves the cache as the process ends.
// Arguments: FILE CACHE_DIR|- VARIANT
import { loadCommonJs } from '../../src/compile-cache.js';

const [file, cacheDir, variant] = process.argv.slice(2);
const loaded = loadCommonJs(file!, cacheDir === '-' ? undefined : cacheDir, variant);
process.once('exit', loaded.saveCache);
process.stdout.write(JSON.stringify({ exports: loaded.exports, cacheHit: loaded.cacheHit }));

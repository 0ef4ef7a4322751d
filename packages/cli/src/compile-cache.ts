// Start-up of every command, and so of every pre-commit hook, is mostly V8 compiling the bundle:
// about 40 ms of CPU for `size` or `check`. Node 22 can keep compiled code between runs
// (module.enableCompileCache), Node 20 cannot for ES modules; it can for a script compiled through
// node:vm with cached data, which is how the bin loads the command-line bundle (a CommonJS file).
// The cache lives in a directory only this user can write: cached data is code V8 runs without
// checking it against the source (it only compares lengths), so nobody else may supply it, and
// the file name carries the bundle's identity on disk, so an edited bundle never meets old code.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { Script } from 'node:vm';

/** A CommonJS file loaded by loadCommonJs. */
export interface LoadedModule {
  /** What the file put in `module.exports`. */
  readonly exports: unknown;
  /** Whether V8 took its compiled code from the cache. */
  readonly cacheHit: boolean;
  /**
   * Writes the code V8 has compiled so far (call it when the run ends, so that functions compiled
   * lazily are in it) when the cache had none or V8 refused it. Failures are ignored: the cache
   * only saves time.
   */
  saveCache(): void;
}

/**
 * The directory for compiled code: `$XDG_CACHE_HOME/ctxlens` (else `~/.cache/ctxlens`), or
 * `%LOCALAPPDATA%\ctxlens\Cache` on Windows.
 * @returns the path, or undefined when Node's own switch NODE_DISABLE_COMPILE_CACHE is set or no
 *   home directory is known
 */
export function compileCacheDirectory(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string | undefined {
  if (env['NODE_DISABLE_COMPILE_CACHE']) return undefined;
  if (platform === 'win32') {
    const local = env['LOCALAPPDATA'];
    return local ? path.join(local, 'ctxlens', 'Cache') : undefined;
  }
  // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'ctxlens');
  return home ? path.join(home, '.cache', 'ctxlens') : undefined;
}

/** Is this directory entry ours alone (owner, and nobody else may write)? Windows has no uid. */
function ownedByUser(stats: fs.Stats): boolean {
  const uid = process.getuid?.();
  return (uid === undefined || stats.uid === uid) && (process.platform === 'win32' || (stats.mode & 0o022) === 0);
}

/** Creates the cache directory if needed. @returns whether it can be trusted */
function privateDirectory(dir: string): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stats = fs.lstatSync(dir);
    return stats.isDirectory() && ownedByUser(stats);
  } catch {
    return false;
  }
}

function readCache(file: string): Buffer | undefined {
  try {
    const stats = fs.lstatSync(file);
    return stats.isFile() && ownedByUser(stats) ? fs.readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes in one rename, so a run never reads half a file, and drops the caches of this bundle's
 * earlier contents (`stale` starts their names, `current` is in the names to keep).
 */
function writeCache(file: string, data: Buffer, stale: string, current: string): void {
  try {
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, data, { mode: 0o600 });
    fs.renameSync(temporary, file);
    const dir = path.dirname(file);
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(stale) && !name.includes(current) && name.endsWith('.v8')) fs.rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    // A full disk or a read-only home: the next run compiles again.
  }
}

/**
 * A name-sized digest of `text`: two 32-bit FNV-1a hashes with different seeds. Not for secrets:
 * it tells apart cache keys, and V8 still checks the source's length and its own flags.
 * @returns 16 hex digits
 */
function shortHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * Loads and runs a CommonJS file, with V8's compiled code cached between runs in `cacheDir`.
 * @param cacheDir compileCacheDirectory(), or undefined to compile without a cache
 * @param variant which cache of the file to use (a command name, `[a-z]` only): a cache holds
 *   the functions one run compiled, so each command keeps its own
 * @returns its exports, whether the cache served, and the function that saves the cache
 */
export function loadCommonJs(file: string, cacheDir: string | undefined, variant = 'any'): LoadedModule {
  // Read through one descriptor, so the identity below is that of the bytes read.
  const fd = fs.openSync(file, 'r');
  let source: string;
  let stats: fs.BigIntStats;
  try {
    stats = fs.fstatSync(fd, { bigint: true });
    source = fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
  let cacheFile: string | undefined;
  let stale = '';
  let current = '';
  if (cacheDir !== undefined && /^[a-z]+$/.test(variant) && privateDirectory(cacheDir)) {
    // Named by installed bundle (its path) and by Node, CPU and the file's identity on disk: two
    // installs of different versions never evict each other's caches. The identity is the inode,
    // size and both times to the nanosecond, not a hash of the content: loading node:crypto and
    // hashing the bundle cost 5.6 ms of every command's start-up, and any write to the file, even
    // one that keeps its length and puts its mtime back, moves its ctime.
    stale = `${path.basename(file)}-${shortHash(file).slice(0, 8)}-`;
    current = `-${shortHash(`${process.version} ${process.arch} ${stats.dev} ${stats.ino} ${stats.size} ${stats.mtimeNs} ${stats.ctimeNs}`)}-`;
    cacheFile = path.join(cacheDir, `${stale}${current.slice(1)}${variant}.v8`);
  }
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile);
  // The same wrapper Node puts around a CommonJS file, so the bundle sees the usual five names.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, ...(cachedData === undefined ? {} : { cachedData }) });
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
  run(module.exports, createRequire(file), module, file, path.dirname(file));
  const cacheHit = cachedData !== undefined && !script.cachedDataRejected;
  return {
    exports: module.exports,
    cacheHit,
    saveCache: () => {
      if (cacheFile !== undefined && !cacheHit) writeCache(cacheFile, script.createCachedData(), stale, current);
    },
  };
}

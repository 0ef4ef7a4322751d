// One lstat per entry is most of what a scan costs. Node 20's fs.lstatSync validates its argument
// and builds a Stats object with four Date objects for every call; a scan reads five numbers of
// it. Node's fs binding underneath answers with those numbers alone, which takes a tenth off a
// whole `ctxlens size` (docs/benchmarks.md). The binding is internal, so a scan uses it only where
// it is reachable without a warning and answers two probes exactly as fs.lstatSync does;
// everywhere else it uses fs.lstatSync, and gets the same facts.

/** What a scan keeps of an lstat. */
export interface LstatFacts {
  readonly mode: number;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly nlink: number;
}

/** The calls of Node's fs binding a scan makes: the stat numbers of a path, a directory's names, or a thrown error. */
export interface FsBinding {
  lstat(path: string | Buffer, bigint: false, request: undefined, throwIfNoEntry: true): Float64Array;
  readdir(path: string | Buffer, encoding: 'utf8', withFileTypes: false): string[];
}

/**
 * lstat through Node's fs binding. Self-contained: worker threads build it from its source.
 * @returns lstat giving the facts fs.lstatSync gives, and throwing its errors
 */
export function bindingLstat(binding: FsBinding): (path: string | Buffer) => LstatFacts {
  // The binding's numbers: dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, then
  // seconds and nanoseconds of atime, mtime, ctime and birthtime. mtimeMs is computed as
  // fs.Stats computes it, so both ways give the same number.
  return (path) => {
    const s = binding.lstat(path, false, undefined, true);
    return { mode: s[1]!, nlink: s[2]!, ino: s[7]!, size: s[8]!, mtimeMs: s[12]! * 1e3 + s[13]! / 1e6 };
  };
}

/**
 * readdir through Node's fs binding: fs.readdirSync without its option and path handling, which
 * V8 otherwise compiles into every scan loop. Self-contained: worker threads build it from its source.
 * @returns readdir giving the names fs.readdirSync gives, and throwing its errors
 */
export function bindingReaddir(binding: FsBinding): (path: string | Buffer) => string[] {
  return (path) => binding.readdir(path, 'utf8', false);
}

let chosen: { binding: FsBinding | undefined } | undefined;

/**
 * Node's fs binding when a scan may use it, decided once per process: not on Windows (fs.lstatSync
 * rewrites paths there), not under the permission model (which the binding would bypass; Node
 * refuses it anyway), not when `--pending-deprecation` would print a warning for it, and only when
 * it answers the probes as fs.lstatSync does.
 * @returns the binding, or undefined to use fs.lstatSync
 */
export function scanFsBinding(fs: typeof import('node:fs')): FsBinding | undefined {
  chosen ??= { binding: probeBinding(fs) };
  return chosen.binding;
}

function probeBinding(fs: typeof import('node:fs')): FsBinding | undefined {
  const proc = process as NodeJS.Process & { binding?: (name: string) => unknown; permission?: unknown };
  // util.deprecate wraps process.binding when pending deprecations are on (flag or environment).
  if (process.platform === 'win32' || proc.permission !== undefined || typeof proc.binding !== 'function' || proc.binding.name !== 'binding') return undefined;
  let binding: FsBinding;
  try {
    binding = proc.binding('fs') as FsBinding;
    if (typeof binding?.lstat !== 'function' || typeof binding.readdir !== 'function') return undefined;
  } catch {
    return undefined;
  }
  const lstat = bindingLstat(binding);
  const facts = (stat: LstatFacts): string => [stat.mode, stat.size, stat.mtimeMs, stat.ino, stat.nlink].join(' ');
  const failure = (call: () => unknown): string => {
    try {
      call();
      return 'no error';
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      return `${e.code} ${e.message} ${e.syscall} ${e.path}`;
    }
  };
  // Node's own executable exists and is a file, so a path below it fails with ENOTDIR.
  const file = process.execPath;
  const below = `${file}/ctxlens-probe`;
  try {
    if (facts(lstat(file)) !== facts(fs.lstatSync(file))) return undefined;
  } catch {
    return undefined;
  }
  const theirs = failure(() => fs.lstatSync(below));
  if (theirs === 'no error' || failure(() => lstat(below)) !== theirs) return undefined;
  // The same for readdir: the root's names, and the error below a file.
  const readdir = bindingReaddir(binding);
  try {
    if (readdir('/').join('/') !== fs.readdirSync('/').join('/')) return undefined;
  } catch {
    return undefined;
  }
  const theirList = failure(() => fs.readdirSync(below));
  if (theirList === 'no error' || failure(() => readdir(below)) !== theirList) return undefined;
  return binding;
}

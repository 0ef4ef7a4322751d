// The second BuildKit oracle: fsutil's own Send into its own Receive (fsutil/main.go, built in the
// chroot by `scripts/buildkit-oracle.sh fsutil` from Debian sid's sources). No daemon, no build:
// a transfer costs milliseconds, so it can judge thousands of walks.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { JsonLineClient } from '../go-oracle/line-client.js';
import { removeTree } from '../trees/make-temp-dir.js';
import { pathInChroot, type BuildkitOracle } from './oracle.js';
import { readReceivedTree, type ReceivedEntry } from './received-tree.js';

/** The program inside the chroot. */
export const FSUTIL_ORACLE_IN_CHROOT = '/opt/ctxlens/fsutil-oracle/fsutil-oracle';

/** What the daemon asks the build client for: the filter fsutil applies while sending. */
export interface FsutilFilter {
  /** IncludePatterns (BuildKit passes the COPY sources it needs here). */
  readonly include?: readonly string[];
  /** ExcludePatterns: the ignore file's patterns, in order. */
  readonly exclude?: readonly string[];
  /** FollowPaths: paths whose symlinks are followed to their targets. */
  readonly follow?: readonly string[];
}

/** One transfer's outcome. */
export interface FsutilTransfer {
  /** The byte count BuildKit's `transferring context:` line shows for the same transfer. */
  readonly bytes: number;
  /** Send's or Receive's error (e.g. `error from sender: open /ctx/x/d: permission denied`). */
  readonly error?: string;
  /** What Receive wrote, depth first, names in byte order. */
  readonly received: readonly ReceivedEntry[];
}

/** A running fsutil oracle. */
export interface FsutilOracle {
  /**
   * Sends the context `dir` (a host path inside the chroot) through fsutil with `filter`.
   * Transfers run one at a time.
   * @returns the byte count, any error, and the received entries
   */
  transfer(dir: string, filter?: FsutilFilter): Promise<FsutilTransfer>;
  /** Stops the program. */
  close(): Promise<void>;
}

/**
 * Says whether the fsutil oracle has been built in this chroot.
 * @returns null when it can run, or why it cannot (for a test name)
 */
export function fsutilOracleMissing(oracle: BuildkitOracle): string | null {
  return existsSync(join(oracle.root, FSUTIL_ORACLE_IN_CHROOT)) ? null : `the fsutil oracle is not built in ${oracle.root}: run \`scripts/buildkit-oracle.sh fsutil\``;
}

/**
 * Starts the fsutil oracle in the chroot (as root: it reads every file, as a root build client does).
 * @returns the oracle
 * @throws when it has not been built
 */
export function startFsutilOracle(oracle: BuildkitOracle): FsutilOracle {
  const missing = fsutilOracleMissing(oracle);
  if (missing) throw new Error(missing);
  const client = new JsonLineClient('chroot', [oracle.root, FSUTIL_ORACLE_IN_CHROOT]);
  const scratch = join(oracle.contextsDir, '.fsutil', `p${process.pid}`);
  let count = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const transferOne = async (dir: string, filter: FsutilFilter): Promise<FsutilTransfer> => {
    await mkdir(scratch, { recursive: true });
    count += 1;
    const dest = join(scratch, String(count));
    try {
      const answer = (await client.request({
        dir: pathInChroot(oracle, dir),
        dest: pathInChroot(oracle, dest),
        include: filter.include ?? [],
        exclude: filter.exclude ?? [],
        follow: filter.follow ?? [],
      })) as { bytes: number; error?: string };
      const received = existsSync(dest) ? await readReceivedTree(dest) : [];
      return { bytes: answer.bytes, ...(answer.error ? { error: answer.error } : {}), received };
    } finally {
      await removeTree(dest);
    }
  };
  return {
    transfer(dir, filter = {}) {
      const next = queue.then(() => transferOne(dir, filter));
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      await client.close();
      await removeTree(scratch);
    },
  };
}

// Runs one first-transfer build on the real BuildKit: prune the build cache, build with the
// chroot's own buildx (rawjson progress, no network, no image exported), then read the
// transfer count from the progress stream and the received files from the cache snapshot.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, posix } from 'node:path';
import { runProcess, type ProcessOutcome } from '../process/run-process.js';
import { formatBuildkitSize } from './buildkit-size.js';
import { listBuildCache, pruneBuildCache } from './docker-api.js';
import { lockDaemon, pathInChroot, SOCKET_IN_CHROOT, type BuildkitOracle } from './oracle.js';
import { buildxErrorLine, parseRawjsonProgress } from './progress.js';
import { contextRecord, readReceivedTree, snapshotDiffDir, type ReceivedEntry } from './received-tree.js';

/** Where the Dockerfile comes from. */
export type DockerfileSource =
  /** Written to a directory of its own outside the context, and passed as `-f`. */
  | { readonly text: string }
  /** A path relative to the context directory (or an absolute host path inside the chroot), passed as `-f`. */
  | { readonly path: string }
  /** Piped to the CLI's stdin with `-f -`. */
  | { readonly stdin: string };

/** Options for {@link runBuildkitBuild}. */
export interface BuildkitBuildOptions {
  /** Host path of the context; it must be inside the chroot (see makeBuildkitContext). */
  readonly dir: string;
  /** The Dockerfile; without one, BuildKit reads `<dir>/Dockerfile`. */
  readonly dockerfile?: DockerfileSource;
  /** Text of `<Dockerfile>.dockerignore`, written beside a `{ text }` Dockerfile. */
  readonly dockerfileIgnore?: string;
  /** Text of the context's `.dockerignore`, written into `dir` before the build (replacing any). */
  readonly ignoreFile?: string;
  readonly target?: string;
  /** Each becomes `--build-arg K=V`. */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** More `buildx build` flags, placed before the context. */
  readonly extraArgs?: readonly string[];
  /** Kill the CLI after this long (default 120 s). */
  readonly timeoutMs?: number;
  /**
   * `buildx` runs the chroot's docker-buildx plugin binary directly, the way it runs standalone
   * (DOCKER_HOST set): half a second faster a build than `docker`, which starts the docker CLI only to
   * exec that same plugin with the same arguments. The self-test checks both agree.
   * @default 'buildx'
   */
  readonly cli?: 'buildx' | 'docker';
  /**
   * Who runs the client that reads and sends the context: root reads every file; `builder`
   * (uid 10000, in the docker group) meets unreadable files and directories as most Docker users do.
   * @default 'root'
   */
  readonly user?: BuildUser;
}

/** The chroot users a build client can run as. */
export type BuildUser = 'root' | 'builder';

/** What one first-transfer build did. */
export interface BuildkitBuildResult {
  /** Whether the build succeeded. */
  readonly ok: boolean;
  readonly exitCode: number;
  /** buildx's error line without `ERROR: `, e.g. `failed to build: failed to solve: … "/x": not found`. */
  readonly error?: string;
  /** Whether a `[internal] load build context` step ran. */
  readonly loadedContext: boolean;
  /** The final `transferring context:` figure as BuildKit's plain progress prints it (`1.51kB`). */
  readonly transferred?: string;
  /** The same figure, exact: the load step's last status count (bytes on the wire). */
  readonly transferredBytes?: number;
  /** The load step's error, when it failed (BuildKit then keeps nothing of the transfer, and {@link received} is empty). */
  readonly loadError?: string;
  /** The entries that arrived (empty without a load step), depth first, names in byte order. */
  readonly received: readonly ReceivedEntry[];
  /** Step names in the order they appeared. */
  readonly steps: readonly string[];
  /** stderr without the JSON progress lines. */
  readonly stderrText: string;
  /** Milliseconds the CLI took. */
  readonly buildMs: number;
  /** Milliseconds for the whole call, lock wait excluded (prune, build, reading the snapshot). */
  readonly totalMs: number;
}

/**
 * Runs `buildx build` on the oracle as a first transfer and reports what BuildKit received.
 * Builds on one daemon are serialised machine-wide (each prunes the cache first).
 * @returns the outcome, the transfer figure and the received entries
 * @throws when the CLI cannot run or times out, or the build cache does not look as expected
 */
export async function runBuildkitBuild(oracle: BuildkitOracle, options: BuildkitBuildOptions): Promise<BuildkitBuildResult> {
  const dirInChroot = pathInChroot(oracle, options.dir);
  if (options.ignoreFile !== undefined) await writeFile(join(options.dir, '.dockerignore'), options.ignoreFile);
  let dockerfileDir: string | null = null;
  try {
    const args = ['build', '--progress=rawjson', '--network=none', '--output', 'type=cacheonly'];
    let stdin: string | undefined;
    const source = options.dockerfile;
    if (source && 'text' in source) {
      await mkdir(join(oracle.contextsDir, '.dockerfiles'), { recursive: true });
      dockerfileDir = await mkdtemp(join(oracle.contextsDir, '.dockerfiles', 'df-'));
      await chmod(dockerfileDir, 0o755); // mkdtemp makes it 0700, which the unprivileged user cannot read
      await writeFile(join(dockerfileDir, 'Dockerfile'), source.text);
      if (options.dockerfileIgnore !== undefined) await writeFile(join(dockerfileDir, 'Dockerfile.dockerignore'), options.dockerfileIgnore);
      args.push('-f', pathInChroot(oracle, join(dockerfileDir, 'Dockerfile')));
    } else if (source && 'path' in source) {
      args.push('-f', isAbsolute(source.path) ? pathInChroot(oracle, source.path) : posix.join(dirInChroot, source.path));
    } else if (source && 'stdin' in source) {
      args.push('-f', '-');
      stdin = source.stdin;
    }
    if (options.target !== undefined) args.push('--target', options.target);
    for (const [key, value] of Object.entries(options.buildArgs ?? {})) args.push('--build-arg', `${key}=${value}`);
    args.push(...(options.extraArgs ?? []), dirInChroot);
    return await firstTransfer(oracle, args, { stdin, timeoutMs: options.timeoutMs ?? 120_000, cli: options.cli ?? 'buildx', user: options.user ?? 'root' });
  } finally {
    if (dockerfileDir) await rm(dockerfileDir, { recursive: true, force: true });
  }
}

/** Prune, build, read: under the daemon's lock, so no other build prunes in between. */
async function firstTransfer(oracle: BuildkitOracle, args: readonly string[], cliOptions: ChrootCliOptions): Promise<BuildkitBuildResult> {
  const release = await lockDaemon(oracle);
  try {
    const started = performance.now();
    await pruneBuildCache(oracle.socket);
    const cli = await runInChroot(oracle, args, cliOptions);
    const progress = parseRawjsonProgress(cli.stderr);
    const record = contextRecord(await listBuildCache(oracle.socket), progress);
    const received = record ? await readReceivedTree(snapshotDiffDir(oracle, record)) : [];
    const bytes = progress.transferredBytes;
    return {
      ok: cli.exitCode === 0,
      exitCode: cli.exitCode,
      ...(cli.exitCode === 0 ? {} : { error: buildxErrorLine(progress.text, cli.exitCode) }),
      loadedContext: progress.loadedContext,
      ...(progress.loadError === null ? {} : { loadError: progress.loadError }),
      ...(bytes === null ? {} : { transferred: formatBuildkitSize(bytes), transferredBytes: bytes }),
      received,
      steps: progress.steps,
      stderrText: progress.text,
      buildMs: cli.ms,
      totalMs: performance.now() - started,
    };
  } finally {
    await release();
  }
}

const BUILDX_PLUGIN = '/usr/libexec/docker/cli-plugins/docker-buildx';

/** How {@link runInChroot} runs buildx. */
export interface ChrootCliOptions {
  /** Piped to stdin (for `-f -`). */
  readonly stdin?: string | undefined;
  readonly timeoutMs: number;
  /** The plugin binary on its own, or through `docker buildx` (default `buildx`). */
  readonly cli?: 'buildx' | 'docker';
  /** Default `root`. */
  readonly user?: BuildUser;
}

/**
 * Runs `buildx <buildxArgs>` from the chroot against the oracle's daemon, with a clean environment.
 * @returns exit code, output and wall time
 * @throws when it cannot start or runs past `timeoutMs`
 */
export function runInChroot(oracle: BuildkitOracle, buildxArgs: readonly string[], options: ChrootCliOptions): Promise<ProcessOutcome> {
  const user = options.user ?? 'root';
  const chrootArgs = user === 'root' ? [oracle.root] : [`--userspec=${user}:${user}`, '--groups=docker', oracle.root];
  const home = user === 'root' ? '/root' : `/home/${user}`;
  const env = ['/usr/bin/env', '-i', 'PATH=/usr/bin:/bin', `HOME=${home}`, 'LANG=C.UTF-8', `DOCKER_HOST=unix://${SOCKET_IN_CHROOT}`];
  const command = options.cli === 'docker' ? ['docker', 'buildx'] : [BUILDX_PLUGIN];
  const { stdin, timeoutMs } = options;
  return runProcess('chroot', [...chrootArgs, ...env, ...command, ...buildxArgs], { timeoutMs, ...(stdin === undefined ? {} : { stdin }) });
}

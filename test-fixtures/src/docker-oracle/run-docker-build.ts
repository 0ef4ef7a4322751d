// Runs the real Docker CLI's legacy builder (`DOCKER_BUILDKIT=0 docker build`) against a
// fake daemon and captures the build context tar the CLI uploads.

import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RUN_TAG_HEADER, type FakeDaemon } from './fake-daemon.js';
import { readTar, type TarEntry } from './tar-reader.js';
import { runProcess } from '../process/run-process.js';

/** Options for {@link runLegacyBuild}. */
export interface LegacyBuildOptions {
  /** Passed as `-f <dockerfile>`; like the CLI, a relative path is resolved against `cwd`. */
  dockerfile?: string;
  /** Working directory of the CLI process (defaults to `process.cwd()`). */
  cwd?: string;
  /** Extra arguments inserted after `build` (and `-f`) and before the context directory. */
  extraArgs?: string[];
  /** Kill the CLI and throw after this many milliseconds (default 30 000). */
  timeoutMs?: number;
  /** Data written to the CLI's stdin (e.g. a Dockerfile for `dockerfile: '-'`); stdin is empty otherwise. */
  stdin?: string | Buffer;
}

/** What one legacy `docker build` run produced. */
export interface LegacyBuildResult {
  /** Exit code of the CLI process. */
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Whether the CLI finished uploading a build context to the fake daemon. */
  uploaded: boolean;
  /** The uploaded context tar, exactly as received (`null` when nothing was sent; partial if the upload was aborted). */
  tar: Buffer | null;
  /** Byte length of {@link tar}. */
  tarBytes: number | null;
  /** Final size from "Sending build context to Docker daemon  5.632kB", as printed (e.g. `"5.632kB"`). */
  printedSize: string | null;
  /** Entries of the uploaded tar in archive order (empty when not uploaded). */
  entries: TarEntry[];
  /** Whether the uploaded tar ended with the two-zero-block trailer (`null` when not uploaded). */
  trailerFound: boolean | null;
  /** The CLI's error message (stderr without the legacy-builder deprecation notice, trimmed) when it exited non-zero. */
  error: string | null;
  /** The `dockerfile` query parameter the CLI sent (e.g. `Dockerfile`, `sub/Dockerfile.dev`). */
  dockerfileParam: string | null;
  /** Full query string of the build request, without `?` (`null` when not uploaded). */
  query: string | null;
  /** Wall-clock time of the CLI run in milliseconds. */
  durationMs: number;
}

/** Whether the Docker CLI can be used, with its version or the reason it cannot. */
export type DockerCliStatus = { available: true; version: string } | { available: false; reason: string };

// A guard against a hung client, not a speed check: on a loaded 2-core machine Docker took 25 s on
// a random case with a 64 KiB rule (seed 42), so the margin is wide.
const DEFAULT_TIMEOUT_MS = 90_000;
const SIZE_LINE = /Sending build context to Docker daemon\s+([0-9.]+\s?[A-Za-z]+)/g;
const DEPRECATION_NOTICE = /^DEPRECATED: The legacy builder is deprecated[^\n]*\n(?:[ \t]+[^\n]*\n)*\n?/m;

/** The Docker CLI executable: `$CTXLENS_DOCKER_CLI` if set, otherwise `docker` from `PATH`. */
export function dockerCliPath(): string {
  return process.env.CTXLENS_DOCKER_CLI || 'docker';
}

let cachedStatus: DockerCliStatus | null = null;

/**
 * Checks (once per process) whether the Docker CLI is installed and runnable. Test suites use
 * this to skip with a visible reason. No daemon is needed.
 */
export function dockerCliStatus(): DockerCliStatus {
  if (cachedStatus) return cachedStatus;
  const bin = dockerCliPath();
  try {
    const out = execFileSync(bin, ['--version'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 15_000,
    });
    const version = /version\s+([^\s,]+)/i.exec(out)?.[1];
    cachedStatus = version
      ? { available: true, version }
      : { available: false, reason: `unexpected output from '${bin} --version': ${out.trim()}` };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    cachedStatus = {
      available: false,
      reason: e.code === 'ENOENT' ? `Docker CLI '${bin}' not found (install docker or set CTXLENS_DOCKER_CLI)` : `'${bin} --version' failed: ${e.message}`,
    };
  }
  return cachedStatus;
}

interface SlotPool {
  free: string[];
  created: number;
}

const pools = new WeakMap<FakeDaemon, SlotPool>();

/**
 * Leases a DOCKER_CONFIG directory whose config.json makes the CLI send a unique
 * {@link RUN_TAG_HEADER} header, so concurrent runs on one daemon can be told apart.
 */
async function acquireSlot(daemon: FakeDaemon): Promise<{ tag: string; configDir: string; release: () => void }> {
  let pool = pools.get(daemon);
  if (!pool) {
    pool = { free: [], created: 0 };
    pools.set(daemon, pool);
  }
  const p = pool;
  let tag = p.free.pop();
  if (tag === undefined) {
    p.created += 1;
    tag = `run-${p.created}`;
    const dir = join(daemon.baseDir, 'config', tag);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'config.json'), `${JSON.stringify({ HttpHeaders: { [RUN_TAG_HEADER]: tag } })}\n`);
  }
  const leased = tag;
  return { tag: leased, configDir: join(daemon.baseDir, 'config', leased), release: () => p.free.push(leased) };
}

/** Extracts the final value of the "Sending build context to Docker daemon" progress line. */
export function parsePrintedSize(output: string): string | null {
  let last: string | null = null;
  for (const m of output.matchAll(SIZE_LINE)) last = m[1] ?? null;
  return last;
}

function cliError(exitCode: number, stderr: string): string | null {
  if (exitCode === 0) return null;
  const message = stderr.replace(DEPRECATION_NOTICE, '').trim();
  return message === '' ? `docker exited with code ${exitCode}` : message;
}

/**
 * Runs `docker build [-f dockerfile] [...extraArgs] <contextDir>` with the legacy builder
 * against `daemon` and returns what the CLI printed and uploaded. The CLI gets a private,
 * empty HOME and DOCKER_CONFIG and a minimal environment, so user configuration and the
 * network are never involved. Safe to call concurrently on one daemon.
 *
 * @throws when the CLI cannot be started, times out, or uploads a corrupt tar.
 */
export async function runLegacyBuild(daemon: FakeDaemon, contextDir: string, opts: LegacyBuildOptions = {}): Promise<LegacyBuildResult> {
  const slot = await acquireSlot(daemon);
  try {
    daemon.takeBuild(slot.tag); // drop anything stale for this slot
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
      HOME: daemon.homeDir,
      DOCKER_CONFIG: slot.configDir,
      DOCKER_HOST: daemon.dockerHost,
      DOCKER_BUILDKIT: '0',
      DOCKER_CLI_HINTS: 'false',
      LANG: 'C',
      LC_ALL: 'C',
    };
    if (process.env.TMPDIR) env.TMPDIR = process.env.TMPDIR;
    const args = ['build'];
    if (opts.dockerfile !== undefined) args.push('-f', opts.dockerfile);
    args.push(...(opts.extraArgs ?? []), contextDir);

    const started = performance.now();
    const proc = await runProcess(dockerCliPath(), args, { cwd: opts.cwd ?? process.cwd(), env, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, ...(opts.stdin === undefined ? {} : { stdin: opts.stdin }) });
    const durationMs = performance.now() - started;

    const request = daemon.takeBuild(slot.tag);
    const uploaded = request !== null && request.complete;
    const tar = request?.body ?? null;
    let entries: TarEntry[] = [];
    let trailerFound: boolean | null = null;
    if (uploaded && tar) {
      try {
        const archive = readTar(tar);
        entries = archive.entries;
        trailerFound = archive.trailerFound;
      } catch (e) {
        throw new Error(`docker ${args.join(' ')} uploaded an unreadable context: ${(e as Error).message}`, { cause: e });
      }
    }
    return {
      exitCode: proc.exitCode,
      stdout: proc.stdout,
      stderr: proc.stderr,
      uploaded,
      tar,
      tarBytes: tar?.length ?? null,
      printedSize: parsePrintedSize(proc.stdout) ?? parsePrintedSize(proc.stderr),
      entries,
      trailerFound,
      error: cliError(proc.exitCode, proc.stderr),
      dockerfileParam: request?.params.get('dockerfile') ?? null,
      query: request?.query ?? null,
      durationMs,
    };
  } finally {
    slot.release();
  }
}

// Finds the real-BuildKit daemon that scripts/buildkit-oracle.sh runs in its chroot, and lends it
// to one build at a time across every process on the machine.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { buildTree } from '../trees/build-tree.js';
import { removeTree } from '../trees/make-temp-dir.js';
import type { TreeSpec } from '../trees/tree-spec.js';
import { engineRequest } from './docker-api.js';

/** Where `scripts/buildkit-oracle.sh` keeps its chroot unless CTXLENS_BUILDKIT_ROOT says otherwise. */
export const DEFAULT_BUILDKIT_ROOT = '/var/cache/ctxlens/buildkit-sid';
/** The daemon's socket, as a path inside the chroot. */
export const SOCKET_IN_CHROOT = '/run/ctxlens/docker.sock';
/** Where contexts live inside the chroot, so its docker CLI can read them. */
export const CONTEXTS_IN_CHROOT = '/ctx';
/** uid and gid of the chroot's unprivileged build user `builder` (BUILD_UID in scripts/buildkit-oracle.sh). */
export const BUILD_USER_ID = 10000;
/** The image `up` imports from busybox-static, for Dockerfiles that RUN without a registry. */
export const BUSYBOX_IMAGE = 'ctxlens/busybox:latest';

const START_HINT = 'start it with `sudo scripts/buildkit-oracle.sh up` and export what `scripts/buildkit-oracle.sh env` prints';

/** The running daemon: the chroot that holds it and the socket it answers on, both as host paths. */
export interface BuildkitOracle {
  /** Host path of the chroot. */
  readonly root: string;
  /** Host path of the daemon's unix socket (for Engine API calls made from the host). */
  readonly socket: string;
  /** Host path under which contexts are made (`<root>/ctx`). */
  readonly contextsDir: string;
}

/** Why the BuildKit suites skip. */
export interface BuildkitOracleSkip {
  readonly skip: string;
}

/**
 * Finds the running BuildKit oracle: from CTXLENS_BUILDKIT_ROOT and CTXLENS_BUILDKIT_SOCKET, or
 * the default chroot when those are unset, and checks that its daemon answers a ping.
 * CTXLENS_BUILDKIT_SKIP_REASON (set by CI when `up` failed) makes it skip with that reason.
 * @returns the oracle, or why it cannot be used (for a test name)
 */
export async function buildkitOracle(): Promise<BuildkitOracle | BuildkitOracleSkip> {
  const forced = process.env.CTXLENS_BUILDKIT_SKIP_REASON;
  if (forced) return { skip: `BuildKit oracle unavailable: ${forced}` };
  if (process.getuid?.() !== 0) return { skip: 'the BuildKit oracle needs root (builds run through chroot)' };
  const root = (process.env.CTXLENS_BUILDKIT_ROOT || DEFAULT_BUILDKIT_ROOT).replace(/\/+$/, '');
  const socket = process.env.CTXLENS_BUILDKIT_SOCKET || join(root, SOCKET_IN_CHROOT);
  if (relative(root, socket) !== SOCKET_IN_CHROOT.slice(1)) {
    return { skip: `CTXLENS_BUILDKIT_SOCKET (${socket}) is not ${SOCKET_IN_CHROOT} inside CTXLENS_BUILDKIT_ROOT (${root})` };
  }
  if (!existsSync(join(root, '.ctxlens-complete'))) return { skip: `no BuildKit chroot at ${root}: ${START_HINT}` };
  if (!existsSync(socket)) return { skip: `the BuildKit daemon is not running (no socket ${socket}): ${START_HINT}` };
  try {
    const ping = await engineRequest(socket, 'GET', '/_ping', 5_000);
    if (ping.status !== 200) return { skip: `the BuildKit daemon on ${socket} answered the ping with ${ping.status}: ${START_HINT}` };
  } catch (error) {
    return { skip: `the BuildKit daemon on ${socket} does not answer (${(error as Error).message}): ${START_HINT}` };
  }
  return { root, socket, contextsDir: join(root, CONTEXTS_IN_CHROOT.slice(1)) };
}

/**
 * Translates a host path inside the chroot to the path the chroot's processes see.
 * @returns the absolute in-chroot path
 * @throws when the path is not inside the chroot
 */
export function pathInChroot(oracle: BuildkitOracle, hostPath: string): string {
  const rel = relative(oracle.root, hostPath);
  if (rel === '' || rel.startsWith('..') || rel.startsWith(sep)) throw new Error(`${hostPath} is not inside the BuildKit chroot ${oracle.root}`);
  return `/${rel.split(sep).join('/')}`;
}

/** A context directory that the chroot's docker CLI can read. */
export interface BuildkitContext {
  /** Host path (`<root>/ctx/<unique>`). */
  readonly dir: string;
  /** The same directory as the chroot sees it (`/ctx/<unique>`). */
  readonly dirInChroot: string;
  /** Removes the directory. */
  cleanup(): Promise<void>;
}

let contextCount = 0;

/**
 * Makes a fresh context directory inside the chroot and builds `spec` in it with {@link buildTree}.
 * @returns the directory, as the host and the chroot see it
 */
export async function makeBuildkitContext(oracle: BuildkitOracle, spec: TreeSpec, options: { readonly mtime?: Date } = {}): Promise<BuildkitContext> {
  await mkdir(oracle.contextsDir, { recursive: true });
  contextCount += 1;
  const dir = join(oracle.contextsDir, `p${process.pid}-${Date.now().toString(36)}-${contextCount}`);
  await buildTree(dir, spec, options);
  return { dir, dirInChroot: pathInChroot(oracle, dir), cleanup: () => removeTree(dir) };
}

/**
 * Holds the machine-wide build lock of this daemon until the returned function is called: each
 * measured build prunes the cache first, so two builds must never overlap (vitest runs test files
 * in parallel, and other processes may share the daemon). flock(1) holds the lock for as long as
 * its stdin stays open, so a crashed test process releases it too.
 * @returns the release function
 * @throws when the lock is not free within `timeoutMs`
 */
export function lockDaemon(oracle: BuildkitOracle, timeoutMs = 600_000): Promise<() => Promise<void>> {
  const lockFile = join(oracle.root, 'run/ctxlens/build.lock');
  return new Promise((resolve, reject) => {
    const holder = spawn('flock', ['-w', String(Math.ceil(timeoutMs / 1000)), lockFile, 'sh', '-c', 'echo locked; exec cat >/dev/null'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let errors = '';
    let locked = false;
    const exited = new Promise<void>((done) => holder.once('close', () => done()));
    holder.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    holder.stdout.on('data', (chunk: Buffer) => {
      if (locked || !chunk.toString().includes('locked')) return;
      locked = true;
      resolve(async () => {
        holder.stdin.end();
        await exited;
      });
    });
    holder.once('error', (error) => reject(new Error(`cannot run flock for ${lockFile}: ${error.message}`)));
    holder.once('close', (code) => {
      if (!locked) reject(new Error(`the BuildKit build lock ${lockFile} was not free within ${timeoutMs} ms (flock exit ${code}${errors ? `: ${errors.trim()}` : ''})`));
    });
  });
}

/**
 * The oracle as a test file uses it: the oracle, or null with the reason as a suffix for test names.
 * @returns the oracle or null, and ` [skipped: reason]` ('' when the oracle runs)
 */
export async function buildkitOracleOrSkip(): Promise<{ oracle: BuildkitOracle | null; skipped: string }> {
  const found = await buildkitOracle();
  return 'skip' in found ? { oracle: null, skipped: ` [skipped: ${found.skip}]` } : { oracle: found, skipped: '' };
}

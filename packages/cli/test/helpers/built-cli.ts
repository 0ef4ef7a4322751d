// End-to-end tests run the BUILT CLI, as users do. The first test file to need it builds core and
// cli with `tsc -b` (a no-op when up to date) and bundles the bin; a lock directory keeps parallel
// test workers from building at the same time.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
/** The built entry point the package's `bin` points to (the bundle scripts/bundle-cli.mjs writes). */
export const BIN = path.join(REPO_ROOT, 'packages/cli/dist/ctxlens.mjs');
const LOCK = path.join(os.tmpdir(), `ctxlens-e2e-build-${createHash('sha1').update(REPO_ROOT).digest('hex').slice(0, 12)}.lock`);

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds core and cli (tsc -b is incremental) and bundles the bin, once per test run.
 * @returns once the bin is current
 * @throws when the build fails
 */
export function ensureBuilt(): void {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // Another worker builds; a lock older than 3 minutes is stale.
      try {
        if (Date.now() - fs.statSync(LOCK).mtimeMs > 180_000) fs.rmSync(LOCK, { recursive: true, force: true });
      } catch {
        /* gone already */
      }
      if (Date.now() > deadline) throw new Error('timed out waiting for the e2e build lock');
      sleep(200);
    }
  }
  try {
    const tsc = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-b', 'packages/core', 'packages/cli'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}${result.stderr}`);
    const bundle = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/bundle-cli.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (bundle.status !== 0) throw new Error(`bundling failed:\n${bundle.stdout}${bundle.stderr}`);
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

/** What a run of the CLI produced. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The signal that ended the CLI, if one did. */
  readonly signal?: NodeJS.Signals | null;
}

/** Options of runCli. */
export interface RunOptions {
  readonly cwd?: string;
  /** Added to a clean environment (no colour forcing, no GitHub variables). */
  readonly env?: Record<string, string | undefined>;
  readonly input?: string | Buffer;
  /** Run as this user and group id (tests of unreadable files; root reads everything). */
  readonly uid?: number;
  /** Kill the CLI after this long (tests of inputs that could block): the result then has code null and signal SIGKILL. */
  readonly killAfterMs?: number;
}

/** The test process's environment without what changes the CLI's output (colour, CI), plus `extra`. */
function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(FORCE_COLOR|NO_COLOR|GITHUB_|CI$)/.test(k)) env[k] = v;
  }
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/**
 * Runs `node packages/cli/dist/ctxlens.mjs ...args`.
 * @returns exit code, stdout and stderr
 */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const env = cleanEnv(options.env);
  return new Promise((resolve, reject) => {
    const user = options.uid === undefined ? {} : { uid: options.uid, gid: options.uid };
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'], ...user });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const killer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** True when stderr holds a JavaScript stack trace (never acceptable for a user error). */
export function hasStackTrace(stderr: string): boolean {
  return /\n\s+at .+\(.+:\d+:\d+\)/.test(stderr) || /\n\s+at .+:\d+:\d+/.test(stderr);
}

/**
 * Runs the CLI in a pseudo-terminal (util-linux `script`), so stdin, stdout and stderr are TTYs.
 * @returns exit code and everything the terminal showed
 */
export function runCliInTty(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): { code: number | null; output: string } {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: options.cwd, encoding: 'utf8', env: cleanEnv({ TERM: 'xterm', ...options.env }), input: '' });
  return { code: r.status, output: r.stdout };
}

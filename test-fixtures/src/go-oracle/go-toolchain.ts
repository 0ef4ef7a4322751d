// Finding the Go toolchain and moby/patternmatcher, and building the oracle binary offline
// (GOPATH mode, no module proxy) into a cache keyed by the inputs of the build.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Install hint shown whenever something needed by the Go oracle is missing. */
export const GO_ORACLE_INSTALL_HINT = 'apt-get install golang-go golang-github-moby-patternmatcher-dev';

/** Absolute path of the oracle's Go source. */
export const ORACLE_MAIN_GO = fileURLToPath(new URL('./oracle/main.go', import.meta.url));

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PATTERNMATCHER_IMPORT = 'github.com/moby/patternmatcher';

/** What a build needs to know about the local Go setup. */
export interface GoToolchain {
  /** The `go` command to run. */
  readonly go: string;
  /** Output of `go version`, e.g. `go version go1.19.8 linux/amd64`. */
  readonly version: string;
  /** GOPATH that holds `src/github.com/moby/patternmatcher` (Debian: /usr/share/gocode). */
  readonly gopath: string;
  /** Directory holding the patternmatcher sources. */
  readonly patternmatcherDir: string;
}

/** Result of probing for Go and the patternmatcher package. */
export type GoToolchainProbe = { readonly ok: true; readonly toolchain: GoToolchain } | { readonly ok: false; readonly reason: string };

let probed: GoToolchainProbe | undefined;

/**
 * Looks for `go` (or `$CTXLENS_GO`) and for moby/patternmatcher under `$CTXLENS_GO_ORACLE_GOPATH`
 * (default `/usr/share/gocode`, where Debian's package puts it). The answer is cached per process.
 * @returns the toolchain, or why the oracle cannot be built
 */
export function probeGoToolchain(): GoToolchainProbe {
  if (probed) return probed;
  const go = process.env['CTXLENS_GO'] ?? 'go';
  let version: string;
  try {
    version = execFileSync(go, ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 }).trim();
  } catch {
    probed = { ok: false, reason: `go not found: ${GO_ORACLE_INSTALL_HINT}` };
    return probed;
  }
  const gopath = process.env['CTXLENS_GO_ORACLE_GOPATH'] ?? '/usr/share/gocode';
  const patternmatcherDir = join(gopath, 'src', ...PATTERNMATCHER_IMPORT.split('/'));
  if (!existsSync(join(patternmatcherDir, 'patternmatcher.go'))) {
    probed = {
      ok: false,
      reason: `${PATTERNMATCHER_IMPORT} not found in ${patternmatcherDir}: apt-get install golang-github-moby-patternmatcher-dev`,
    };
    return probed;
  }
  probed = { ok: true, toolchain: { go, version, gopath, patternmatcherDir } };
  return probed;
}

/** Environment for an offline GOPATH-mode build: nothing is fetched, nothing outside the cache is written. */
function buildEnv(toolchain: GoToolchain, goCache: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GO111MODULE: 'off',
    GOPATH: toolchain.gopath,
    GOPROXY: 'off',
    GOFLAGS: '',
    GOTOOLCHAIN: 'local',
    GOENV: 'off',
    GOCACHE: goCache,
    CGO_ENABLED: '0',
  };
}

/** The argv of the build, for display and for {@link buildOracleBinary}. */
export function goBuildArgs(output: string): string[] {
  return ['build', '-trimpath', '-o', output, ORACLE_MAIN_GO];
}

/** Cache root: `$CTXLENS_GO_ORACLE_CACHE` or `node_modules/.cache/ctxlens-go-oracle` at the repo root. */
function cacheRoot(): string {
  return process.env['CTXLENS_GO_ORACLE_CACHE'] ?? join(REPO_ROOT, 'node_modules', '.cache', 'ctxlens-go-oracle');
}

/** Key of one build: the oracle source, the Go version and the patternmatcher source. */
function buildKey(toolchain: GoToolchain): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(ORACLE_MAIN_GO));
  hash.update('\0' + toolchain.version + '\0' + toolchain.gopath + '\0');
  hash.update(readFileSync(join(toolchain.patternmatcherDir, 'patternmatcher.go')));
  return hash.digest('hex').slice(0, 16);
}

const builds = new Map<string, Promise<string>>();

/**
 * Builds the oracle once per distinct source (and Go version), reusing an earlier binary from the
 * cache. Safe when several processes build at once: each writes a private file and renames it.
 * @returns absolute path of the binary
 */
export function buildOracleBinary(toolchain: GoToolchain): Promise<string> {
  const key = buildKey(toolchain);
  let pending = builds.get(key);
  if (!pending) {
    pending = build(toolchain, key);
    builds.set(key, pending);
    pending.catch(() => builds.delete(key));
  }
  return pending;
}

async function build(toolchain: GoToolchain, key: string): Promise<string> {
  const root = cacheRoot();
  const dir = join(root, key);
  const binary = join(dir, 'oracle');
  if (existsSync(binary)) return binary;
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `oracle.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    await execFileAsync(toolchain.go, goBuildArgs(temp), {
      cwd: dir,
      env: buildEnv(toolchain, join(root, 'gocache')),
      timeout: 300_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    await rename(temp, binary);
  } catch (error) {
    await rm(temp, { force: true });
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`building the Go oracle failed${stderr ? `:\n${stderr}` : ''}`, { cause: error });
  }
  return binary;
}

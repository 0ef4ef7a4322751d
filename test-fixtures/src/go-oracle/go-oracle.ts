/*
 * Go oracle: Docker's real .dockerignore matcher, queried from tests.
 * ===================================================================
 *
 * `oracle/main.go` is a small Go program of ours linked against github.com/moby/patternmatcher
 * (the package Docker's build-context code uses) and the Go standard library. It reads one JSON
 * request per line on stdin and answers one JSON line per request, in order, so one long-lived
 * process serves thousands of queries. Ops: `match` (New + MatchesOrParentMatches, the deprecated
 * Matches, and MatchesUsingParentResults walked top-down like a directory walker), `regexp`
 * (Go RE2, to check our RE2→JavaScript translation), `compile` (each pattern's match kind and the
 * regexp source patternmatcher builds, read from its unexported fields), `filepathMatch`, `clean`,
 * `trimSpace`, `info`.
 *
 * Requirements (what CI installs): `apt-get install golang-go golang-github-moby-patternmatcher-dev`,
 * i.e. Go 1.19 at /usr/bin/go and patternmatcher 0.5.0 in /usr/share/gocode. The build is offline
 * (GOPATH mode, module proxy off) and its binary is cached under
 * `node_modules/.cache/ctxlens-go-oracle/<hash>/oracle`, the hash covering main.go, `go version`
 * and patternmatcher.go, so only a change to one of those rebuilds. The build command is:
 *
 *   GO111MODULE=off GOPATH=/usr/share/gocode GOPROXY=off GOFLAGS= GOTOOLCHAIN=local GOENV=off \
 *   CGO_ENABLED=0 GOCACHE=node_modules/.cache/ctxlens-go-oracle/gocache \
 *   go build -trimpath -o <cache>/<hash>/oracle test-fixtures/src/go-oracle/oracle/main.go
 *
 * Overrides: `CTXLENS_GO` (go command), `CTXLENS_GO_ORACLE_GOPATH`, `CTXLENS_GO_ORACLE_CACHE`.
 *
 * Authority and known disagreement with Docker
 * --------------------------------------------
 * The real Docker CLI is the authority for ctxlens; this oracle is for matching semantics and RE2.
 * Malformed patterns are where they could part, so note *when* (and whether) one is rejected:
 *
 * - patternmatcher.New validates each pattern with `filepath.Match(pattern, ".")`. Match checks each
 *   chunk (text between stars) it reaches in full, but returns as soon as one fails to match "." and
 *   never reads the chunks after it. Go 1.19.8 here and Go 1.24 (Docker CLI 28.2.2) agree on this,
 *   checked against the real CLI (packages/core/src/patterns/go-match-syntax.ts, by the Docker conformance suite).
 * - So `a*[`, `!x/*[`, `a*\` and `a*[a-]` pass New. `a*[` then fails on first use, when its regexp
 *   `^a[^/]*[$` does not compile; `!a*[` alone is never consulted and never fails; `a*\` (regexp
 *   `^a[^/]*\$`, matches `a$`) and `a*[a-]` never fail. `[`, `a[`, `*[`, `.*[` fail at New (the
 *   failing chunk is reached).
 * - Patterns that filepath.Match accepts but RE2 does not (e.g. `[z-a]`) pass New everywhere and
 *   fail on first match with `syntax error in pattern`.
 *
 * The Docker CLI stays the authority for load-time syntax errors.
 */
import { buildOracleBinary, GO_ORACLE_INSTALL_HINT, probeGoToolchain } from './go-toolchain.js';
import { JsonLineClient } from './line-client.js';

/** Answers of patternmatcher's three matching methods for one path (`null` where a method returned an error). */
export interface GoMatchPathResult {
  /** The path as queried (slash-separated, relative to the context root). */
  readonly path: string;
  /** `MatchesOrParentMatches(path)` on a fresh matcher. */
  readonly mop: boolean | null;
  readonly mopErr: string | null;
  /** Deprecated `Matches(path)` on a fresh matcher (checks only one parent prefix). */
  readonly m: boolean | null;
  readonly mErr: string | null;
  /**
   * `MatchesUsingParentResults` on a fresh matcher, called for every ancestor from the top
   * ("a", "a/b", then "a/b/c"), each call given its parent's MatchInfo, as a directory walker does.
   * An error at any step ends the walk and is reported here.
   */
  readonly upr: boolean | null;
  readonly uprErr: string | null;
}

/** Outcome of a `match` query: `New` failed, or one result per path in request order. */
export type GoMatchResult =
  | { readonly ok: true; readonly results: readonly GoMatchPathResult[] }
  | { readonly ok: false; readonly newError: string };

/** Outcome of compiling a Go regexp and matching (unanchored `MatchString`) each input. */
export type GoRegexpResult =
  | { readonly ok: true; readonly matches: readonly boolean[] }
  | { readonly ok: false; readonly error: string };

/** How patternmatcher compiles one pattern on its own (`New([pattern])`, then a forced lazy compile). */
export interface GoCompileResult {
  readonly pattern: string;
  /** `New` failed with this error (then nothing else is set). */
  readonly newError: string | null;
  /** The pattern was blank after TrimSpace: `New` dropped it. */
  readonly empty: boolean;
  readonly exclusion: boolean;
  /** `Pattern.String()`: the pattern after TrimSpace, Clean and the `!` split. */
  readonly cleaned: string;
  /** Match kind after compiling (`regexp` also when its regexp failed to compile). */
  readonly kind: 'exact' | 'prefix' | 'suffix' | 'regexp' | 'unknown' | '';
  /** Source of the compiled regexp (regexp kind only; null when it failed to compile). */
  readonly regexp: string | null;
  /** The lazy compile failed with this error (Docker: `syntax error in pattern` on first use). */
  readonly compileError: string | null;
}

/** `filepath.Match(pattern, name)`: `error` is the error text (`syntax error in pattern`) or null. */
export interface GoFilepathMatchResult {
  readonly matched: boolean;
  readonly error: string | null;
}

/** A running oracle process. Requests may be pipelined; each resolves with its own answer. */
export interface GoOracle {
  /** `runtime.Version()` of the oracle binary, e.g. `go1.19.8`. */
  readonly goVersion: string;
  /**
   * Builds `patternmatcher.New(patterns)` and asks every matching method about each path. Escaped
   * bytes (U+DC80..U+DCFF, as ctxlens keeps names that are not UTF-8) reach Go as those bytes.
   */
  match(patterns: readonly string[], paths: readonly string[]): Promise<GoMatchResult>;
  /** `regexp.Compile(regex)`, then `MatchString` for each input (escaped bytes reach Go as bytes). */
  regexp(regex: string, inputs: readonly string[]): Promise<GoRegexpResult>;
  /** How each pattern compiles on its own: match kind and the regexp source Docker builds. */
  compile(patterns: readonly string[]): Promise<GoCompileResult[]>;
  /** `filepath.Match(pattern, name)`. */
  filepathMatch(pattern: string, name: string): Promise<GoFilepathMatchResult>;
  /** `filepath.Clean` of each input. */
  clean(inputs: readonly string[]): Promise<string[]>;
  /** `strings.TrimSpace` of each input. */
  trimSpace(inputs: readonly string[]): Promise<string[]>;
  /** Stops the process (after answering what was already sent). */
  close(): Promise<void>;
}

/** Whether the Go oracle can run here, and if not, what to install. */
export type GoOracleStatus = { readonly available: true } | { readonly available: false; readonly reason: string };

/**
 * Checks for `go` and the moby/patternmatcher sources without building anything.
 * @returns availability, with an install hint as the reason when unavailable
 */
export function goOracleStatus(): GoOracleStatus {
  const probe = probeGoToolchain();
  return probe.ok ? { available: true } : { available: false, reason: probe.reason };
}

/**
 * Builds the oracle if its cached binary is missing or stale, then starts it.
 * @returns a running oracle; call {@link GoOracle.close} when done
 * @throws when Go or the patternmatcher package is missing, or the build fails
 */
export async function startGoOracle(): Promise<GoOracle> {
  const probe = probeGoToolchain();
  if (!probe.ok) throw new Error(`Go oracle unavailable: ${probe.reason}`);
  const binary = await buildOracleBinary(probe.toolchain);
  const client = new JsonLineClient(binary);
  const call = async (request: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const response = await client.request(request);
    if (typeof response !== 'object' || response === null || Array.isArray(response)) {
      throw new Error(`Go oracle: malformed response to ${String(request['op'])}`);
    }
    const record = response as Record<string, unknown>;
    if (typeof record['protocolError'] === 'string') throw new Error(`Go oracle: ${record['protocolError']}`);
    return record;
  };
  let goVersion: string;
  try {
    goVersion = stringField(await call({ op: 'info' }), 'goVersion');
  } catch (error) {
    await client.close();
    throw error;
  }
  return {
    goVersion,
    async match(patterns, paths) {
      const r = await call(asBytesIfEscaped({ op: 'match', patterns, paths }));
      if (typeof r['newError'] === 'string') return { ok: false, newError: r['newError'] };
      // Answers come in request order; the echoed path is Go's (lossy) view of it, so use ours.
      const results = (arrayField(r, 'results') as GoMatchPathResult[]).map((result, i) => ({ ...result, path: paths[i]! }));
      return { ok: true, results };
    },
    async regexp(regex, inputs) {
      const r = await call(asBytesIfEscaped({ op: 'regexp', regex, inputs }));
      if (typeof r['error'] === 'string') return { ok: false, error: r['error'] };
      return { ok: true, matches: arrayField(r, 'matches') as boolean[] };
    },
    async compile(patterns) {
      return arrayField(await call({ op: 'compile', patterns }), 'results') as GoCompileResult[];
    },
    async filepathMatch(pattern, name) {
      const r = await call({ op: 'filepathMatch', pattern, name });
      return { matched: r['matched'] === true, error: typeof r['error'] === 'string' ? r['error'] : null };
    },
    async clean(inputs) {
      return arrayField(await call({ op: 'clean', inputs }), 'outputs') as string[];
    },
    async trimSpace(inputs) {
      return arrayField(await call({ op: 'trimSpace', inputs }), 'outputs') as string[];
    },
    close: () => client.close(),
  };
}

const ESCAPED_BYTE = /[\udc80-\udcff]/u;

/**
 * A request whose strings hold escaped bytes (ctxlens's U+DC80..U+DCFF for bytes that are not
 * UTF-8, see packages/core/src/inventory/raw-names.ts) goes as hex-encoded bytes, so Go sees the
 * bytes themselves; any other request goes as it is.
 */
function asBytesIfEscaped(request: { op: string; patterns?: readonly string[]; paths?: readonly string[]; regex?: string; inputs?: readonly string[] }): Record<string, unknown> {
  const { patterns = [], paths = [], regex = '', inputs = [] } = request;
  if (![...patterns, ...paths, regex, ...inputs].some((s) => ESCAPED_BYTE.test(s))) return request;
  const hex = (s: string): string => {
    const parts: Buffer[] = [];
    for (const ch of s) {
      const c = ch.charCodeAt(0);
      parts.push(ch.length === 1 && c >= 0xdc80 && c <= 0xdcff ? Buffer.from([c - 0xdc00]) : Buffer.from(ch, 'utf8'));
    }
    return Buffer.concat(parts).toString('hex');
  };
  return { op: request.op, bytes: true, patterns: patterns.map(hex), paths: paths.map(hex), regex: hex(regex), inputs: inputs.map(hex) };
}

function stringField(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  if (typeof value !== 'string') throw new Error(`Go oracle: response lacks string "${key}"`);
  return value;
}

function arrayField(record: Record<string, unknown>, key: string): unknown[] {
  const value = record[key];
  if (!Array.isArray(value)) throw new Error(`Go oracle: response lacks array "${key}"`);
  return value;
}

export { GO_ORACLE_INSTALL_HINT };

// A minimal in-process stand-in for the Docker daemon, listening on a unix socket.
//
// It answers exactly what the Docker CLI (28.x) needs for a legacy (`DOCKER_BUILDKIT=0`)
// `docker build`: `HEAD|GET /_ping` for API version negotiation, then `POST /v1.xx/build`
// whose body is the build context tar. The body is kept so the caller can inspect the exact
// context the CLI computed. Every other endpoint gets a 404 and is recorded in the request log.

import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** API version advertised by the fake daemon: the highest one the Docker CLI 28 speaks. */
export const FAKE_DAEMON_API_VERSION = '1.50';

/** Request header used to correlate a build request with the CLI run that sent it. */
export const RUN_TAG_HEADER = 'x-ctxlens-run';

/** One `POST /v1.xx/build` request received by the fake daemon. */
export interface BuildRequest {
  /** 1-based sequence number of this build request on its daemon. */
  readonly seq: number;
  /** Full request URL, e.g. `/v1.50/build?dockerfile=Dockerfile&version=1`. */
  readonly url: string;
  /** API version from the URL path (e.g. `1.50`), or `null` for an unversioned path. */
  readonly apiVersion: string | null;
  /** Raw query string without the leading `?`. */
  readonly query: string;
  /** Parsed query parameters (e.g. `dockerfile`, `version`, `q`, `buildargs`). */
  readonly params: URLSearchParams;
  /** Request headers as received (lower-cased names). */
  readonly headers: IncomingHttpHeaders;
  /** Value of the {@link RUN_TAG_HEADER} header, if the CLI sent one. */
  readonly runTag: string | null;
  /** The request body: the build context tar exactly as uploaded. */
  readonly body: Buffer;
  /** `false` when the client aborted before finishing the body (then `body` is partial). */
  readonly complete: boolean;
}

/** One entry of the daemon's request log (all endpoints, bodies not kept). */
export interface RequestLogEntry {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly bodyBytes: number;
  /** HTTP status the fake daemon answered with. */
  readonly status: number;
}

/** Options for {@link startFakeDaemon}. */
export interface FakeDaemonOptions {
  /** `Api-Version` header to advertise on `/_ping`. Defaults to {@link FAKE_DAEMON_API_VERSION}. */
  apiVersion?: string;
  /** How many request log entries to keep (oldest dropped first). Defaults to 1000. */
  maxLoggedRequests?: number;
  /** Called for every request once it has been answered (handy while debugging). */
  onRequest?: (entry: RequestLogEntry) => void;
}

/** A running fake Docker daemon. */
export interface FakeDaemon {
  /** Filesystem path of the unix socket. */
  readonly socketPath: string;
  /** Value for `DOCKER_HOST`: `unix://<socketPath>`. */
  readonly dockerHost: string;
  /** Private temporary directory of this daemon (holds the socket, HOME and config dirs). */
  readonly baseDir: string;
  /** An empty directory to use as `HOME` for CLI processes talking to this daemon. */
  readonly homeDir: string;
  /** API version advertised on `/_ping`. */
  readonly apiVersion: string;
  /** Number of build requests received so far. */
  readonly buildCount: number;
  /** The most recently received build request, or `null` if none yet. */
  lastBuild(): BuildRequest | null;
  /**
   * Removes and returns the latest build request that carried `runTag` in the
   * {@link RUN_TAG_HEADER} header, or `null` if there is none.
   */
  takeBuild(runTag: string): BuildRequest | null;
  /** Snapshot of the request log (every endpoint, oldest first). */
  requests(): RequestLogEntry[];
  /** Clears the request log. */
  clearRequests(): void;
  /** Stops the server, drops open connections and removes the temporary directory. */
  close(): Promise<void>;
}

const BUILD_PATH = /^\/(?:v(\d+\.\d+)\/)?build$/;
const PING_PATH = /^\/(?:v\d+\.\d+\/)?_ping$/;

/**
 * Starts a fake Docker daemon on a fresh unix socket in a fresh temporary directory.
 * One daemon serves any number of sequential or concurrent CLI invocations.
 */
export async function startFakeDaemon(options: FakeDaemonOptions = {}): Promise<FakeDaemon> {
  const apiVersion = options.apiVersion ?? FAKE_DAEMON_API_VERSION;
  const maxLogged = options.maxLoggedRequests ?? 1000;
  const baseDir = await mkdtemp(join(tmpdir(), 'ctxlens-dockerd-'));
  const socketPath = join(baseDir, 'docker.sock');
  const homeDir = join(baseDir, 'home');
  await mkdir(homeDir);

  let log: RequestLogEntry[] = [];
  let buildCount = 0;
  let last: BuildRequest | null = null;
  const tagged = new Map<string, BuildRequest>();

  const record = (req: IncomingMessage, bodyBytes: number, status: number): void => {
    const entry: RequestLogEntry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, bodyBytes, status };
    log.push(entry);
    if (log.length > maxLogged) log = log.slice(log.length - maxLogged);
    options.onRequest?.(entry);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer, complete: boolean): void => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const query = q === -1 ? '' : url.slice(q + 1);
    const method = req.method ?? 'GET';

    if (PING_PATH.test(path) && (method === 'GET' || method === 'HEAD')) {
      res.writeHead(200, {
        'Api-Version': apiVersion,
        'OSType': 'linux',
        'Builder-Version': '1',
        'Docker-Experimental': 'false',
        'Cache-Control': 'no-cache, no-store, must-revalidate',
        'Pragma': 'no-cache',
        'Content-Type': 'text/plain; charset=utf-8',
      });
      res.end(method === 'HEAD' ? undefined : 'OK');
      record(req, body.length, 200);
      return;
    }

    const build = BUILD_PATH.exec(path);
    if (build && method === 'POST') {
      buildCount += 1;
      const tagHeader = req.headers[RUN_TAG_HEADER];
      const runTag = typeof tagHeader === 'string' ? tagHeader : null;
      const request: BuildRequest = {
        seq: buildCount,
        url,
        apiVersion: build[1] ?? null,
        query,
        params: new URLSearchParams(query),
        headers: req.headers,
        runTag,
        body,
        complete,
      };
      last = request;
      if (runTag !== null) tagged.set(runTag, request);
      if (!complete) {
        record(req, body.length, 0);
        return;
      }
      const id = createHash('sha256').update(body).digest('hex');
      res.writeHead(200, { 'Content-Type': 'application/json', 'Api-Version': apiVersion });
      res.end(
        `${JSON.stringify({ stream: `ctxlens fake daemon: received ${body.length} bytes\n` })}\r\n` +
          `${JSON.stringify({ aux: { ID: `sha256:${id}` } })}\r\n` +
          `${JSON.stringify({ stream: `Successfully built ${id.slice(0, 12)}\n` })}\r\n`,
      );
      record(req, body.length, 200);
      return;
    }

    res.writeHead(404, { 'Content-Type': 'application/json', 'Api-Version': apiVersion });
    res.end(`${JSON.stringify({ message: `ctxlens fake daemon: unsupported endpoint ${method} ${path}` })}\n`);
    record(req, body.length, 404);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let done = false;
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (done) return;
      done = true;
      handle(req, res, Buffer.concat(chunks), true);
    });
    req.on('aborted', () => {
      if (done) return;
      done = true;
      handle(req, res, Buffer.concat(chunks), false);
    });
    req.on('error', () => {
      /* reported through 'aborted' */
    });
  });
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });

  let closed: Promise<void> | null = null;
  return {
    socketPath,
    dockerHost: `unix://${socketPath}`,
    baseDir,
    homeDir,
    apiVersion,
    get buildCount() {
      return buildCount;
    },
    lastBuild: () => last,
    takeBuild(runTag: string) {
      const found = tagged.get(runTag) ?? null;
      tagged.delete(runTag);
      return found;
    },
    requests: () => [...log],
    clearRequests() {
      log = [];
    },
    close() {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await rm(baseDir, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}

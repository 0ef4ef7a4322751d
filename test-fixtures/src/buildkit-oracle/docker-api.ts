// The few Engine API calls the BuildKit oracle makes itself, straight over the daemon's unix
// socket: each costs a millisecond, where running the chroot's docker CLI for them costs half a second.
import { request } from 'node:http';

/** The Engine API version the chroot's dockerd (28.5) speaks. */
export const ENGINE_API_VERSION = 'v1.51';

/** One build-cache record, as `GET /system/df?type=build-cache` lists it. */
export interface BuildCacheRecord {
  /** The record's ID; with the overlay2 storage driver it also names the snapshot's directory. */
  readonly ID: string;
  /** `source.local`, `regular`, `exec.cachemount`, … */
  readonly Type: string;
  /** `local source for context`, `local source for dockerfile`, `[1/1] COPY . /`, … */
  readonly Description: string;
  readonly Size: number;
  /** RFC 3339 with nanoseconds. */
  readonly CreatedAt: string;
  readonly InUse: boolean;
}

interface ApiResponse {
  readonly status: number;
  readonly body: string;
}

/**
 * Sends one request to the Engine API on a unix socket.
 * @returns the status code and the body as text
 * @throws when the socket does not answer within `timeoutMs`
 */
export function engineRequest(socketPath: string, method: string, path: string, timeoutMs = 60_000): Promise<ApiResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, method, path, headers: { Host: 'docker' }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} on ${socketPath}: no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

async function engineJson<T>(socketPath: string, method: string, path: string): Promise<T> {
  const res = await engineRequest(socketPath, method, `/${ENGINE_API_VERSION}${path}`);
  if (res.status !== 200) throw new Error(`${method} ${path} on ${socketPath} answered ${res.status}: ${res.body.trim()}`);
  return JSON.parse(res.body) as T;
}

/**
 * Removes every build-cache record, as `docker builder prune -af` does, so the next build is a first transfer.
 * @returns once the daemon has pruned
 */
export async function pruneBuildCache(socketPath: string): Promise<void> {
  await engineJson<unknown>(socketPath, 'POST', '/build/prune?all=1');
}

/**
 * Lists the build cache's records.
 * @returns the records, in the daemon's order
 */
export async function listBuildCache(socketPath: string): Promise<BuildCacheRecord[]> {
  const df = await engineJson<{ BuildCache: BuildCacheRecord[] | null }>(socketPath, 'GET', '/system/df?type=build-cache');
  return df.BuildCache ?? [];
}

// The files BuildKit received: with dockerd's overlay2 storage, the build-cache record "local
// source for context" is a snapshot whose diff/ directory is exactly what fsutil's receiver wrote.
import { lstat, readdir, readlink } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { pathBytes, pathFromBytes } from '@ctxlens/core';
import type { BuildCacheRecord } from './docker-api.js';
import type { BuildkitOracle } from './oracle.js';
import { LOAD_CONTEXT_STEP, type ProgressSummary } from './progress.js';

/** Kinds of received entries. */
export type ReceivedKind = 'file' | 'dir' | 'symlink' | 'fifo' | 'socket' | 'char' | 'block';

/** One entry that arrived in the daemon. */
export interface ReceivedEntry {
  /** Path relative to the context root, `/`-separated; bytes that are not UTF-8 are escaped as ctxlens keeps them. */
  readonly path: string;
  readonly kind: ReceivedKind;
  /** Bytes of a regular file as received (0 for other kinds). */
  readonly size: number;
  /** Permission and set-id/sticky bits (`mode & 0o7777`). */
  readonly mode: number;
  /** A symlink's target, verbatim. */
  readonly target?: string;
  /** For a file received as a hard link of an earlier one: that entry's path. */
  readonly linkedTo?: string;
}

const CONTEXT_RECORD = 'local source for context';

/** The step that reads the ignore file from the context; with a `<Dockerfile>.dockerignore` it is read from the Dockerfile's directory instead, and this step does not run. */
export const LOAD_IGNORE_STEP = '[internal] load .dockerignore';

/**
 * Chooses the record that holds the received context. The frontend loads the context's ignore
 * file, when it reads one from there, through the same local source (a record of its own, made
 * first), then the context itself: so there is one record per such step, and the context's is the
 * newest. When the load step fails, BuildKit drops the partial transfer's record.
 * @returns the record, or null when the build had no load step or the load step failed
 * @throws when the records do not fit that picture (the harness's assumption broke)
 */
export function contextRecord(records: readonly BuildCacheRecord[], progress: Pick<ProgressSummary, 'steps' | 'loadError'>): BuildCacheRecord | null {
  const { steps, loadError } = progress;
  if (!steps.includes(LOAD_CONTEXT_STEP)) return null;
  const expected = steps.includes(LOAD_IGNORE_STEP) ? 2 : 1;
  const candidates = records.filter((r) => r.Description === CONTEXT_RECORD).sort((a, b) => compareBigints(nanos(a.CreatedAt), nanos(b.CreatedAt)));
  if (loadError !== null && candidates.length === expected - 1) return null;
  if (candidates.length !== expected) {
    throw new Error(`expected ${expected} "${CONTEXT_RECORD}" build-cache record(s) after steps ${JSON.stringify(steps)}, found ${candidates.length}`);
  }
  return candidates[candidates.length - 1]!;
}

function compareBigints(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** RFC 3339 time with up to nine fraction digits, as nanoseconds since the epoch (Date keeps only milliseconds). */
function nanos(time: string): bigint {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(time);
  if (!m) throw new Error(`unexpected build-cache time ${JSON.stringify(time)}`);
  const seconds = BigInt(Date.parse(`${m[1]}${m[3]}`)) / 1000n;
  return seconds * 1_000_000_000n + BigInt((m[2] ?? '').padEnd(9, '0').slice(0, 9));
}

/**
 * Host path of a record's overlay2 diff directory.
 * @returns `<root>/var/lib/docker/overlay2/<ID>/diff`
 */
export function snapshotDiffDir(oracle: BuildkitOracle, record: BuildCacheRecord): string {
  return join(oracle.root, 'var/lib/docker/overlay2', record.ID, 'diff');
}

/**
 * Lists every entry under a received snapshot, depth first: each directory before its contents, names in byte order.
 * @returns the entries
 */
export async function readReceivedTree(diffDir: string): Promise<ReceivedEntry[]> {
  const out: ReceivedEntry[] = [];
  const inodes = new Map<string, string>();
  const visit = async (rel: string): Promise<void> => {
    const names = (await readdir(pathBytes(rel === '' ? diffDir : join(diffDir, rel)), { encoding: 'buffer' })).map((raw) => pathFromBytes(raw));
    names.sort((a, b) => Buffer.compare(pathBytes(a), pathBytes(b)));
    for (const name of names) {
      const path = rel === '' ? name : `${rel}/${name}`;
      const full = pathBytes(join(diffDir, path));
      const st = await lstat(full);
      const kind = kindOf(st);
      const entry: { -readonly [K in keyof ReceivedEntry]: ReceivedEntry[K] } = { path, kind, size: kind === 'file' ? st.size : 0, mode: st.mode & 0o7777 };
      if (kind === 'symlink') entry.target = pathFromBytes(await readlink(full, { encoding: 'buffer' }));
      if (kind !== 'dir' && st.nlink > 1) {
        const key = `${st.dev}:${st.ino}`;
        const first = inodes.get(key);
        if (first === undefined) inodes.set(key, path);
        else entry.linkedTo = first;
      }
      out.push(entry);
      if (kind === 'dir') await visit(path);
    }
  };
  await visit('');
  return out;
}

function kindOf(st: Stats): ReceivedKind {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'char';
  return 'block';
}

// Scratch directories for tests, removable even when a test left unreadable entries behind.
import { chmod, mkdtemp, readdir, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scratch directory and the way to remove it. */
export interface TempDir {
  /** Absolute, symlink-free path (macOS's /tmp is a symlink, and walkers report real paths). */
  readonly path: string;
  /** Removes the directory and everything below it, restoring permissions first if needed. */
  cleanup(): Promise<void>;
}

/**
 * Creates a fresh directory under the OS temp dir.
 * @returns the directory and its cleanup function
 * @throws when the prefix contains a path separator or the directory cannot be created
 */
export async function makeTempDir(prefix = 'ctxlens-'): Promise<TempDir> {
  if (prefix.includes('/')) throw new Error(`makeTempDir: prefix must not contain "/": ${prefix}`);
  const path = await realpath(await mkdtemp(join(tmpdir(), prefix)));
  return { path, cleanup: () => removeTree(path) };
}

/**
 * Removes a tree, first making its directories writable when a plain rm is refused (non-root users and 0o555 dirs).
 * @returns once the tree is gone
 */
export async function removeTree(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
    await unlockDirectories(path);
    await rm(path, { recursive: true, force: true });
  }
}

async function unlockDirectories(dir: string): Promise<void> {
  await chmod(dir, 0o700).catch(() => undefined);
  const children = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const child of children) {
    if (child.isDirectory()) await unlockDirectories(join(dir, child.name));
  }
}

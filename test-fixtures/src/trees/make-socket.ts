// Leaves a unix socket file on disk with nobody listening on it.
import { mkdtemp, rename, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

// Distinguishes sockets made concurrently in one directory by this process.
let created = 0;

/**
 * Creates a socket file at `socketPath` and closes its listener, keeping the file.
 *
 * libuv unlinks a pipe server's path on close, and sun_path holds only ~108 bytes, so the socket is bound
 * under a short temporary name reached through a symlink to the real parent, then renamed into place
 * before the server closes: the unlink then targets a name that no longer exists.
 * @returns once the socket file is in place and the listener is gone
 * @throws when binding or renaming fails (for instance when `socketPath` already exists)
 */
export async function makeSocketFile(socketPath: string): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'ctxlens-sock-'));
  const temporaryName = `.s${process.pid}-${created++}`;
  try {
    await symlink(dirname(socketPath), join(scratch, 'd'));
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(join(scratch, 'd', temporaryName), () => resolve());
    });
    try {
      await rename(join(dirname(socketPath), temporaryName), join(dirname(socketPath), basename(socketPath)));
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

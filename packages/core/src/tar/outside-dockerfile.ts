// A Dockerfile outside the context travels inside the legacy upload under a random name
// (docker/cli AddDockerfileToBuildContext): a `.dockerfile.<20 hex>` entry is appended, its name is
// appended to `.dockerignore` (created if absent), and the rewritten stream is closed before the
// tar writer flushes, so the last entry's padding and the end-of-archive blocks never arrive.
import { TAR_TRAILER_BYTES } from './tar-size.js';

const padded = (n: number): number => Math.ceil(n / 512) * 512;
/** `.dockerfile.` plus 20 hex digits. */
const RANDOM_NAME_LENGTH = 32;

/**
 * Adjusts the legacy upload size for a Dockerfile outside the context.
 * @param baseTarBytes the context's tar bytes, trailer included
 * @param dockerignoreSize size of the `.dockerignore` entry in the upload, or undefined when none is sent
 * @returns the bytes the client sends; when it also creates .dockerignore, the two appended entries
 *   come in Go's random map order, so `other` is the size of the other order
 */
export function outsideDockerfileUpload(baseTarBytes: number, dockerfileSize: number, dockerignoreSize: number | undefined): { bytes: number; other: number | undefined } {
  const body = baseTarBytes - TAR_TRAILER_BYTES;
  const appended = RANDOM_NAME_LENGTH + 2; // "\n" + name + "\n"
  if (dockerignoreSize !== undefined) {
    const grown = body - padded(dockerignoreSize) + padded(dockerignoreSize + appended);
    return { bytes: grown + 512 + dockerfileSize, other: undefined };
  }
  // Whichever added entry comes last loses its padding; Docker iterates a Go map to add them.
  const ignoreSize = '.dockerignore'.length + appended;
  return { bytes: body + 512 + padded(dockerfileSize) + 512 + ignoreSize, other: body + 512 + padded(ignoreSize) + 512 + dockerfileSize };
}

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
 * @returns the bytes the client actually sends
 */
export function outsideDockerfileUpload(baseTarBytes: number, dockerfileSize: number, dockerignoreSize: number | undefined): number {
  const body = baseTarBytes - TAR_TRAILER_BYTES;
  const appended = RANDOM_NAME_LENGTH + 2; // "\n" + name + "\n"
  if (dockerignoreSize !== undefined) {
    const grown = body - padded(dockerignoreSize) + padded(dockerignoreSize + appended);
    return grown + 512 + dockerfileSize;
  }
  // Added entries come in name order, so the new .dockerignore is last and loses its padding.
  const ignoreSize = '.dockerignore'.length + appended;
  return body + 512 + padded(dockerfileSize) + 512 + ignoreSize;
}

// Files a non-root BuildKit client sends but cannot open. fsutil's sender stats every entry it
// walks, and opens a regular file only when the daemon asks for its data; when the open fails it
// still closes the file with an empty data packet (send.go sendFile). So an unreadable file is sent
// with its real size in the stat packet and arrives empty. Seen on the real BuildKit as an
// unprivileged user (uid 10000): a 0000 file of 11 bytes arrived as an empty file, and the build
// went on.
import type { Inventory } from '../inventory/inventory.js';

/**
 * The regular files of a send order that the current user cannot open for reading. A file that
 * owner, group and others may all read is taken as readable without asking the kernel (its
 * directory was listed, so it can be reached; which class applies to the user does not matter
 * then): a non-root ctxlens pays one access() per file not readable by all (0644 files are not
 * asked about), not per file sent. An ACL that denies one named user such a file is missed.
 * @param accessRead throws when the current user may not open the file
 * @returns their inventory indices
 */
export function unreadableFiles(inv: Inventory, order: Int32Array, accessRead: (path: string) => void): Set<number> {
  const out = new Set<number>();
  for (const i of order) {
    if (inv.kind(i) !== 'file' || (inv.perms[i]! & 0o444) === 0o444) continue;
    try {
      accessRead(inv.fsPath(i));
    } catch {
      out.add(i);
    }
  }
  return out;
}

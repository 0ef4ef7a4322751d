// Which files content detection reads, and how. Reading every sent file would cost a read per file
// (50,000 on the 1M bench tree) where a name test costs nothing, and the formats of
// secret-content.ts live in a few kinds of file: configuration, key and environment files, text
// notes. So only sent regular files whose name is on an allowlist are read, and only up to
// SECRET_CONTENT_MAX_BYTES: credential files are small (a 4096-bit RSA key is 3.2 kB, a
// service-account key 2.3 kB), and anything bigger is data whose scan would cost time and add
// accidental matches. Symlinks are never followed: the builder sends the link, not its target.
import * as fs from 'node:fs';
import type { EntryKind, Inventory } from '../inventory/inventory.js';
import { toFsPath } from '../inventory/raw-names.js';
import { findSecretsInBytes, type SecretFinding } from './secret-content.js';

/** The largest file content detection reads (64 KiB); bigger files are skipped unread. */
export const SECRET_CONTENT_MAX_BYTES = 64 * 1024;

/** Extensions of configuration, key and note files. */
const EXTENSIONS = new Set(['.json', '.txt', '.yml', '.yaml', '.toml', '.ini', '.cfg', '.conf', '.properties', '.xml', '.tfvars', '.env', '.pem', '.key', '.p8', '.asc']);
/** Tool configuration files that hold registry or login credentials. */
const NAMES = new Set(['.npmrc', 'npmrc', '.yarnrc', '.yarnrc.yml', '.pypirc', '.netrc', '_netrc', '.git-credentials', '.htpasswd', 'credentials']);
/** Words in a name that say what the file holds. */
const WORDS = /secret|token|credential|passw|apikey|api[-_]key|private/i;

/**
 * Whether content detection reads a file of this name: `.env*`, `id_*` (not `.pub`), tool
 * credential files (`.npmrc`, `.netrc`…), configuration, key and note extensions (`.json`, `.txt`,
 * `.yml`, `.pem`…), and names with `secret`, `token`, `credential`, `passw`, `apikey` or `private`.
 * @returns true when the file is a candidate
 */
export function isSecretContentCandidate(name: string): boolean {
  if (name.startsWith('.env') || NAMES.has(name) || WORDS.test(name)) return true;
  if (name.startsWith('id_')) return !name.endsWith('.pub');
  const dot = name.lastIndexOf('.');
  return dot > 0 && EXTENSIONS.has(name.slice(dot).toLowerCase());
}

/**
 * Reads a small regular file without following a symlink or blocking on a FIFO swapped in after
 * the scan: O_NOFOLLOW, O_NONBLOCK, and a check of the open descriptor.
 * @returns the bytes, or undefined when it is not a regular file, is bigger than `maxBytes`, or cannot be read
 */
export function readSmallRegularFile(path: string | Buffer, maxBytes: number = SECRET_CONTENT_MAX_BYTES): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW | fs.constants.O_NOCTTY);
    const stats = fs.fstatSync(fd);
    if (!stats.isFile() || stats.size > maxBytes) return undefined;
    const buf = Buffer.alloc(stats.size);
    const n = fs.readSync(fd, buf, 0, stats.size, 0);
    return buf.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Reads a file for content detection, by inventory index. */
export type SecretContentReader = (inv: Inventory, index: number) => Uint8Array | undefined;

/** The default reader: the file on disk, through the inventory's file-system path. */
export const readInventoryFile: SecretContentReader = (inv, index) => readSmallRegularFile(toFsPath(inv.fsPath(index)));

// An inventory is one scan of the disk: what a file held then holds for every evaluation of it
// (the TUI re-evaluates the same inventory on each edit; the summary ranks and lists secrets).
const cache = new WeakMap<Inventory, Map<number, readonly SecretFinding[]>>();

/**
 * The secrets a file holds, when content detection reads it: a regular file of a candidate name,
 * no bigger than SECRET_CONTENT_MAX_BYTES.
 * @param read returns the file's bytes (called only when the file qualifies)
 * @returns the findings, empty when there are none or the file is not read
 */
export function scanFileContent(name: string, kind: EntryKind, size: number, read: () => Uint8Array | undefined): readonly SecretFinding[] {
  if (kind !== 'file' || size > SECRET_CONTENT_MAX_BYTES || !isSecretContentCandidate(name)) return [];
  const bytes = read();
  return bytes === undefined ? [] : findSecretsInBytes(bytes, name);
}

/**
 * The secrets a sent file holds, read once per inventory (see scanFileContent).
 * @param read the reader (tests pass one; findings are cached only for the default reader)
 * @returns the findings, empty when there are none or the file is not read
 */
export function secretContentOf(inv: Inventory, index: number, read: SecretContentReader = readInventoryFile): readonly SecretFinding[] {
  const memo = read === readInventoryFile ? (cache.get(inv) ?? cache.set(inv, new Map()).get(inv)!) : undefined;
  const known = memo?.get(index);
  if (known !== undefined) return known;
  const found = scanFileContent(inv.name(index), inv.kind(index), inv.sizes[index]!, () => read(inv, index));
  memo?.set(index, found);
  return found;
}

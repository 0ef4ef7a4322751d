// Whether one path of the context is a secret, for `explain`: the same name rules and content
// detectors as the context-wide reports (category-hits.ts), applied to one path on disk without a
// whole-tree scan. Content is read only when the caller says the builder sends the path.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { EntryKind } from '../inventory/inventory.js';
import { toFsPath } from '../inventory/raw-names.js';
import { claimingDirectory, classifyFile, readHead } from './category-hits.js';
import type { SecretFinding } from './secret-content.js';
import { readSmallRegularFile, scanFileContent } from './secret-content-scan.js';

/** Why a path is a secret. */
export interface PathSecret {
  /** The name rule's reason, what the content holds, or both. */
  readonly reason: string;
  /** What its content holds, in line order (empty when not read or nothing found). */
  readonly findings: readonly SecretFinding[];
}

/**
 * Judges one context path as the secret reports do: a credentials directory or a file below one,
 * a file a secret name rule claims, or a sent file whose content holds a secret. A file below a
 * directory of another category (node_modules) is that category, not a secret.
 * @param relative the context-relative path
 * @param sent whether the builder sends it: only then is its content read
 * @returns why it is a secret, or undefined when it is not one (or does not exist)
 */
export function secretAtPath(contextDir: string, relative: string, sent: boolean): PathSecret | undefined {
  // Nothing outside the context is looked at.
  if (relative === '' || relative === '..' || relative.startsWith('../') || nodePath.isAbsolute(relative)) return undefined;
  const abs = nodePath.join(contextDir, relative);
  let stats: fs.Stats;
  try {
    stats = fs.lstatSync(toFsPath(abs));
  } catch {
    return undefined;
  }
  const claim = claimingDirectory(relative, stats.isDirectory());
  if (claim !== undefined) return claim.category.name === 'secrets' ? { reason: `${claim.category.description} (${claim.pattern})`, findings: [] } : undefined;
  if (stats.isDirectory()) return undefined;
  // Only a regular file is read; any other kind fails the rules' content tests alike.
  const kind: EntryKind = stats.isFile() ? 'file' : stats.isSymbolicLink() ? 'symlink' : 'fifo';
  const name = nodePath.basename(relative);
  const content = (): readonly SecretFinding[] => (sent ? scanFileContent(name, kind, stats.size, () => readSmallRegularFile(toFsPath(abs))) : []);
  const found = classifyFile(name, relative, kind, () => readHead(abs), content);
  return found?.category === 'secrets' ? { reason: found.reason, findings: found.findings } : undefined;
}

// Finds what of each category the context sends. One top-down pass: a directory category claims
// its subtree (reported once, as the outermost matching directory, with the included files and
// bytes below it); file categories apply to files outside any claimed directory, so a private key
// a package ships for its own tests under node_modules is "dependencies", not "secrets".
import * as fs from 'node:fs';
import type { BuildContext } from '../context/build-context.js';
import type { EntryKind } from '../inventory/inventory.js';
import { CATEGORIES, type Category, type CategoryName, type FileRule } from './categories.js';
import { anyDepthPattern, lineExcludes, literalPattern } from './docker-pattern.js';
import { includedTotals, type SubtreeTotals } from './subtree-totals.js';
import { countsAsFile } from '../context/figures.js';

/** One offending path of a category: a directory with what it holds, or a single file. */
export interface CategoryHit {
  readonly category: CategoryName;
  /** Context-relative path of the directory or file. */
  readonly path: string;
  /** Inventory index. */
  readonly index: number;
  readonly kind: EntryKind;
  /** Non-directory entries sent from here (1 for a file). */
  readonly files: number;
  /** Bytes of regular files sent from here. */
  readonly bytes: number;
  /** Why it is in the category. */
  readonly reason: string;
  /** A .dockerignore line that excludes it (checked with Docker's matcher); undefined when no line can (a line break in the name). */
  readonly pattern: string | undefined;
}

/** Options of findCategoryHits. */
export interface CategoryScanOptions {
  /** Categories to report. @default all */
  readonly categories?: readonly CategoryName[];
  /** Reads the start of a file for content tests. @default the first 64 KiB from disk */
  readonly readHead?: (absPath: string) => string | undefined;
  /** Included totals, when the caller has them already. */
  readonly totals?: SubtreeTotals;
}

const HEAD_BYTES = 64 * 1024;

/**
 * Reads the first 64 KiB of a regular file as UTF-8.
 * @returns the text, or undefined when the file cannot be read or is not a regular file
 */
export function readHead(absPath: string): string | undefined {
  let fd: number | undefined;
  try {
    // A FIFO in the tree must not block the read: opened non-blocking, read only when regular.
    fd = fs.openSync(absPath, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    if (!fs.fstatSync(fd).isFile()) return undefined;
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = fs.readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function dirCategory(name: string, path: string): { category: Category; pattern: string } | undefined {
  for (const category of CATEGORIES) {
    if (category.dirNames.has(name)) return { category, pattern: name };
    const dp = category.dirPaths.find((d) => path === d || path.endsWith(`/${d}`));
    if (dp !== undefined) return { category, pattern: dp };
  }
  return undefined;
}

function verified(candidate: string | undefined, path: string): string | undefined {
  if (candidate !== undefined && lineExcludes(candidate, path)) return candidate;
  return literalPattern(path);
}

/**
 * Lists the context's entries that belong to the chosen categories, biggest first. Needs a context
 * whose walk covered the whole inventory (computeContextWithBaseline, or evaluateRules on one).
 * @returns the hits, sorted by bytes then path
 */
export function findCategoryHits(ctx: BuildContext, options: CategoryScanOptions = {}): CategoryHit[] {
  const wanted = new Set(options.categories ?? CATEGORIES.map((c) => c.name));
  const read = options.readHead ?? readHead;
  const totals = options.totals ?? includedTotals(ctx);
  const inv = ctx.inventory;
  // claimed[i]: 1 when entry i is a category directory or lies below one.
  const claimed = new Uint8Array(inv.count);
  const hits: CategoryHit[] = [];
  for (let i = 1; i < inv.count; i++) {
    const parent = inv.parent[i]!;
    if (claimed[parent]) {
      claimed[i] = 1;
      continue;
    }
    const name = inv.name(i);
    const path = inv.path(i);
    const atRoot = parent === 0;
    if (inv.isDir(i)) {
      const match = dirCategory(name, path);
      if (match === undefined) continue;
      claimed[i] = 1;
      if (!wanted.has(match.category.name)) continue;
      if (!ctx.isIncluded(i) && totals.files[i] === 0) continue;
      const pattern = verified(anyDepthPattern(match.pattern, atRoot), path);
      hits.push({ category: match.category.name, path, index: i, kind: 'dir', files: totals.files[i]!, bytes: totals.bytes[i]!, reason: `${match.category.description} (${match.pattern})`, pattern });
      continue;
    }
    if (!ctx.isIncluded(i)) continue;
    const hit = fileCategory(name, path, inv.kind(i), () => read(inv.absolutePath(i)), wanted);
    if (hit === undefined) continue;
    const pattern = verified(hit.rule.pattern === undefined ? undefined : anyDepthPattern(hit.rule.pattern(name), atRoot), path);
    hits.push({ category: hit.category.name, path, index: i, kind: inv.kind(i), files: countsAsFile(inv.kind(i)) ? 1 : 0, bytes: countsAsFile(inv.kind(i)) ? inv.sizes[i]! : 0, reason: hit.rule.reason, pattern });
  }
  return hits.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function fileCategory(name: string, path: string, kind: EntryKind, head: () => string | undefined, wanted: ReadonlySet<CategoryName>): { category: Category; rule: FileRule } | undefined {
  for (const category of CATEGORIES) {
    if (!wanted.has(category.name)) continue;
    for (const rule of category.files) {
      if (!rule.test(name, path)) continue;
      if (rule.content !== undefined) {
        if (kind !== 'file') continue;
        const text = head();
        if (text === undefined || !rule.content(text)) continue;
      }
      return { category, rule };
    }
  }
  return undefined;
}

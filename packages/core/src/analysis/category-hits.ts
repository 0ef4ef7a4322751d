// Finds what of each category the context sends. One top-down pass: a directory category claims
// its subtree (reported once, as the outermost matching directory, with the included files and
// bytes below it); file categories apply to files outside any claimed directory, so a private key
// a package ships for its own tests under node_modules is "dependencies", not "secrets". Secrets
// are also found by content (secret-content.ts) in the small candidate files the builder sends.
import * as fs from 'node:fs';
import type { BuildContext } from '../context/build-context.js';
import type { EntryKind } from '../inventory/inventory.js';
import { CATEGORIES, type Category, type CategoryName, type FileRule } from './categories.js';
import { anyDepthPattern, lineExcludes, literalPattern } from './docker-pattern.js';
import { includedTotals, type SubtreeTotals } from './subtree-totals.js';
import { EntryState } from '../walk/walk-result.js';
import type { SecretFinding } from './secret-content.js';
import { secretContentOf, type SecretContentReader } from './secret-content-scan.js';
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
  /** Secrets found in the file's content, in line order (empty for other categories, directories and files not read). */
  readonly findings: readonly SecretFinding[];
}

/** Options of findCategoryHits. */
export interface CategoryScanOptions {
  /** Categories to report. @default all */
  readonly categories?: readonly CategoryName[];
  /** Reads the start of a file for content tests. @default the first 64 KiB from disk */
  readonly readHead?: (absPath: string) => string | undefined;
  /** Included totals, when the caller has them already. */
  readonly totals?: SubtreeTotals;
  /**
   * The context whose sent files content detection may read, over the same inventory: only what
   * the builder sends is read, also when `ctx` is the wider eligible context. @default ctx
   */
  readonly contentFrom?: BuildContext;
  /** Reads a file for content detection. @default the file on disk (secret-content-scan.ts) */
  readonly readContent?: SecretContentReader;
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
 * whose walk covered its inventory (computeContext's, computeContextWithBaseline's, or evaluateRules
 * on one): only what is sent counts, so entries the walk pruned need not be read.
 * @returns the hits, sorted by bytes then path
 */
export function findCategoryHits(ctx: BuildContext, options: CategoryScanOptions = {}): CategoryHit[] {
  const wanted = new Set(options.categories ?? CATEGORIES.map((c) => c.name));
  const read = options.readHead ?? readHead;
  const totals = options.totals ?? includedTotals(ctx);
  const inv = ctx.inventory;
  const contentFrom = options.contentFrom ?? ctx;
  const sentState = contentFrom.inventory === inv ? contentFrom.walk.state : undefined;
  const contentOf = (i: number): readonly SecretFinding[] =>
    wanted.has('secrets') && sentState?.[i] === EntryState.Included ? secretContentOf(inv, i, options.readContent) : [];
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
      hits.push({ category: match.category.name, path, index: i, kind: 'dir', files: totals.files[i]!, bytes: totals.bytes[i]!, reason: `${match.category.description} (${match.pattern})`, pattern, findings: [] });
      continue;
    }
    if (!ctx.isIncluded(i)) continue;
    const found = classifyFile(name, path, inv.kind(i), () => read(inv.absolutePath(i)), () => contentOf(i));
    if (found === undefined || !wanted.has(found.category)) continue;
    const pattern = verified(found.rule?.pattern === undefined ? undefined : anyDepthPattern(found.rule.pattern(name), atRoot), path);
    hits.push({ category: found.category, path, index: i, kind: inv.kind(i), files: countsAsFile(inv.kind(i)) ? 1 : 0, bytes: countsAsFile(inv.kind(i)) ? inv.sizes[i]! : 0, reason: found.reason, pattern, findings: found.findings });
  }
  return hits.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * What a file's content findings say, for reports: the first finding's kind, its format prefix
 * and line, and how many more there are.
 * @returns e.g. `GitHub token (ghp_…) on line 2, and 1 more`
 */
export function describeFindings(findings: readonly SecretFinding[]): string {
  const first = findings[0];
  if (first === undefined) return '';
  const more = findings.length > 1 ? `, and ${findings.length - 1} more` : '';
  return `${first.kind} (${first.masked}) on line ${first.line}${more}`;
}

/** What claims a file: a category's file rule, or (for a secret) what its content holds. */
export interface FileClass {
  readonly category: CategoryName;
  readonly reason: string;
  /** The file rule that claimed it; undefined when only its content makes it a secret. */
  readonly rule: FileRule | undefined;
  /** What its content holds (secrets only). */
  readonly findings: readonly SecretFinding[];
}

/**
 * Classifies a file that lies outside every category directory: the first file rule of any
 * category claims it (so a log stays a log whatever it holds); an unclaimed file, or one that is a
 * secret by name, is then looked at by content.
 * @param head the start of the file, for the rules' content tests
 * @param content the file's content findings ([] when it may not or need not be read)
 * @returns the class, or undefined when nothing claims the file
 */
export function classifyFile(name: string, path: string, kind: EntryKind, head: () => string | undefined, content: () => readonly SecretFinding[]): FileClass | undefined {
  const hit = fileCategory(name, path, kind, head);
  if (hit !== undefined && hit.category.name !== 'secrets') return { category: hit.category.name, reason: hit.rule.reason, rule: hit.rule, findings: [] };
  const findings = content();
  if (hit !== undefined) return { category: 'secrets', reason: findings.length === 0 ? hit.rule.reason : `${hit.rule.reason}; content: ${describeFindings(findings)}`, rule: hit.rule, findings };
  return findings.length === 0 ? undefined : { category: 'secrets', reason: describeFindings(findings), rule: undefined, findings };
}

/**
 * The category directory that claims a path: the outermost of its directories (itself included
 * when `isDir`) that a directory category names.
 * @returns the category, the claiming directory's path and the name or path that matched, or undefined
 */
export function claimingDirectory(path: string, isDir: boolean): { category: Category; dir: string; pattern: string } | undefined {
  const parts = path.split('/');
  const last = isDir ? parts.length : parts.length - 1;
  for (let k = 1; k <= last; k++) {
    const dir = parts.slice(0, k).join('/');
    const match = dirCategory(parts[k - 1]!, dir);
    if (match !== undefined) return { category: match.category, dir, pattern: match.pattern };
  }
  return undefined;
}

function fileCategory(name: string, path: string, kind: EntryKind, head: () => string | undefined): { category: Category; rule: FileRule } | undefined {
  for (const category of CATEGORIES) {
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

// What the repository's .gitignore files already ignore, for `suggest`. Git's semantics come from
// the `ignore` package (rules per file, a later match wins, nested files override outer ones, an
// ignored directory hides everything below it); each rule is then translated into a Docker
// pattern: anchored rules are joined to their file's directory, unanchored ones get `**/`, a
// trailing `/` is dropped (Docker has no directory-only rules) and `[!x]` becomes `[^x]`.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { BuildContext } from '../context/build-context.js';
import { CATEGORIES } from './categories.js';
import { literalPattern } from './docker-pattern.js';
import { readInputFile } from '../input-file.js';

/** One .gitignore file that applies to the context. */
export interface GitignoreFile {
  /** Absolute path, for messages. */
  readonly path: string;
  /** Its directory relative to the context root ('' for the root, or for files above it). */
  readonly dir: string;
  /** For a file above the context: the context root relative to the file's directory, e.g. `app`. */
  readonly above: string | undefined;
  readonly lines: readonly string[];
  readonly matcher: Ignore;
}

const SKIP_DIRS = new Set(CATEGORIES.filter((c) => c.name === 'dependencies' || c.name === 'vcs').flatMap((c) => [...c.dirNames]));

function load(path: string, dir: string, above: string | undefined): GitignoreFile | undefined {
  let text: string;
  try {
    text = readInputFile(path, '.gitignore').bytes.toString('utf8');
  } catch {
    return undefined;
  }
  const lines = text.split(/\r?\n/);
  return { path, dir, above, lines, matcher: ignore({ ignorecase: false }).add(lines) };
}

/**
 * Finds the .gitignore files of the context (outside dependency and VCS directories) and, when the
 * context lies inside a git work tree, those of its parent directories up to the work tree's root.
 * @returns the files, outermost first
 */
export function findGitignoreFiles(ctx: BuildContext): GitignoreFile[] {
  const inv = ctx.inventory;
  const root = ctx.inputs.contextDir;
  const above: GitignoreFile[] = [];
  let hasGitRoot = fs.existsSync(nodePath.join(root, '.git'));
  for (let dir = nodePath.dirname(root); !hasGitRoot && dir !== nodePath.dirname(dir); dir = nodePath.dirname(dir)) {
    const file = load(nodePath.join(dir, '.gitignore'), '', nodePath.relative(dir, root).split(nodePath.sep).join('/'));
    if (file) above.unshift(file);
    if (fs.existsSync(nodePath.join(dir, '.git'))) hasGitRoot = true;
  }
  const inside: GitignoreFile[] = [];
  for (let i = 1; i < inv.count; i++) {
    if (inv.name(i) !== '.gitignore' || inv.kind(i) !== 'file') continue;
    const path = inv.path(i);
    if (path.split('/').some((segment) => SKIP_DIRS.has(segment))) continue;
    const file = load(inv.absolutePath(i), path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '', undefined);
    if (file) inside.push(file);
  }
  return [...(hasGitRoot ? above : []), ...inside.sort((a, b) => a.dir.length - b.dir.length)];
}

function relativeTo(file: GitignoreFile, path: string): string | undefined {
  if (file.above !== undefined) return `${file.above}/${path}`;
  if (file.dir === '') return path;
  return path.startsWith(file.dir + '/') ? path.slice(file.dir.length + 1) : undefined;
}

/**
 * Which entries git ignores, by the files' rules (nested files override outer ones; an ignored
 * directory's entries are ignored too).
 * @returns 1 for each inventory entry git ignores
 */
export function gitIgnoredMask(ctx: BuildContext, files: readonly GitignoreFile[]): Uint8Array {
  const inv = ctx.inventory;
  const ignored = new Uint8Array(inv.count);
  if (files.length === 0) return ignored;
  for (let i = 1; i < inv.count; i++) {
    if (ignored[inv.parent[i]!]) {
      ignored[i] = 1;
      continue;
    }
    const path = inv.path(i) + (inv.isDir(i) ? '/' : '');
    let state = false;
    for (const file of files) {
      const rel = relativeTo(file, path);
      if (rel === undefined) continue;
      try {
        const r = file.matcher.test(rel);
        if (r.ignored) state = true;
        else if (r.unignored) state = false;
      } catch {
        // A name the package refuses (it rejects some odd relative paths): git's verdict unknown, keep the state.
      }
    }
    if (state) ignored[i] = 1;
  }
  return ignored;
}

/** A gitignore rule with its Docker translations, best first. */
export interface TranslatedRule {
  readonly file: GitignoreFile;
  /** 1-based line number. */
  readonly line: number;
  readonly text: string;
  /** Docker lines expressing it, best first (the second form keeps only what is inside directories). */
  readonly candidates: readonly string[];
}

/**
 * Translates one gitignore line into Docker patterns.
 * @returns the candidates, or undefined for comments, blank lines, negations and untranslatable lines
 */
export function translateGitignoreLine(text: string, file: Pick<GitignoreFile, 'dir' | 'above'>): string[] | undefined {
  if (text.startsWith('#') || text.startsWith('!')) return undefined;
  // git drops trailing spaces unless the last one is escaped.
  let p = text.replace(/(?<!\\) +$/, '');
  if (p === '' || /[\r\n]/.test(p)) return undefined;
  const dirOnly = p.endsWith('/');
  p = p.replace(/\/+$/, '');
  if (p === '') return undefined;
  const anchored = p.includes('/');
  p = p.replace(/^\//, '').replace(/(^|[^\\])\[!/g, '$1[^');
  let docker: string;
  if (file.above !== undefined) {
    if (!anchored || p.startsWith('**/')) docker = p.startsWith('**/') ? p : `**/${p}`;
    else if (p.startsWith(`${file.above}/`) && !/[*?[\\]/.test(file.above)) docker = p.slice(file.above.length + 1);
    else return undefined;
  } else {
    const base = file.dir === '' ? '' : `${literalPattern(file.dir) ?? ''}/`;
    docker = anchored ? `${base}${p}` : `${base}**/${p}`;
  }
  return dirOnly ? [docker, `${docker}/**`] : [docker];
}

/**
 * Translates every rule of the files.
 * @returns the translatable rules, in file and line order
 */
export function translateGitignoreFiles(files: readonly GitignoreFile[]): TranslatedRule[] {
  const out: TranslatedRule[] = [];
  for (const file of files) {
    file.lines.forEach((text, i) => {
      const candidates = translateGitignoreLine(text, file);
      if (candidates) out.push({ file, line: i + 1, text, candidates });
    });
  }
  return out;
}

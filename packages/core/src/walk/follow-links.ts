// fsutil's FollowLinks, run by the client on the paths BuildKit asks for (FollowPaths) before its
// filtered walk: each path is followed one component at a time; a component that is a symlink is
// replaced by its target inside the context (an absolute target is taken from the context root, a
// relative one cannot climb above it), and the link itself is kept too. A component holding a
// wildcard is matched with Go's filepath.Match against its directory's names, only to find the
// symlinks among them; the pattern itself stays a pattern. The resulting paths become the walk's
// include patterns, matched like .dockerignore lines (a matched directory is taken whole). One of
// them resolving to the context root means no include filter at all.
//
// Symlinks are read through the inventory, so only the directories on the followed paths are read.
import { InputError } from '../errors.js';
import { goClean } from '../ignorefile/go-strings.js';
import type { Inventory } from '../inventory/inventory.js';
import { sortByteOrder } from '../inventory/sort-names.js';
import { goFilepathMatch } from '../patterns/go-match-syntax.js';

/** What FollowLinks made of the requested paths. */
export interface FollowedPaths {
  /**
   * The include patterns the walk uses (sorted in byte order, nested ones dropped), or undefined when
   * one resolves to the context root, which lifts the include filter.
   */
  readonly patterns: readonly string[] | undefined;
  /** For each resolved path (kept or dropped as nested), the requested paths that led to it. */
  readonly origins: ReadonlyMap<string, readonly string[]>;
}

/** Go's path.Join for slash paths: the non-empty elements joined by `/`, cleaned. */
function join(...parts: string[]): string {
  const kept = parts.filter((p) => p !== '');
  return kept.length === 0 ? '' : goClean(kept.join('/'));
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '.' : goClean(p.slice(0, i) || '/');
}

function basename(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return p === '' ? '.' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** fsutil's containsWildcards: `*`, `?` or `[` not escaped by a backslash. */
function containsWildcards(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    if (ch === '\\') i++;
    else if (ch === '*' || ch === '?' || ch === '[') return true;
  }
  return false;
}

/**
 * Resolves BuildKit's FollowPaths against the context as fsutil does before walking.
 * @param paths the FollowPaths, relative to the context root, globs kept
 * @returns the include patterns and where each came from
 * @throws InputError when a directory on a followed path cannot be read (BuildKit fails the same way)
 */
export function followLinks(inv: Inventory, paths: readonly string[]): FollowedPaths {
  const resolved = new Map<string, Set<string>>();
  const record = (path: string, from: string): void => {
    let set = resolved.get(path);
    if (set === undefined) resolved.set(path, (set = new Set()));
    set.add(from);
  };

  const failure = (index: number): never => {
    const path = inv.path(index);
    const problem = inv.problems.get(index)!;
    throw new InputError('PERMISSION_DENIED', `BuildKit cannot follow "${path}": ${problem.message}`, path, 'Make it readable, or change the Dockerfile so it does not ask for this path.');
  };

  /** The inventory entry at a path, or -1 (the walk's lstat of the path, not following links). */
  const entryAt = (p: string): number => {
    const i = inv.indexOf(p);
    if (i > 0 && inv.problems.has(i) && inv.kind(i) !== 'dir') failure(i);
    return i;
  };

  const linkTarget = (p: string, index: number): string[] | undefined => {
    if (index <= 0 || inv.kind(index) !== 'symlink') return undefined;
    const link = goClean(inv.linkTargets.get(index) ?? '');
    return [link.startsWith('/') ? link : join('/', join(dirname(p), link))];
  };

  const readSymlink = (p: string): string[] | undefined => {
    const base = basename(p);
    if (containsWildcards(base)) {
      const dir = dirname(p);
      const at = dir === '.' || dir === '/' ? 0 : entryAt(dir);
      if (at < 0 || !inv.isDir(at)) return undefined;
      const [start, n] = inv.children(at);
      if (inv.problems.has(at)) failure(at);
      let out: string[] | undefined;
      for (let c = start; c < start + n; c++) {
        const name = inv.name(c);
        if (goFilepathMatch(base, name) !== true) continue;
        const child = join(dir, name);
        const targets = linkTarget(child, c);
        if (targets !== undefined) (out ??= []).push(...targets);
      }
      return out;
    }
    if (p === '.' || p === '/') return undefined;
    return linkTarget(p, entryAt(p));
  };

  const append = (requested: string, from: string): void => {
    let p = join('.', requested);
    let current = '.';
    for (;;) {
      const slash = p.indexOf('/');
      const head = slash < 0 ? p : p.slice(0, slash);
      current = join(current, head);
      const targets = readSymlink(current);
      p = slash < 0 ? '' : p.slice(slash + 1);
      if ((p === '' || targets !== undefined) && resolved.has(current)) {
        record(current, from);
        return;
      }
      if (targets !== undefined) {
        record(current, from);
        for (const target of targets) append(join(target, p), from);
        return;
      }
      if (p === '') {
        record(current, from);
        return;
      }
    }
  };

  for (const path of paths) append(path, path);
  const sorted = sortByteOrder([...resolved.keys()]);
  const origins = new Map([...resolved].map(([k, v]) => [k, [...v]]));
  if (sorted.includes('.')) return { patterns: undefined, origins };
  const patterns: string[] = [];
  let last: string | undefined;
  for (const s of sorted) {
    if (last !== undefined && s.startsWith(last + '/')) continue;
    patterns.push(s);
    last = s;
  }
  return { patterns, origins };
}

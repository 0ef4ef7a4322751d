// A COPY or ADD source that BuildKit does not receive fails the build once the context has arrived
// (issue 11, on the real BuildKit): a missing or excluded plain path fails with `failed to compute
// cache key: … "/x": not found` when it is the instruction's only source, `lstat /x: no such file or
// directory` when it is one of several; a glob that matches nothing is fine, unless the directory
// it searches is missing or excluded (then the lstat error names that directory).
import type { Diagnostic } from '../diagnostics.js';
import type { RuleOrigin } from '../errors.js';
import type { PatternSet } from '../patterns/pattern-set.js';
import { explainPath } from './explain.js';
import type { ContextRequest } from '../dockerfile/requests.js';
import { goClean } from '../ignorefile/go-strings.js';
import type { Inventory } from '../inventory/inventory.js';
import { goFilepathMatch } from '../patterns/go-match-syntax.js';
import type { WalkResult } from '../walk/walk-result.js';
import type { SendPlan } from './send-plan.js';

const WILDCARD = /[*?[]/;

/** The directory a glob searches: its components before the first one with a wildcard. */
function globBase(path: string): string {
  const parts = path.split('/');
  const first = parts.findIndex((p) => WILDCARD.test(p));
  return parts.slice(0, first).join('/');
}

/** The tree BuildKit received, as the copy sees it: sent entries, symlinks resolved inside the root. */
export interface ReceivedTree {
  /** True when the entry at the context-relative path was sent (parents count: they are sent with their own verdict). */
  sent(path: string): boolean;
  /**
   * Follows symlinks in the received tree, inside the context root (a link pointing out of it, or
   * dangling, leads nowhere there).
   * @returns the resolved context-relative path ('' for the root), or undefined when it did not arrive
   */
  resolve(path: string): string | undefined;
  /** What a glob matches in the received tree (filepath.Match per component, over sent entries). */
  globMatches(pattern: string): string[];
}

/**
 * The received tree of a walk.
 * @returns lookups over the entries the walk sent
 */
export function receivedTree(inv: Inventory, walk: WalkResult): ReceivedTree {
  // Parent directories are sent with their own verdict as state, so the send order decides. A byte
  // per entry, filled on first use: a Set of a million sent entries took a re-evaluation's time.
  let inOrder: Uint8Array | undefined;
  const ordered = (i: number): boolean => {
    if (inOrder === undefined) {
      inOrder = new Uint8Array(inv.count);
      for (const k of walk.order) inOrder[k] = 1;
    }
    return inOrder[i] === 1;
  };
  const sent = (path: string): boolean => {
    if (path === '' || path === '.') return true;
    const i = inv.indexOf(path, false);
    return i > 0 && ordered(i);
  };
  const resolve = (path: string): string | undefined => {
    let parts = path === '.' || path === '' ? [] : path.split('/');
    let done: string[] = [];
    for (let hops = 0; parts.length > 0; ) {
      const cur = [...done, parts[0]!].join('/');
      if (!sent(cur)) return undefined;
      const i = inv.indexOf(cur, false);
      if (inv.kind(i) === 'symlink') {
        if (++hops > 40) return undefined;
        const target = inv.linkTargets.get(i) ?? '';
        const joined = goClean('/' + (target.startsWith('/') ? target : [...done, target].join('/'))).slice(1);
        parts = [...(joined === '' ? [] : joined.split('/')), ...parts.slice(1)];
        done = [];
        continue;
      }
      done.push(parts.shift()!);
    }
    return done.join('/');
  };
  const globMatches = (pattern: string): string[] => {
    let current = [''];
    for (const part of pattern.split('/')) {
      const next: string[] = [];
      for (const dir of current) {
        if (!WILDCARD.test(part)) {
          const p = dir === '' ? part : `${dir}/${part}`;
          if (sent(p)) next.push(p);
          continue;
        }
        const at = dir === '' ? 0 : inv.indexOf(dir, false);
        if (at < 0 || !inv.isDir(at) || !inv.isScanned(at)) continue;
        const [start, n] = inv.children(at);
        for (let c = start; c < start + n; c++) {
          if (ordered(c) && goFilepathMatch(part, inv.name(c)) === true) next.push(inv.path(c));
        }
      }
      current = next;
    }
    return current;
  };
  return { sent, resolve, globMatches };
}

/** A source BuildKit will not find, with the instruction that names it. */
export interface MissingSource {
  readonly request: ContextRequest;
  /** The path that did not arrive: the source, the directory a glob searches, or a glob's dangling match. */
  readonly path: string;
  /** BuildKit's error, as it prints it (the checksum ref elided). */
  readonly error: string;
  /** A glob's match that is a symbolic link leading nowhere inside the context. */
  readonly danglingLink: boolean;
}

/**
 * The sources BuildKit will not find once the context has arrived, each failing the build.
 * @returns one entry per failing source, in dispatch order
 */
export function missingSources(inv: Inventory, walk: WalkResult, plan: SendPlan | undefined): MissingSource[] {
  if (plan?.requests === undefined || plan.scope === 'none' || plan.wholeBecause === 'option') return [];
  const reads = plan.requests.requests.filter((r) => (r.kind === 'copy' || r.kind === 'add' || r.kind === 'bind-mount') && !r.wholeContext);
  const tree = receivedTree(inv, walk);
  const arrived = (path: string): boolean => tree.resolve(path) !== undefined;
  const sourcesOf = (r: ContextRequest): number => plan.requests!.requests.filter((o) => o.stage === r.stage && o.instruction.line === r.instruction.line && o.onbuild === r.onbuild && (o.kind === 'copy' || o.kind === 'add')).length;
  const out: MissingSource[] = [];
  for (const r of reads) {
    // A bind mount's source is a plain path (no globbing), though the walk sent the glob's matches.
    const glob = r.kind !== 'bind-mount' && WILDCARD.test(r.path);
    const base = glob ? globBase(r.path) : r.path;
    if (arrived(base)) {
      // A glob's match that is a link leading nowhere in the received tree is not found either.
      const dangling = glob ? tree.globMatches(r.path).find((m) => !arrived(m)) : undefined;
      if (dangling !== undefined) out.push({ request: r, path: dangling, error: `failed to compute cache key: failed to calculate checksum of ref …: "/${dangling}": not found`, danglingLink: true });
      continue;
    }
    const error =
      !glob && (r.kind === 'bind-mount' || sourcesOf(r) === 1)
        ? `failed to compute cache key: failed to calculate checksum of ref …: "/${r.path}": not found`
        : `lstat /${base}: no such file or directory`;
    out.push({ request: r, path: base, error, danglingLink: false });
  }
  return out;
}

/**
 * The errors BuildKit raises for sources it did not receive.
 * @param excludedBy the ignore file's line that excludes a path, when one does
 * @returns one error diagnostic per missing source, naming the instruction (and the ignore line)
 */
export function missingSourceDiagnostics(inv: Inventory, walk: WalkResult, plan: SendPlan | undefined, excludedBy: (path: string) => RuleOrigin | undefined = () => undefined): Diagnostic[] {
  const file = plan?.requests?.graph.file ?? 'Dockerfile';
  return missingSources(inv, walk, plan).map((m) => {
    const where = `${file}:${m.request.instruction.line} ${m.request.instruction.text}`;
    const message = m.danglingLink
      ? `BuildKit will fail at ${where}: ${m.error}. ${m.path} matches ${m.request.path} and is a symbolic link leading nowhere inside the context; fix or exclude the link.`
      : `BuildKit will fail at ${where}: ${m.error}. The path is ${inv.indexOf(m.path) > 0 ? excludedText(excludedBy(m.path)) : 'not in the context'}; add it, or stop excluding it.`;
    return { code: 'buildkit-source-missing', severity: 'error', path: m.path, message };
  });
}

function excludedText(rule: RuleOrigin | undefined): string {
  return rule === undefined ? 'excluded by the ignore file' : `excluded by ${rule.file}:${rule.line} (${rule.text})`;
}

/**
 * The ignore file's line that keeps a path out of BuildKit's context (itself or a parent directory).
 * @returns the rule's origin, or undefined when the rules let the path through or it cannot be told
 */
export function excludingRule(set: PatternSet, path: string): RuleOrigin | undefined {
  try {
    const why = explainPath(set, 'buildkit', path);
    return why.included ? undefined : why.rule?.origin;
  } catch {
    return undefined;
  }
}

// The golden rule ("anything your Dockerfile does not COPY belongs in .dockerignore") as three sets
// over one context: eligible (what the ignore file lets through, which the legacy builder sends),
// sent (what BuildKit sends: only what the Dockerfile requests) and used (copied or bind-mounted
// into a stage the target needs). A context file copied into a stage is followed through FROM
// <stage> and COPY --from chains, so it is known to reach the target's filesystem ("shipped") or
// to stay in build stages. RUN steps are not run: a file a RUN deletes still counts as shipped.
import { type BuildContext, checkContextArgument } from '../context/build-context.js';
import { countsAsFile } from '../context/figures.js';
import { receivedTree } from '../context/missing-sources.js';
import type { ContextRequest, StageCopy } from '../dockerfile/requests.js';
import { InputError } from '../errors.js';
import { goClean } from '../ignorefile/go-strings.js';
import type { Inventory } from '../inventory/inventory.js';
import { matchesOrParentMatches } from '../patterns/matcher.js';
import { compileRules, type PatternSet } from '../patterns/pattern-set.js';
import { goFilepathMatch } from '../patterns/go-match-syntax.js';
import { EntryState } from '../walk/walk-result.js';
import { ignoreFileRelative } from './offenders.js';

/** Per-entry flags of UsageAnalysis.marks. */
export const enum UseMark {
  /** Copied or bind-mounted into a stage the target needs. */
  Used = 1,
  /** Used by a source naming it (a path or a glob), not only by a read of the whole context. */
  Named = 2,
  /** Reaches the target stage's filesystem. */
  Shipped = 4,
  /** A path that must arrive for the build to succeed (a plain source, or the directory a glob searches). */
  Required = 8,
}

/** Regular files and their bytes. */
export interface FileTotals {
  readonly files: number;
  readonly bytes: number;
}

/** Unused files under one top-level entry of the context. */
export interface UnusedGroup extends FileTotals {
  /** The first path component (a file at the root is its own group). */
  readonly top: string;
}

/** One way the Dockerfile uses a context entry. */
export interface EntryUse {
  /** The instruction, as the Dockerfile's reads list it. */
  readonly request: ContextRequest;
  /** Name of the stage that copies or mounts it. */
  readonly stage: string;
}

/** The three sets of one target, and the golden rule's two lists. */
export interface UsageAnalysis {
  /** What the ignore file lets through: what the legacy builder sends. */
  readonly eligible: FileTotals;
  /** What this context's builder sends. */
  readonly sent: FileTotals;
  /** Files copied or bind-mounted into a needed stage. */
  readonly used: FileTotals;
  /** Used files that reach the target stage. */
  readonly shipped: FileTotals;
  /** True when some read takes the whole context (`COPY . .`, a bind mount without source). */
  readonly wholeContext: boolean;
  /** Sent but never used, biggest first. */
  readonly sentUnused: readonly UnusedGroup[];
  /** Eligible but never used, biggest first: what the legacy builder, or a later `COPY . .`, would send for nothing. */
  readonly eligibleUnused: readonly UnusedGroup[];
  /** UseMark flags per inventory entry. */
  readonly marks: Uint8Array;
  /**
   * How the Dockerfile uses a path: the first instruction that copies or mounts it, or undefined.
   * @param path context-relative
   */
  useOf(path: string): EntryUse | undefined;
}

/**
 * A context entry placed into a stage: its absolute path there is `dir` joined with its path below
 * the copied directory. Both are left to `imageOf`, because only a later `COPY --from` needs them,
 * and a `COPY . .` of a big context places every file.
 */
interface Placement {
  readonly entry: number;
  readonly dir: string;
  /** Where the entry's path below the copied directory starts in its context path; -1 when `dir` is its own path. */
  readonly relFrom: number;
}

/** @returns the entry's path below the directory a source copied ('' for the source's own match) */
function relOf(inv: Inventory, t: { readonly entry: number; readonly relFrom: number }): string {
  return t.relFrom < 0 ? '' : inv.path(t.entry).slice(t.relFrom);
}

/** @returns the placement's absolute path in its stage */
function imageOf(inv: Inventory, p: Placement): string {
  return p.relFrom < 0 ? p.dir : join(p.dir, relOf(inv, p));
}

const WILDCARD = /[*?[]/;

/**
 * Works out the eligible, sent and used sets of a BuildKit context whose Dockerfile was read.
 * @returns totals of the three sets, per-entry marks, and the unused files by top directory
 * @throws InputError when the context has no Dockerfile reads (legacy builder, `wholeContext`, no Dockerfile)
 */
export function analyzeUsage(ctx: BuildContext): UsageAnalysis {
  checkContextArgument(ctx, 'ctx');
  const requests = ctx.plan?.requests;
  if (requests === undefined) {
    throw new InputError('INPUT_INVALID', 'Which files the Dockerfile uses is known only from its reads, and this context has none (legacy builder, the whole context asked for, or no Dockerfile).', ctx.inputs.contextDir, 'Compute the context with builder "buildkit" and a Dockerfile.', 'ctx');
  }
  const inv = ctx.inventory;
  const eligibleState = ctx.eligibleWalk().state;
  const sentState = ctx.walk.state;
  const tree = receivedTree(inv, ctx.walk);
  const marks = new Uint8Array(inv.count);
  const firstUse = new Int32Array(inv.count).fill(-1);
  const uses: EntryUse[] = [];
  const stageName = (i: number): string => requests.graph.stages[i]!.name;
  const use = (i: number, request: ContextRequest, flags: number): void => {
    marks[i]! |= UseMark.Used | flags;
    if (firstUse[i] === -1) {
      firstUse[i] = uses.length;
      uses.push({ request, stage: stageName(request.stage) });
    }
  };

  // Each context source resolved in the received tree: the entries it takes, and where they land.
  const placements = new Map<number, Placement[]>();
  const requestFor = (copy: StageCopy, source: string): ContextRequest | undefined =>
    requests.requests.find((r) => r.stage === copy.stage && r.instruction.line === copy.instruction.line && r.onbuild === copy.onbuild && r.source === source);
  for (const stage of requests.graph.stages) {
    if (!stage.reachable) continue;
    const here: Placement[] = stage.baseStage === undefined ? [] : [...(placements.get(stage.baseStage) ?? [])];
    for (const copy of requests.copies) {
      if (copy.stage !== stage.index) continue;
      const excludes = excludeSet(copy.excludes);
      if (copy.origin.kind === 'context') {
        for (const source of copy.sources) {
          const request = requestFor(copy, source);
          if (request === undefined) continue;
          const named = request.wholeContext ? 0 : UseMark.Named;
          for (const taken of resolveSource(inv, tree, request.path, sentState)) {
            const { entry, relFrom, matched, placed } = taken;
            // The path below the copied directory is built only when there are --exclude patterns.
            if (excludes !== undefined && relFrom >= 0 && excluded(excludes, relOf(inv, taken))) continue;
            if (excludes !== undefined && relFrom < 0 && matched !== '' && excluded(excludes, baseName(matched))) continue;
            use(entry, request, named);
            if (inv.isDir(entry) || !placed) continue;
            here.push(relFrom < 0 ? { entry, dir: copy.destIsDir ? join(copy.dest, baseName(matched)) : copy.dest, relFrom } : { entry, dir: copy.dest, relFrom });
          }
        }
      } else if (copy.origin.kind === 'stage') {
        for (const p of placements.get(copy.origin.index) ?? []) {
          const image = copyFromStage(imageOf(inv, p), copy, excludes);
          if (image !== undefined) here.push({ entry: p.entry, dir: image, relFrom: -1 });
        }
      }
    }
    placements.set(stage.index, here);
  }
  for (const r of requests.requests) {
    if (r.kind !== 'bind-mount') continue;
    for (const { entry } of resolveSource(inv, tree, r.path, sentState, false)) use(entry, r, r.wholeContext ? 0 : UseMark.Named);
  }
  for (const p of placements.get(requests.graph.target) ?? []) marks[p.entry]! |= UseMark.Shipped;
  markRequired(inv, tree, requests.requests, marks);

  // The Dockerfile and the ignore file are read by the builder itself: never counted as unused.
  const own = new Set([ctx.inputs.dockerfileRelative, ignoreFileRelative(ctx)].map((p) => inv.indexOf(p, false)).filter((i) => i > 0));
  // One pass over the files for every total and both unused lists (a million entries each time).
  const eligible = { files: 0, bytes: 0 };
  const sent = { files: 0, bytes: 0 };
  const used = { files: 0, bytes: 0 };
  const shipped = { files: 0, bytes: 0 };
  const sentUnused = new Map<number, { files: number; bytes: number }>();
  const eligibleUnused = new Map<number, { files: number; bytes: number }>();
  const add = (totals: { files: number; bytes: number }, size: number): void => {
    totals.files++;
    totals.bytes += size;
  };
  const addTo = (groups: Map<number, { files: number; bytes: number }>, top: number, size: number): void => {
    let group = groups.get(top);
    if (group === undefined) groups.set(top, (group = { files: 0, bytes: 0 }));
    add(group, size);
  };
  for (let i = 1; i < inv.count; i++) {
    if (!countsAsFile(inv.kind(i))) continue;
    const size = inv.sizes[i]!;
    const isEligible = eligibleState[i] === EntryState.Included;
    const isSent = sentState[i] === EntryState.Included;
    const mark = marks[i]!;
    if (isEligible) add(eligible, size);
    if (isSent) add(sent, size);
    if ((mark & UseMark.Used) !== 0) add(used, size);
    if ((mark & UseMark.Shipped) !== 0) add(shipped, size);
    if ((mark & UseMark.Used) !== 0 || own.has(i) || (!isEligible && !isSent)) continue;
    const top = topOf(inv, i);
    if (isSent) addTo(sentUnused, top, size);
    if (isEligible) addTo(eligibleUnused, top, size);
  }
  return {
    eligible,
    sent,
    used,
    shipped,
    wholeContext: requests.wholeContext,
    sentUnused: unusedGroups(inv, sentUnused),
    eligibleUnused: unusedGroups(inv, eligibleUnused),
    marks,
    useOf(path: string): EntryUse | undefined {
      const i = inv.indexOf(goClean(path), false);
      return i > 0 && firstUse[i]! >= 0 ? uses[firstUse[i]!] : undefined;
    },
  };
}

/** An entry a source takes: below a matched directory, its path there starts at `relFrom` of its own (-1 for the match itself). */
interface Taken {
  readonly entry: number;
  readonly relFrom: number;
  readonly matched: string;
  /** False for a symlink the source named: it is read, and its target is what gets copied. */
  readonly placed: boolean;
}

/**
 * The sent entries a source takes: each match (a glob's, or the path), symlinks followed inside the
 * context, a directory taken whole (re-included entries below an excluded directory too). The link
 * itself is used too: it was sent and read.
 */
function resolveSource(inv: Inventory, tree: ReturnType<typeof receivedTree>, path: string, sentState: Uint8Array, glob = true): Taken[] {
  const matches = path === '.' ? [''] : glob && WILDCARD.test(path) ? tree.globMatches(path) : [path];
  const out: Taken[] = [];
  for (const matched of matches) {
    const resolved = tree.resolve(matched);
    if (resolved === undefined) continue;
    const link = matched === resolved ? -1 : inv.indexOf(matched, false);
    if (link > 0 && inv.kind(link) === 'symlink') out.push({ entry: link, relFrom: -1, matched, placed: false });
    const root = resolved === '' ? 0 : inv.indexOf(resolved, false);
    if (root < 0) continue;
    if (root > 0) out.push({ entry: root, relFrom: -1, matched, placed: true });
    if (!inv.isDir(root)) continue;
    const prefix = root === 0 ? '' : inv.path(root) + '/';
    const stack = [root];
    while (stack.length > 0) {
      const dir = stack.pop()!;
      if (!inv.isScanned(dir)) continue;
      const [start, n] = inv.children(dir);
      for (let c = start; c < start + n; c++) {
        const included = sentState[c] === EntryState.Included;
        if (included) out.push({ entry: c, relFrom: prefix.length, matched, placed: true });
        // BuildKit sends an excluded directory holding a re-included entry as that entry's parent,
        // with its own (excluded) verdict: the copy still takes what arrived below it.
        if (inv.isDir(c) && (included || tree.sent(inv.path(c)))) stack.push(c);
      }
    }
  }
  return out;
}

/** Where a file placed at `image` in the source stage lands through `COPY --from`, or undefined when the copy does not take it. */
function copyFromStage(image: string, copy: StageCopy, excludes: PatternSet | undefined): string | undefined {
  for (const source of copy.sources) {
    const src = goClean('/' + source);
    const parts = image.split('/').slice(1);
    const srcParts = src === '/' ? [] : src.split('/').slice(1);
    if (srcParts.length > parts.length) continue;
    const hit = srcParts.every((s, k) => (WILDCARD.test(s) ? goFilepathMatch(s, parts[k]!) === true : s === parts[k]));
    if (!hit) continue;
    const rel = parts.slice(srcParts.length).join('/');
    if (rel === '') {
      if (excluded(excludes, parts[parts.length - 1]!)) continue;
      return copy.destIsDir ? join(copy.dest, parts[parts.length - 1]!) : copy.dest;
    }
    if (excluded(excludes, rel)) continue;
    return join(copy.dest, rel);
  }
  return undefined;
}

/** Marks the paths that must arrive: each plain source, and the directory each glob searches. */
function markRequired(inv: Inventory, tree: ReturnType<typeof receivedTree>, requests: readonly ContextRequest[], marks: Uint8Array): void {
  for (const r of requests) {
    if ((r.kind !== 'copy' && r.kind !== 'add' && r.kind !== 'bind-mount') || r.wholeContext) continue;
    const parts = r.path.split('/');
    const first = r.kind === 'bind-mount' ? -1 : parts.findIndex((p) => WILDCARD.test(p));
    const base = first < 0 ? r.path : parts.slice(0, first).join('/');
    if (base === '') continue;
    for (const p of [base, tree.resolve(base)]) {
      const i = p === undefined || p === '' ? -1 : inv.indexOf(p, false);
      if (i > 0) marks[i]! |= UseMark.Required;
    }
  }
}

function excludeSet(patterns: readonly string[]): PatternSet | undefined {
  if (patterns.length === 0) return undefined;
  return compileRules(patterns.map((pattern, k) => ({ pattern, origin: { file: '(COPY --exclude)', line: k + 1, text: pattern } })));
}

function excluded(set: PatternSet | undefined, rel: string): boolean {
  if (set === undefined) return false;
  try {
    return matchesOrParentMatches(set, rel).excluded;
  } catch {
    return false;
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function join(dir: string, rel: string): string {
  return goClean(`${dir}/${rel}`);
}

/** The entry's ancestor at the context's root (itself for a root entry). */
function topOf(inv: Inventory, i: number): number {
  let top = i;
  while (inv.parent[top]! > 0) top = inv.parent[top]!;
  return top;
}

/** Unused files grouped by root entry, biggest first. */
function unusedGroups(inv: Inventory, groups: ReadonlyMap<number, FileTotals>): UnusedGroup[] {
  return [...groups].map(([top, g]) => ({ top: inv.name(top), files: g.files, bytes: g.bytes })).sort((a, b) => b.bytes - a.bytes || b.files - a.files || (a.top < b.top ? -1 : 1));
}

// Runs one tree + .dockerignore through the real Docker CLI (legacy builder, fake daemon) and through
// computeContext, and says exactly where they disagree: entry names, order, types, link targets,
// sizes, per-entry tar bytes, total tar bytes, the printed size, and the error (or its absence).
import { join } from 'node:path';
import { type BuildContext, computeContext, type ContextEntry, CtxlensError } from '@ctxlens/core';
import { type FakeDaemon, type LegacyBuildResult, removeTree, runLegacyBuild, type TarEntry, type TreeSpec, writeCase } from '@ctxlens/test-fixtures';

/** Every path of a tree spec, parents included. */
function specPaths(input: ConformanceInput): Set<string> {
  const out = new Set<string>(input.dockerignore === null ? [] : ['.dockerignore']);
  for (const e of input.tree) {
    const p = ('file' in e ? e.file : 'dir' in e ? e.dir : 'symlink' in e ? e.symlink : 'hardlink' in e ? e.hardlink : 'fifo' in e ? e.fifo : e.socket).replace(/\/+$/, '');
    const parts = p.split('/');
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('/'));
  }
  return out;
}

/** One case to compare, random or hand-written. */
export interface ConformanceInput {
  /** How to name and reproduce the case, e.g. `seed 17` or `edge: d/* then !d`. */
  readonly label: string;
  readonly tree: TreeSpec;
  /** `.dockerignore` content, or null for none. */
  readonly dockerignore: string | Buffer | null;
  /** The Dockerfile to name with `-f`, relative to the context (default: Docker's choice). */
  readonly dockerfile?: string;
}

/** What one comparison found. */
export interface ConformanceOutcome {
  readonly label: string;
  /** Entry names compared (union of both sides); 0 when both refused the build. */
  readonly paths: number;
  /** Paths in the tree (implied directories and .dockerignore included) whose fate both sides decided. */
  readonly treePaths: number;
  /** Both sides refused the build. */
  readonly bothFailed: boolean;
  /** Human-readable disagreements; empty when the two agree. */
  readonly problems: string[];
  /** Docker's tar entry names, in upload order. */
  readonly dockerNames: string[];
  readonly ourNames: string[];
  readonly dockerError: string | null;
  readonly ourError: string | null;
}

/** Docker's wording for each kind of refusal; both sides must use the same one. */
const ERROR_KINDS = ['syntax error in pattern', 'illegal exclusion pattern', 'token too long', 'is a directory', 'too many levels of symbolic links'];

const padded = (n: number): number => Math.ceil(n / 512) * 512;

function ourTarName(e: ContextEntry): string {
  return e.kind === 'dir' ? `${e.path}/` : e.path;
}

function ourTarType(e: ContextEntry): string {
  return e.hardlinkOf !== undefined ? 'hardlink' : e.kind;
}

function dockerEntryBytes(e: TarEntry): number {
  return e.headerBytes + (e.type === 'file' ? padded(e.size) : 0);
}

function compareErrors(docker: LegacyBuildResult, ours: unknown, problems: string[]): void {
  if (!(ours instanceof CtxlensError)) {
    problems.push(`ctxlens crashed with ${String(ours)} where docker refused the build with ${JSON.stringify(docker.error)}`);
    return;
  }
  const dockerError = docker.error ?? '';
  const kind = ERROR_KINDS.find((k) => ours.message.includes(k));
  if (kind !== undefined ? !dockerError.includes(kind) : !dockerError.includes(ours.message)) {
    problems.push(`both refused, differently: docker ${JSON.stringify(dockerError)}, ctxlens ${JSON.stringify(ours.message)}`);
  }
}

function compareEntries(docker: LegacyBuildResult, ctx: BuildContext, problems: string[]): void {
  const ours = ctx.entries();
  const dockerNames = docker.entries.map((e) => e.name);
  const ourNames = ours.map(ourTarName);
  const dockerSet = new Set(dockerNames);
  const ourSet = new Set(ourNames);
  for (const n of dockerNames) if (!ourSet.has(n)) problems.push(`- only docker:  ${JSON.stringify(n)}`);
  for (const n of ourNames) if (!dockerSet.has(n)) problems.push(`+ only ctxlens: ${JSON.stringify(n)}`);
  const sameSet = dockerSet.size === ourSet.size && dockerNames.every((n) => ourSet.has(n));
  if (sameSet) {
    const at = dockerNames.findIndex((n, i) => n !== ourNames[i]);
    if (at >= 0) problems.push(`order differs at #${at}: docker ${JSON.stringify(dockerNames[at])}, ctxlens ${JSON.stringify(ourNames[at])}`);
  }
  const byName = new Map(ours.map((e) => [ourTarName(e), e]));
  for (const d of docker.entries) {
    const o = byName.get(d.name);
    if (!o) continue;
    const ourLink = o.hardlinkOf ?? o.linkTarget ?? '';
    const ourSize = o.kind === 'file' && o.hardlinkOf === undefined ? o.size : 0;
    const diffs: string[] = [];
    if (d.type !== ourTarType(o)) diffs.push(`type docker=${d.type} ctxlens=${ourTarType(o)}`);
    if (d.linkname !== ourLink) diffs.push(`link docker=${JSON.stringify(d.linkname)} ctxlens=${JSON.stringify(ourLink)}`);
    if (d.size !== ourSize) diffs.push(`size docker=${d.size} ctxlens=${ourSize}`);
    if (dockerEntryBytes(d) !== o.tarBytes) diffs.push(`tar bytes docker=${dockerEntryBytes(d)} ctxlens=${o.tarBytes}`);
    if (diffs.length > 0) problems.push(`~ ${JSON.stringify(d.name)}: ${diffs.join(', ')}`);
  }
  if (docker.tarBytes !== ctx.sizes.tarBytes) problems.push(`tar bytes: docker ${docker.tarBytes}, ctxlens ${ctx.sizes.tarBytes}`);
  if (docker.printedSize !== ctx.sizes.dockerSize) problems.push(`printed size: docker ${docker.printedSize}, ctxlens ${ctx.sizes.dockerSize}`);
}

/**
 * Builds the case under `root`, runs both sides, removes the tree again.
 * @returns the comparison
 */
export async function runConformanceCase(daemon: FakeDaemon, root: string, input: ConformanceInput): Promise<ConformanceOutcome> {
  const problems: string[] = [];
  try {
    await writeCase(root, input);
    const dockerfile = input.dockerfile === undefined ? undefined : join(root, input.dockerfile);
    const docker = await runLegacyBuild(daemon, root, dockerfile === undefined ? {} : { dockerfile });
    let ctx: BuildContext | undefined;
    let ourError: unknown;
    try {
      ctx = await computeContext(root, dockerfile === undefined ? { builder: 'legacy' } : { builder: 'legacy', dockerfile });
    } catch (error) {
      ourError = error;
    }
    const dockerNames = docker.entries.map((e) => e.name);
    const ourNames = ctx ? ctx.entries().map(ourTarName) : [];
    const ourMessage = ourError === undefined ? null : ourError instanceof Error ? ourError.message : String(ourError);
    if (!docker.uploaded) {
      if (ctx) problems.push(`docker refused the build (${JSON.stringify(docker.error)}); ctxlens computed ${ourNames.length} entries`);
      else compareErrors(docker, ourError, problems);
    } else if (!ctx) {
      problems.push(`docker sent ${dockerNames.length} entries; ctxlens threw ${JSON.stringify(ourMessage)}`);
    } else {
      if (docker.exitCode !== 0) problems.push(`docker uploaded but exited ${docker.exitCode}: ${docker.error}`);
      compareEntries(docker, ctx, problems);
    }
    const paths = new Set([...dockerNames, ...ourNames]).size;
    const treePaths = docker.uploaded && ctx ? specPaths(input).size : 0;
    return { label: input.label, paths, treePaths, bothFailed: !docker.uploaded && !ctx, problems, dockerNames, ourNames, dockerError: docker.error, ourError: ourMessage };
  } finally {
    await removeTree(root);
  }
}

/**
 * A mismatch report a human can reproduce from.
 * @returns several lines: the label, the .dockerignore as JSON, both sides' summaries and the diff
 */
export function formatMismatch(outcome: ConformanceOutcome, dockerignore: string | Buffer | null, extra = ''): string {
  const ignore = dockerignore === null ? '(none)' : typeof dockerignore === 'string' ? JSON.stringify(dockerignore.length > 400 ? `${dockerignore.slice(0, 400)}…(${dockerignore.length} chars)` : dockerignore) : `<${dockerignore.length} bytes>`;
  return [
    `✗ ${outcome.label}${extra ? ` — ${extra}` : ''}`,
    `  .dockerignore: ${ignore}`,
    `  docker:  ${outcome.dockerError === null ? `${outcome.dockerNames.length} entries` : `error ${JSON.stringify(outcome.dockerError)}`}`,
    `  ctxlens: ${outcome.ourError === null ? `${outcome.ourNames.length} entries` : `error ${JSON.stringify(outcome.ourError)}`}`,
    ...outcome.problems.slice(0, 40).map((p) => `  ${p}`),
    ...(outcome.problems.length > 40 ? [`  … ${outcome.problems.length - 40} more`] : []),
  ].join('\n');
}
